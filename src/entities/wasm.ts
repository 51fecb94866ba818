/** The entity recognizer's WebAssembly module (core.wat), compiled once, instantiated by its users. */
import { ENTITIES_CORE_WASM } from './core-wasm.js';

/** What the recognizer needs of the WebAssembly API (the compiler's libraries here declare none of it). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}
const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

/** core.wat's exports. */
export interface CoreExports {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  decode(recs: number, lo: number, n: number, from: number, to: number, withPos: number, before: number, emit: number, score: number, back: number, path: number): void;
  hashRange(chars: number, from: number, to: number): number;
  hashWord(chars: number, n: number, m: number, out: number): number;
}

let compiled: object | undefined;

/** A new instance of core.wat, with its own memory of one page. */
export function instantiateCore(): CoreExports {
  compiled ??= new wasm.Module(Buffer.from(ENTITIES_CORE_WASM, 'base64'));
  return new wasm.Instance(compiled, {}).exports as CoreExports;
}
