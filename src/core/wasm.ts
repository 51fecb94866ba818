import { readSync } from 'node:fs';

/**
 * What the hand-written WebAssembly cores (src/pos/core.wat, src/entities/core.wat) share: their
 * modules compiled once a process, files read into their memory, and text copied in and out.
 */

/** What the cores need of the WebAssembly API (the compiler's libraries here declare none of it). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}
const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

const compiled = new Map<string, object>();

/** A new instance (its own memory) of the module whose bytes are `base64`, compiled on first use. */
export function instantiateWasm<Exports>(base64: string): Exports {
  let module = compiled.get(base64);
  if (!module) {
    module = new wasm.Module(Buffer.from(base64, 'base64'));
    compiled.set(base64, module);
  }
  return new wasm.Instance(module, {}).exports as Exports;
}

/**
 * The Buffer methods behind toString and write, without their argument checks: on a first run
 * those checks cost five times the copy. Node has always had them; where they are missing, the
 * documented methods are used.
 */
interface RawBuffer {
  utf8Slice?(start: number, end: number): string;
  latin1Slice?(start: number, end: number): string;
  ucs2Write?(s: string, offset: number, length: number): number;
}
const raw = Buffer.prototype as unknown as RawBuffer;
const RAW = typeof raw.utf8Slice === 'function' && typeof raw.latin1Slice === 'function' && typeof raw.ucs2Write === 'function';

/** Writes s as UTF-16 code units at `at`. */
export function writeUtf16(bytes: Buffer, s: string, at: number): void {
  if (RAW) (bytes as RawBuffer).ucs2Write!(s, at, s.length * 2);
  else bytes.write(s, at, 'utf16le');
}

/** The text of bytes [start, end) read as UTF-8 ('' when end ≤ start). */
export function utf8Text(bytes: Buffer, start: number, end: number): string {
  if (end <= start) return '';
  return RAW ? (bytes as RawBuffer).utf8Slice!(start, end) : bytes.toString('utf8', start, end);
}

/** The same read as Latin-1. */
export function latin1Text(bytes: Buffer, start: number, end: number): string {
  if (end <= start) return '';
  return RAW ? (bytes as RawBuffer).latin1Slice!(start, end) : bytes.toString('latin1', start, end);
}

/** Reads `length` bytes of an open file from its start into memory at `at`: false when the file ends before. */
export function readInto(fd: number, memory: Uint8Array, at: number, length: number): boolean {
  for (let done = 0; done < length; ) {
    const n = readSync(fd, memory, at + done, length - done, done);
    if (n === 0) return false;
    done += n;
  }
  return true;
}
