/**
 * The hashes of word forms (features.ts's WordInfo), made by core.wat: on a process's first
 * document, hashing a few hundred forms nine ways in JavaScript is interpreted code, then an
 * optimizing compile; here it is two string copies and one call a form.
 */
import { writeUtf16 } from '../core/wasm.js';
import { instantiateCore, type CoreExports } from './wasm.js';

/** Where the hashes are written, and the strings after them. */
const OUT = 64;
const CHARS = 128;

let core: CoreExports | undefined;
let bytes: Buffer;
let words: Int32Array;
let units = 0;

/** The result's flag: the form holds an ASCII digit. */
export const HAS_DIGIT = 1;
/** The result's flag: the form is not ASCII, its shape hash is the caller's to make. */
export const SHAPE_LEFT = 2;

/**
 * Writes the hashes of `lower` (the form's lower case), of `text` (the form), of its shape, its
 * 3- and 4-letter prefixes and its 2- to 4-letter suffixes at out[0…7], in WordInfo.hashes order.
 * Returns HAS_DIGIT and SHAPE_LEFT flags, or -1 when the strings do not fit the memory (then
 * nothing is written).
 */
export function hashWord(lower: string, text: string, out: Int32Array): number {
  if (!core) {
    core = instantiateCore();
    bytes = Buffer.from(core.memory.buffer);
    words = new Int32Array(core.memory.buffer);
    units = (bytes.length - CHARS) >> 1;
  }
  if (lower.length + text.length > units) return -1;
  writeUtf16(bytes, lower, CHARS);
  writeUtf16(bytes, text, CHARS + lower.length * 2);
  const flags = core.hashWord(CHARS, lower.length, text.length, OUT);
  out.set(words.subarray(OUT >> 2, (OUT >> 2) + 8));
  return flags;
}

/** The hash of a string that fits the memory (hashWord succeeded on longer ones). */
export function hashText(s: string): number {
  writeUtf16(bytes, s, CHARS);
  return core!.hashRange(CHARS, 0, s.length);
}
