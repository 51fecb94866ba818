/**
 * The WebAssembly side of the tagger (core.wat): its memory, into which the compiled files are
 * read straight from disk, a bump allocator for the structures the JavaScript side lays out
 * there, and the exported functions.
 */
import { closeSync, fstatSync, openSync } from 'node:fs';
import { CORE_WASM } from './core-wasm.js';
import { instantiateWasm, latin1Text, readInto, utf8Text, writeUtf16 } from '../core/wasm.js';

interface Exports {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  find(table: number, key: number, start: number, end: number): number;
  findWord(table: number, key: number, length: number): number;
  tupleRow(pass: number, kind: number, a: number, b: number, c: number): number;
  featureOf(pass: number, id: number, kind: number): number;
  prepare(pass: number, record: number, key: number, lower: number, form: number, shape: number, lexClass: number, formDiffers: number, hyphen: number, mask: number, hasMask: number, afterVerb: number): void;
  tag(pass: number, words: number, m: number, ahead: number, out: number, bos: number, eos: number): void;
  findLine(from: number, to: number, key: number, length: number, floor: number, out: number): number;
}

const encoder = new TextEncoder();

const PAGE = 65536;

export class Core {
  /** The exported functions (core.wat), as fields: a call reads no property of the exports object. */
  readonly find: Exports['find'];
  readonly findWord: Exports['findWord'];
  readonly tupleRow: Exports['tupleRow'];
  readonly featureOf: Exports['featureOf'];
  readonly prepare: Exports['prepare'];
  readonly tag: Exports['tag'];
  readonly findLine: Exports['findLine'];
  private readonly memory: Exports['memory'];
  /** Views on the memory, made again when it grows (only alloc grows it: the core never does). */
  u8!: Uint8Array;
  u16!: Uint16Array;
  i32!: Int32Array;
  f32!: Float32Array;
  /** The memory as a Buffer, to read text from it or write text into it. */
  bytes!: Buffer;
  private size = 0;
  private top = 8;
  /** Where key strings are written for lookups (UTF-16 code units), and how many fit. */
  private keyAt = 0;
  private keyUnits = 0;

  constructor() {
    const fn = instantiateWasm<Exports>(CORE_WASM);
    this.find = fn.find;
    this.findWord = fn.findWord;
    this.tupleRow = fn.tupleRow;
    this.featureOf = fn.featureOf;
    this.prepare = fn.prepare;
    this.tag = fn.tag;
    this.findLine = fn.findLine;
    this.memory = fn.memory;
    this.view();
  }

  private view(): void {
    const buffer = this.memory.buffer;
    this.size = buffer.byteLength;
    this.u8 = new Uint8Array(buffer);
    this.u16 = new Uint16Array(buffer);
    this.i32 = new Int32Array(buffer);
    this.f32 = new Float32Array(buffer);
    this.bytes = Buffer.from(buffer);
  }

  /** `bytes` of zeroed memory, 8-byte aligned: its address. */
  alloc(bytes: number): number {
    const at = this.top;
    this.top = (at + bytes + 7) & ~7;
    if (this.top > this.size) {
      this.memory.grow(Math.ceil((this.top - this.size) / PAGE));
      this.view();
    }
    return at;
  }

  /** Everything allocated from `mark` on is given back. */
  mark(): number {
    return this.top;
  }
  release(mark: number): void {
    this.u8.fill(0, mark, this.top);
    this.top = mark;
    // a key area grown after the mark (a long word) went back with the rest: the next key gets a new one
    if (this.keyUnits > 0 && this.keyAt >= mark) this.keyUnits = 0;
  }

  /** Reads a file into memory: its address and length. */
  readFile(path: string): { at: number; length: number } {
    const fd = openSync(path, 'r');
    try {
      const length = fstatSync(fd).size;
      const at = this.alloc(length);
      if (!readInto(fd, this.u8, at, length)) throw new Error(`${path}: unexpected end of file`);
      return { at, length };
    } finally {
      closeSync(fd);
    }
  }

  /** Copies bytes into memory: their address. */
  copyIn(data: Uint8Array): number {
    const at = this.alloc(data.length);
    this.u8.set(data, at);
    return at;
  }

  /** Writes a string as UTF-8 (as Buffer.from does) where lookups read keys: its address and byte length. */
  writeUtf8(s: string): { at: number; length: number } {
    if (s.length * 3 > this.keyUnits * 2) this.keys(s.length * 3);
    const length = encoder.encodeInto(s, this.u8.subarray(this.keyAt, this.keyAt + s.length * 3)).written;
    return { at: this.keyAt, length };
  }

  /** Writes a string (UTF-16 code units) where lookups read keys: the address. */
  writeKey(s: string): number {
    if (s.length > this.keyUnits) this.keys(s.length * 2);
    writeUtf16(this.bytes, s, this.keyAt);
    return this.keyAt;
  }

  /** The text of memory [start, end) read as UTF-8 ('' when end ≤ start). */
  utf8(start: number, end: number): string {
    return utf8Text(this.bytes, start, end);
  }

  /** The same read as Latin-1. */
  latin1(start: number, end: number): string {
    return latin1Text(this.bytes, start, end);
  }

  private keys(units: number): void {
    this.keyUnits = Math.max(256, units);
    this.keyAt = this.alloc(this.keyUnits * 2);
  }
}
