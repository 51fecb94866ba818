import { readFileSync } from 'node:fs';
import { ExtraitError } from '../core/errors.js';
import type { SentenceFeatures } from './features.js';

/** BIO labels of the sequence labeller, in model order. */
export const LABELS = ['O', 'B-PER', 'I-PER', 'B-LOC', 'I-LOC', 'B-ORG', 'I-ORG', 'B-MISC', 'I-MISC'] as const;
export type Label = (typeof LABELS)[number];
export const L = LABELS.length;
// NerModel.addScores keeps one sum per label in a local: it is written for these nine.
if (L !== 9) throw new Error('entity labeller: addScores is unrolled for 9 labels');
/** ALLOWED[(prev | L for the start) * L + next]: 1 when the transition is possible. */
const ALLOWED = new Uint8Array((LABELS.length + 1) * LABELS.length);

/** I-X may only follow B-X or I-X. */
export function allowed(prev: number, next: number): boolean {
  return ALLOWED[(prev < 0 ? L : prev) * L + next] === 1;
}

function computeAllowed(prev: number, next: number): boolean {
  const label = LABELS[next]!;
  if (!label.startsWith('I-')) return true;
  if (prev < 0) return false;
  const p = LABELS[prev]!;
  return p !== 'O' && p.slice(2) === label.slice(2);
}
for (let p = -1; p < L; p++) for (let n = 0; n < L; n++) ALLOWED[(p < 0 ? L : p) * L + n] = computeAllowed(p, n) ? 1 : 0;
/** PREVIOUS[PREVIOUS_START[j] .. PREVIOUS_START[j + 1]): the labels that may come before label j, in order. */
const PREVIOUS_START = new Uint8Array(L + 1);
const PREVIOUS = new Uint8Array(L * L);
for (let j = 0, q = 0; j < L; j++) {
  PREVIOUS_START[j] = q;
  for (let p = 0; p < L; p++) if (ALLOWED[p * L + j]) PREVIOUS[q++] = p;
  PREVIOUS_START[j + 1] = q;
}

export interface ModelInfo {
  format: 'extrait-ner';
  /** 3: slots of row numbers, then rows of keys and weights; 2 (still read): keys and weights in the slots. */
  version: 2 | 3;
  featureVersion: number;
  labels: string[];
  /** Scale that turns the stored int16 weights back into scores. */
  scale: number;
  features: number;
  slots: number;
  /** What it was trained on, for provenance (sources, sentences, epochs, licence). */
  training: Record<string, unknown>;
}

/**
 * A trained labeller: feature hash → one int16 weight per label, plus label-transition scores.
 * An open-addressing table of row numbers (2 bytes a slot while there are fewer than 65,536
 * features) points to rows of ROW_WORDS Uint32: the key, then its weights (one cache line per
 * lookup besides the small slot table). The file is a small JSON header and these raw arrays, so
 * loading is one read and a few typed-array views: 1.7 MB, where a table holding keys and weights
 * in its 0.6-loaded slots (format 2) took 3.1 MB — and reading a model in a fresh process is
 * mostly the kernel handing over fresh memory pages.
 */
export class NerModel {
  private readonly mask: number;

  constructor(
    readonly info: ModelInfo,
    /** Row number of each slot; 0: empty. */
    private readonly slots: Uint16Array | Uint32Array,
    /** Feature hash of row r at r * ROW_WORDS (signed: the same bits, a small integer to V8); row 0 is unused. */
    private readonly keys: Int32Array,
    /** Weights of row r at r * ROW_HALVES + 2 (the same memory as keys). */
    private readonly weights: Int16Array,
    /** transitions[prev * L + next]; row L is the start of a sentence. */
    readonly transitions: Float32Array,
  ) {
    this.mask = slots.length - 1;
  }

  /**
   * Adds the weights of features[from, to) to scores[at, at + L). One integer sum per label (the
   * int16 weights add up exactly, in any order), scaled once; the labels unrolled, which a first
   * run in a fresh process — interpreted code — feels most.
   */
  addScores(features: Uint32Array | Int32Array, scores: Float64Array, from = 0, to = features.length, at = 0): void {
    const { slots, keys, weights, mask } = this;
    // Signed reads of the hashes: the same bits, compared with the signed keys.
    const signed = features instanceof Int32Array ? features : new Int32Array(features.buffer, features.byteOffset, features.length);
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0, s8 = 0;
    for (let f = from; f < to; f++) {
      const h = signed[f]!;
      let slot = Math.imul(h, SLOT_HASH) & mask;
      for (let r = slots[slot]!; r !== 0; r = slots[slot]!) {
        if (keys[r * ROW_WORDS] === h) {
          const b = r * ROW_HALVES + 2;
          s0 += weights[b]!;
          s1 += weights[b + 1]!;
          s2 += weights[b + 2]!;
          s3 += weights[b + 3]!;
          s4 += weights[b + 4]!;
          s5 += weights[b + 5]!;
          s6 += weights[b + 6]!;
          s7 += weights[b + 7]!;
          s8 += weights[b + 8]!;
          break;
        }
        slot = (slot + 1) & mask;
      }
    }
    const scale = this.info.scale;
    scores[at]! += s0 * scale;
    scores[at + 1]! += s1 * scale;
    scores[at + 2]! += s2 * scale;
    scores[at + 3]! += s3 * scale;
    scores[at + 4]! += s4 * scale;
    scores[at + 5]! += s5 * scale;
    scores[at + 6]! += s6 * scale;
    scores[at + 7]! += s7 * scale;
    scores[at + 8]! += s8 * scale;
  }

  /** The arrays the model reads (for the WebAssembly core, which reads them where they lie). */
  tables(): { slots: Uint16Array | Uint32Array; keys: Int32Array; transitions: Float32Array } {
    return { slots: this.slots, keys: this.keys, transitions: this.transitions };
  }

  /** Best label sequence (Viterbi) for a sentence's feature hashes. */
  decode(sentence: SentenceFeatures): number[] {
    return this.decodeWithScores(sentence).labels;
  }

  /** Best label sequence and the emission scores (token i, label j at i * L + j). */
  decodeWithScores({ data, stride, n }: SentenceFeatures, before: number = L): { labels: number[]; emit: Float64Array } {
    if (n === 0) return { labels: [], emit: new Float64Array(0) };
    const emit = new Float64Array(n * L);
    const signed = new Int32Array(data.buffer, data.byteOffset, data.length);
    for (let i = 0; i < n; i++) this.addScores(signed, emit, i * stride, (i + 1) * stride, i * L);
    return { labels: viterbi(emit, n, this.transitions, before), emit };
  }

  /** The model in the current file format (a model of format 2 comes out as format 3, the same weights). */
  toBuffer(): Buffer {
    const rows = this.info.features;
    const keys = Array.from({ length: rows }, (_, r) => this.keys[(r + 1) * ROW_WORDS]! >>> 0);
    const order = keys.map((_, r) => r).sort((a, b) => keys[a]! - keys[b]!);
    const weights = new Int16Array(rows * L);
    order.forEach((r, k) => weights.set(this.weights.subarray((r + 1) * ROW_HALVES + 2, (r + 1) * ROW_HALVES + 2 + L), k * L));
    return encodeModel({ ...this.info, version: 3 }, order.map((r) => keys[r]!), weights, this.transitions);
  }

  static load(path: string): NerModel {
    let buffer: Buffer;
    try {
      buffer = readFileSync(path);
    } catch (error) {
      throw new ExtraitError('E_MODEL', `cannot read the entity model ${path}`, { cause: error });
    }
    return NerModel.fromBuffer(buffer, path);
  }

  static fromBuffer(buffer: Buffer, name = 'model'): NerModel {
    const magic = buffer.subarray(0, 8).toString('latin1');
    if (buffer.length < 12 || (magic !== MAGIC && magic !== MAGIC_V2)) throw new ExtraitError('E_MODEL', `${name} is not an extrait entity model (or one of another format version: retrain it)`);
    const headerLength = buffer.readUInt32LE(8);
    const info = JSON.parse(buffer.subarray(12, 12 + headerLength).toString('utf8')) as ModelInfo;
    if (info.labels.join() !== LABELS.join()) throw new ExtraitError('E_MODEL', `${name}: unexpected labels ${info.labels.join(',')}`);
    // Views of the file's bytes, which a file read whole holds at a multiple of 4 in memory; a
    // Buffer from a shared pool may sit anywhere: then one copy.
    const bytes = buffer.byteOffset % 4 === 0 ? buffer : new Uint8Array(buffer);
    let offset = align(12 + headerLength, 4);
    const take = (length: number): [ArrayBuffer, number] => {
      if (offset + length > bytes.length) throw new ExtraitError('E_MODEL', `${name} is truncated`);
      const at = bytes.byteOffset + offset;
      offset = align(offset + length, 4);
      return [bytes.buffer as ArrayBuffer, at];
    };
    if (magic === MAGIC_V2) return fromVersion2(info, new Uint32Array(...take(info.slots * V2_SLOT_WORDS * 4), info.slots * V2_SLOT_WORDS), new Float32Array(...take((L + 1) * L * 4), (L + 1) * L));
    const rowWords = (info.features + 1) * ROW_WORDS;
    const slots = rowBytes(info.features) === 2 ? new Uint16Array(...take(info.slots * 2), info.slots) : new Uint32Array(...take(info.slots * 4), info.slots);
    const [rowBuffer, rowsAt] = take(rowWords * 4);
    const transitions = new Float32Array(...take((L + 1) * L * 4), (L + 1) * L);
    return new NerModel(info, slots, new Int32Array(rowBuffer, rowsAt, rowWords), new Int16Array(rowBuffer, rowsAt, rowWords * 2), transitions);
  }
}

const MAGIC = 'XNER0003';
const MAGIC_V2 = 'XNER0002';
/** A row (format 3) or a slot (format 2): a key (Uint32) and L int16 weights, padded to this many Uint32 (24 bytes). */
const ROW_WORDS = 1 + Math.ceil(LABELS.length / 2);
const ROW_HALVES = ROW_WORDS * 2;
const V2_SLOT_WORDS = ROW_WORDS;
/** Multiplier that spreads feature hashes over the slots. */
const SLOT_HASH = 0x9e3779b1;
const align = (n: number, k: number) => Math.ceil(n / k) * k;
/** Bytes of a slot's row number. */
const rowBytes = (features: number) => (features < 0xffff ? 2 : 4);

/** A format-2 model read into the current layout, its rows in key order. */
function fromVersion2(info: ModelInfo, table: Uint32Array, transitions: Float32Array): NerModel {
  const halves = new Int16Array(table.buffer, table.byteOffset, table.length * 2);
  const keys: number[] = [];
  const rowOf = new Map<number, number>();
  for (let slot = 0; slot < info.slots; slot++) {
    const key = table[slot * V2_SLOT_WORDS]!;
    if (key !== 0) {
      rowOf.set(key, slot);
      keys.push(key);
    }
  }
  keys.sort((a, b) => a - b);
  const weights = new Int16Array(keys.length * L);
  keys.forEach((key, k) => weights.set(halves.subarray(rowOf.get(key)! * V2_SLOT_WORDS * 2 + 2, rowOf.get(key)! * V2_SLOT_WORDS * 2 + 2 + L), k * L));
  return NerModel.fromBuffer(encodeModel({ ...info, version: 3, features: keys.length }, keys, weights, transitions));
}

/**
 * The model file (format 3): header, slots of row numbers, rows of a key and its weights (row 0
 * unused), transitions. `keys` (unsigned feature hashes, sorted) and `weights` (L per key) are rows 1 on;
 * inserting them in key order makes the same weights always give the same bytes.
 */
function encodeModel(base: ModelInfo, keys: readonly number[], weights: Int16Array, transitions: ArrayLike<number>): Buffer {
  let slotCount = 1;
  while (slotCount < keys.length * 1.6) slotCount *= 2;
  const info: ModelInfo = { ...base, version: 3, features: keys.length, slots: slotCount };
  const slots = rowBytes(keys.length) === 2 ? new Uint16Array(slotCount) : new Uint32Array(slotCount);
  const rows = new Uint32Array((keys.length + 1) * ROW_WORDS);
  const halves = new Int16Array(rows.buffer);
  const mask = slotCount - 1;
  keys.forEach((key, k) => {
    const r = k + 1;
    let slot = Math.imul(key, SLOT_HASH) & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    slots[slot] = r;
    rows[r * ROW_WORDS] = key;
    halves.set(weights.subarray(k * L, (k + 1) * L), r * ROW_HALVES + 2);
  });
  const header = Buffer.from(JSON.stringify(info), 'utf8');
  const head = Buffer.alloc(12);
  head.write(MAGIC, 0, 'latin1');
  head.writeUInt32LE(header.length, 8);
  const raw = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  const pad = (length: number) => Buffer.alloc(align(length, 4) - length);
  return Buffer.concat([
    head,
    header,
    pad(12 + header.length),
    raw(slots),
    pad(slots.byteLength),
    raw(rows),
    raw(Float32Array.from(transitions)),
  ]);
}

/** Serialises weights (feature hash → per-label scores) into the model file format. */
export function serializeModel(
  weights: Map<number, Float64Array>,
  transitions: Float64Array,
  training: Record<string, unknown>,
  featureVersion: number,
): Buffer {
  let maxAbs = 1e-9;
  for (const w of weights.values()) for (const x of w) maxAbs = Math.max(maxAbs, Math.abs(x));
  const scale = maxAbs / 32767;
  const keys = [...weights.keys()].sort((a, b) => a - b);
  const rows = new Int16Array(keys.length * L);
  keys.forEach((h, k) => {
    const w = weights.get(h)!;
    for (let j = 0; j < L; j++) rows[k * L + j] = Math.round(w[j]! / scale);
  });
  const info: ModelInfo = { format: 'extrait-ner', version: 3, featureVersion, labels: [...LABELS], scale, features: keys.length, slots: 0, training };
  return encodeModel(info, keys, rows, transitions);
}

let scores = new Float64Array(64 * L);
let backs = new Int8Array(64 * L);

/**
 * Viterbi over emission scores emit[i * L + label] with transitions[(prev|L) * L + next];
 * `before` is the label before the first token (L: the sentence start).
 */
export function viterbi(emit: Float64Array, n: number, transitions: ArrayLike<number>, before: number = L): number[] {
  // Scratch reused from call to call: every cell read below is written first.
  if (scores.length < n * L) {
    scores = new Float64Array(n * L * 2);
    backs = new Int8Array(n * L * 2);
  }
  const score = scores;
  const back = backs;
  for (let j = 0; j < L; j++) score[j] = ALLOWED[before * L + j] ? emit[j]! + transitions[before * L + j]! : -Infinity;
  for (let i = 1; i < n; i++) {
    for (let j = 0; j < L; j++) {
      let best = -Infinity;
      let arg = 0;
      // The allowed previous labels, in label order (the first of equal scores wins).
      for (let q = PREVIOUS_START[j]!; q < PREVIOUS_START[j + 1]!; q++) {
        const p = PREVIOUS[q]!;
        const s = score[(i - 1) * L + p]! + transitions[p * L + j]!;
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[i * L + j] = best + emit[i * L + j]!;
      back[i * L + j] = arg;
    }
  }
  let last = 0;
  for (let j = 1; j < L; j++) if (score[(n - 1) * L + j]! > score[(n - 1) * L + last]!) last = j;
  const path = new Array<number>(n);
  path[n - 1] = last;
  for (let i = n - 1; i > 0; i--) path[i - 1] = back[i * L + path[i]!]!;
  return path;
}
