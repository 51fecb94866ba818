/** The entity recognizer's WebAssembly module (core.wat), compiled once, instantiated by its users. */
import { ENTITIES_CORE_WASM } from './core-wasm.js';
import { instantiateWasm } from '../core/wasm.js';

/** core.wat's exports. */
export interface CoreExports {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  decode(recs: number, lo: number, n: number, from: number, to: number, withPos: number, before: number, emit: number, score: number, back: number, path: number): void;
  hashRange(chars: number, from: number, to: number): number;
  hashWord(chars: number, n: number, m: number, out: number): number;
}

/** A new instance of core.wat, with its own memory of one page. */
export function instantiateCore(): CoreExports {
  return instantiateWasm<CoreExports>(ENTITIES_CORE_WASM);
}
