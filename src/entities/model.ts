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
  version: 2;
  featureVersion: number;
  labels: string[];
  /** Scale that turns the stored int16 weights back into scores. */
  scale: number;
  features: number;
  slots: number;
  /** What it was trained on, for provenance (sources, sentences, epochs, licence). */
  training: Record<string, unknown>;
}

/** Slot layout: one Uint32 key, then L int16 weights, padded to SLOT_WORDS Uint32 (24 bytes). */
const SLOT_WORDS = 1 + Math.ceil(LABELS.length / 2);
const SLOT_HALVES = SLOT_WORDS * 2;

/**
 * A trained labeller: an open-addressing table of feature hashes with one int16 weight per label,
 * each key beside its weights (one cache line per lookup), plus label-transition scores. The file
 * is a small JSON header and the raw arrays, so loading is one read and a few typed-array views.
 */
export class NerModel {
  private readonly mask: number;
  private readonly halves: Int16Array;
  /** The table's keys read as signed integers (the same bits): small integers to V8, never heap numbers. */
  private readonly keys: Int32Array;

  constructor(
    readonly info: ModelInfo,
    /** SLOT_WORDS Uint32 per slot: the key (0 = empty), then the int16 weights. */
    private readonly table: Uint32Array,
    /** transitions[prev * L + next]; row L is the start of a sentence. */
    readonly transitions: Float32Array,
  ) {
    this.mask = info.slots - 1;
    this.halves = new Int16Array(table.buffer, table.byteOffset, table.length * 2);
    this.keys = new Int32Array(table.buffer, table.byteOffset, table.length);
  }

  /**
   * Adds the weights of features[from, to) to scores[at, at + L). One integer sum per label (the
   * int16 weights add up exactly, in any order), scaled once; the labels unrolled, which a first
   * run in a fresh process — interpreted code — feels most.
   */
  addScores(features: Uint32Array | Int32Array, scores: Float64Array, from = 0, to = features.length, at = 0): void {
    const { keys, halves, mask } = this;
    // Signed reads of the hashes: the same bits, compared with the signed keys.
    const signed = features instanceof Int32Array ? features : new Int32Array(features.buffer, features.byteOffset, features.length);
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0, s8 = 0;
    for (let f = from; f < to; f++) {
      const h = signed[f]!;
      let slot = Math.imul(h, 0x9e3779b1) & mask;
      for (let k = keys[slot * SLOT_WORDS]!; k !== 0; k = keys[slot * SLOT_WORDS]!) {
        if (k === h) {
          const b = slot * SLOT_HALVES + 2;
          s0 += halves[b]!;
          s1 += halves[b + 1]!;
          s2 += halves[b + 2]!;
          s3 += halves[b + 3]!;
          s4 += halves[b + 4]!;
          s5 += halves[b + 5]!;
          s6 += halves[b + 6]!;
          s7 += halves[b + 7]!;
          s8 += halves[b + 8]!;
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
    if (buffer.length < 12 || magic !== MAGIC) throw new ExtraitError('E_MODEL', `${name} is not an extrait entity model (or one of another format version: retrain it)`);
    const headerLength = buffer.readUInt32LE(8);
    const info = JSON.parse(buffer.subarray(12, 12 + headerLength).toString('utf8')) as ModelInfo;
    if (info.labels.join() !== LABELS.join()) throw new ExtraitError('E_MODEL', `${name}: unexpected labels ${info.labels.join(',')}`);
    let offset = align(12 + headerLength, 4);
    // The arrays are views of the file's bytes when they sit at a multiple of 4 in memory (a file
    // read whole has its own memory); a Buffer from a shared pool may sit anywhere: then a copy.
    const aligned = buffer.byteOffset % 4 === 0;
    const take = (length: number): [ArrayBuffer, number] => {
      if (offset + length > buffer.length) throw new ExtraitError('E_MODEL', `${name} is truncated`);
      const at = offset;
      offset = align(offset + length, 4);
      if (aligned) return [buffer.buffer as ArrayBuffer, buffer.byteOffset + at];
      return [new Uint8Array(buffer.buffer, buffer.byteOffset + at, length).slice().buffer, 0];
    };
    const tableWords = info.slots * SLOT_WORDS;
    const table = new Uint32Array(...take(tableWords * 4), tableWords);
    const transitions = new Float32Array(...take((L + 1) * L * 4), (L + 1) * L);
    return new NerModel(info, table, transitions);
  }
}

const MAGIC = 'XNER0002';
const align = (n: number, k: number) => Math.ceil(n / k) * k;

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
  let slots = 1;
  while (slots < weights.size * 1.6) slots *= 2;
  const table = new Uint32Array(slots * SLOT_WORDS);
  const halves = new Int16Array(table.buffer);
  const mask = slots - 1;
  // Sorted insertion: the same weights always give the same bytes.
  for (const h of [...weights.keys()].sort((a, b) => a - b)) {
    let slot = (Math.imul(h, 0x9e3779b1) >>> 0) & mask;
    while (table[slot * SLOT_WORDS] !== 0) slot = (slot + 1) & mask;
    table[slot * SLOT_WORDS] = h;
    const w = weights.get(h)!;
    for (let j = 0; j < L; j++) halves[slot * SLOT_HALVES + 2 + j] = Math.round(w[j]! / scale);
  }
  const info: ModelInfo = { format: 'extrait-ner', version: 2, featureVersion, labels: [...LABELS], scale, features: weights.size, slots, training };
  const header = Buffer.from(JSON.stringify(info), 'utf8');
  const pad = (length: number) => Buffer.alloc(align(length, 4) - length);
  const head = Buffer.alloc(12);
  head.write(MAGIC, 0, 'latin1');
  head.writeUInt32LE(header.length, 8);
  return Buffer.concat([head, header, pad(12 + header.length), Buffer.from(table.buffer), Buffer.from(Float32Array.from(transitions).buffer)]);
}

/**
 * Viterbi over emission scores emit[i * L + label] with transitions[(prev|L) * L + next];
 * `before` is the label before the first token (L: the sentence start).
 */
export function viterbi(emit: Float64Array, n: number, transitions: ArrayLike<number>, before: number = L): number[] {
  const score = new Float64Array(n * L);
  const back = new Int8Array(n * L);
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
