/**
 * The labeller's WebAssembly side (core.wat): one memory holding the model file, read straight
 * from disk, and room for a run's token records, emission scores and labels. The model's
 * JavaScript arrays are views of the same bytes, so the memory never grows once loaded.
 */
import { closeSync, fstatSync, openSync } from 'node:fs';
import { ExtraitError } from '../core/errors.js';
import { RECORD_WORDS, VALUE_HASHES, tokenRecords, type TokenInfo } from './features.js';
import { L, NerModel } from './model.js';
import { readInto } from '../core/wasm.js';
import { instantiateCore, type CoreExports } from './wasm.js';

const PAGE = 65536;
/** The header core.wat reads (model addresses, value hashes, scale, label sums) and where the model file goes. */
const MODEL_AT = 128;
/**
 * Tokens of one run the scratch holds; a longer run is decoded by model.ts (the same labels).
 * Memory pages nothing writes to cost nothing.
 */
const CAPACITY = 8192;
const align8 = (n: number) => (n + 7) & ~7;

/** A model loaded into the WebAssembly core, which decodes runs of a sentence's tokens. */
export class LabellerCore {
  private readonly i32: Int32Array;
  private readonly f64: Float64Array;
  private readonly decodeRun: CoreExports['decode'];
  private readonly recs: number;
  private readonly emit: number;
  private readonly score: number;
  private readonly back: number;
  private readonly path: number;

  private constructor(
    readonly model: NerModel,
    memory: CoreExports['memory'],
    decode: CoreExports['decode'],
    scratch: number,
  ) {
    this.decodeRun = decode;
    this.i32 = new Int32Array(memory.buffer);
    this.f64 = new Float64Array(memory.buffer);
    this.recs = scratch;
    this.emit = this.recs + (CAPACITY + 4) * RECORD_WORDS * 4;
    this.score = this.emit + CAPACITY * L * 8;
    this.back = this.score + CAPACITY * L * 8;
    this.path = align8(this.back + CAPACITY * L);
    const { slots, keys, transitions } = model.tables();
    const header = this.i32;
    header[0] = slots.byteOffset;
    header[1] = slots instanceof Uint32Array ? 1 : 0;
    header[2] = slots.length - 1;
    header[3] = keys.byteOffset;
    header[4] = transitions.byteOffset;
    header[5] = VALUE_HASHES.bos;
    header[6] = VALUE_HASHES.eos;
    header[7] = VALUE_HASHES.empty;
    this.f64[4] = model.info.scale;
  }

  /** Scratch bytes after the model. */
  static readonly SCRATCH = align8((CAPACITY + 4) * RECORD_WORDS * 4 + CAPACITY * L * 8 * 2 + CAPACITY * L) + CAPACITY * 4;

  /**
   * Reads a model file into a new core's memory: the core, or the model alone when its arrays are
   * not where the core reads them (a model of format 2, converted on load).
   */
  static load(path: string): { model: NerModel; core?: LabellerCore } {
    const fn = instantiateCore();
    let fd: number;
    try {
      fd = openSync(path, 'r');
    } catch (error) {
      throw new ExtraitError('E_MODEL', `cannot read the entity model ${path}`, { cause: error });
    }
    let bytes: Buffer;
    let scratch: number;
    try {
      const length = fstatSync(fd).size;
      scratch = align8(MODEL_AT + length);
      const size = scratch + LabellerCore.SCRATCH;
      fn.memory.grow(Math.ceil(size / PAGE) - fn.memory.buffer.byteLength / PAGE);
      bytes = Buffer.from(fn.memory.buffer, MODEL_AT, length);
      if (!readInto(fd, bytes, 0, length)) throw new ExtraitError('E_MODEL', `${path} is truncated`);
    } catch (error) {
      if (error instanceof ExtraitError) throw error;
      throw new ExtraitError('E_MODEL', `cannot read the entity model ${path}`, { cause: error });
    } finally {
      closeSync(fd);
    }
    const model = NerModel.fromBuffer(bytes, path);
    if (model.tables().keys.buffer !== fn.memory.buffer) return { model };
    return { model, core: new LabellerCore(model, fn.memory, fn.decode, scratch) };
  }

  /**
   * model.decodeWithScores(sentenceFeatures(infos, from, to), before), computed in the core;
   * undefined for a run longer than the core's scratch.
   */
  decode(infos: readonly TokenInfo[], from: number, to: number, before: number): { labels: number[]; emit: Float64Array } | undefined {
    const m = to - from;
    if (m > CAPACITY) return undefined;
    const withPos = tokenRecords(infos, from, to, this.i32, this.recs >> 2);
    this.decodeRun(this.recs, Math.max(0, from - 2), infos.length, from, to, withPos ? 1 : 0, before, this.emit, this.score, this.back, this.path);
    const labels = Array.from(this.i32.subarray(this.path >> 2, (this.path >> 2) + m));
    return { labels, emit: this.f64.slice(this.emit >> 3, (this.emit >> 3) + m * L) };
  }
}
