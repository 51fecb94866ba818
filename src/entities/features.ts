import type { Token } from '../core/types.js';
import { clearLexiconCaches, entitiesLexicon, fold, matchGazetteer, type GazetteerMatch } from './lexicon.js';
import { HAS_DIGIT, SHAPE_LEFT, hashText, hashWord } from './word-hashes.js';

/**
 * Feature extraction for the sequence labeller. Features are 32-bit hashes of a template number
 * and the FNV-1a hashes of its values (word, shape, neighbours…); each string is hashed once per
 * token, which keeps the labeller above a megabyte per second. Hashes are handled as signed
 * 32-bit integers (the same bits): those are small integers to V8, where unsigned ones above
 * 2^31 would each be a heap number in the interpreted code of a process's first document.
 * Bump FEATURE_VERSION whenever a template changes: a model records the version it was trained with.
 */
export const FEATURE_VERSION = 4;

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** Xxxx → Xx, ABC → X, 2024 → d, Jean-Luc → Xx-Xx, M. → X. */
export function shortShape(word: string): string {
  let out = '';
  let last = '';
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    let c: string;
    if (code >= 97 && code <= 122) c = 'x';
    else if (code >= 65 && code <= 90) c = 'X';
    else if (code >= 48 && code <= 57) c = 'd';
    else {
      const ch = word[i]!;
      c = ch !== ch.toLowerCase() ? 'X' : ch !== ch.toUpperCase() ? 'x' : ch;
    }
    if (c !== last) out += c;
    last = c;
    if (out.length > 8) break;
  }
  return out;
}

/** Is the first letter a capital? */
const capitalised = (word: string): boolean => {
  const c = word[0]!;
  return c !== c.toLowerCase();
};

/** What the labeller knows of a word form, whatever its context: computed once per form. */
export interface WordInfo {
  text: string;
  lower: string;
  /** First-name gender: m, f, mf or ''. */
  first: string;
  title: boolean;
  demonym: boolean;
  capitalised: boolean;
  hasDigit: boolean;
  /**
   * Hashes of the lower case, the form, the shape, 3- and 4-letter prefixes, 2- to 4-letter
   * suffixes, first name, all at once by the WebAssembly hasher (word-hashes.ts). A form too
   * long for its memory is hashed here, that of the form and its affixes only once a token of the
   * form is decoded (`affixes`): its neighbours need no more than the lower case, shape and first name.
   */
  hashes: Int32Array;
  affixes: boolean;
}

const H_LOWER = 0;
const H_WORD = 1;
const H_SHAPE = 2;
const H_P3 = 3;
const H_P4 = 4;
const H_S2 = 5;
const H_S3 = 6;
const H_S4 = 7;
const H_FIRST = 8;

/** Word forms seen lately; cleared when it grows past WORD_CACHE_SIZE (news vocabulary repeats). */
const wordCache = new Map<string, WordInfo>();
const WORD_CACHE_SIZE = 200_000;

/** Forgets the word forms seen so far (benchmarks start cold with it). */
export function clearWordCache(): void {
  wordCache.clear();
  clearLexiconCaches();
}

function wordInfo(text: string): WordInfo {
  let info = wordCache.get(text);
  if (info) return info;
  const lex = entitiesLexicon();
  const lower = fold(text).toLowerCase();
  const first = lex.firstNames.get(text) ?? '';
  const hashes = new Int32Array(9);
  const flags = hashWord(lower, text, hashes);
  if (flags >= 0 && flags & SHAPE_LEFT) hashes[H_SHAPE] = hashText(shortShape(text));
  hashes[H_FIRST] = first ? valueHash(first) : EMPTY;
  info = {
    text,
    lower,
    first,
    title: lex.titles.has(lower),
    demonym: lex.demonyms.has(text),
    capitalised: capitalised(text),
    hasDigit: flags >= 0 ? (flags & HAS_DIGIT) !== 0 : /\d/.test(text),
    hashes,
    affixes: flags >= 0,
  };
  if (flags < 0) {
    hashes[H_LOWER] = hashString(lower);
    hashes[H_SHAPE] = hashString(shortShape(text));
  }
  if (wordCache.size >= WORD_CACHE_SIZE) wordCache.clear();
  wordCache.set(text, info);
  return info;
}


/** The word's hashes, those of the form and its affixes made on first use (when the WebAssembly hasher could not). */
function allHashes(w: WordInfo): Int32Array {
  const h = w.hashes;
  if (!w.affixes) {
    const { lower, text } = w;
    const n = lower.length;
    h[H_WORD] = hashString(text);
    h[H_P3] = hashString(lower, 0, Math.min(3, n));
    h[H_P4] = hashString(lower, 0, Math.min(4, n));
    h[H_S2] = hashString(lower, n - 2);
    h[H_S3] = hashString(lower, n - 3);
    h[H_S4] = hashString(lower, n - 4);
    w.affixes = true;
  }
  return h;
}

/** What the labeller sees of a token: its word, its gazetteer tag, its kind and part of speech. */
export interface TokenInfo {
  word: WordInfo;
  /** Gazetteer tag: B-LOC:country, I-ORG:org, or ''. */
  gaz: string;
  kind: string;
  pos: string;
}

/**
 * Token information for tokens[from, to) (one sentence). `matches` are the document's gazetteer
 * matches by start token (documentMatches); without them the sentence is matched on its own.
 */
export function tokenInfos(tokens: readonly Token[], from: number, to: number, matches?: ReadonlyMap<number, GazetteerMatch>): TokenInfo[] {
  const infos: TokenInfo[] = [];
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    infos.push({ word: wordInfo(t.text), gaz: '', kind: t.kind, pos: t.pos ?? '' });
  }
  const sentenceMatches = matches ? collect(matches, from, to) : matchGazetteer(tokens, from, to);
  for (const m of sentenceMatches) {
    const tag = `${m.entry.type}:${m.entry.kind}`;
    for (let k = m.start; k < m.end; k++) infos[k - from]!.gaz = (k === m.start ? 'B-' : 'I-') + tag;
  }
  return infos;
}

function collect(matches: ReadonlyMap<number, GazetteerMatch>, from: number, to: number): GazetteerMatch[] {
  const out: GazetteerMatch[] = [];
  for (let i = from; i < to; i++) {
    const m = matches.get(i);
    if (m && m.end <= to) out.push(m);
  }
  return out;
}

/** FNV-1a hash of a string (or of s.slice(from, to) without building it), as a signed 32-bit integer. */
function hashString(s: string, from = 0, to = s.length): number {
  let h = FNV_OFFSET;
  for (let i = Math.max(0, from); i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

/** Each template's starting value, Math.imul(template + 0x9e3779b9, 0x85ebca6b). */
const TEMPLATE_SEEDS = Int32Array.from({ length: 64 }, (_, t) => Math.imul(t + 0x9e3779b9, 0x85ebca6b));

/**
 * A feature: template number and up to three value hashes, mixed (murmur3-style finaliser); never
 * 0. Signed: stored in the features' Uint32Array, it is the unsigned hash the model was trained on.
 */
function feature(template: number, a: number, b = 0, c = 0): number {
  let h = TEMPLATE_SEEDS[template]!;
  h ^= a;
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  h ^= b;
  h = Math.imul(h ^ (h >>> 12), 0x297a2d39);
  h ^= c;
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  h ^= h >>> 13;
  return h || 1;
}

/** The hashes of the few values tokens share (gazetteer tags, kinds, parts of speech, first-name genders), made once each. */
const valueHashes = new Map<string, number>();
const valueHash = (value: string): number => {
  let h = valueHashes.get(value);
  if (h === undefined) valueHashes.set(value, (h = hashString(value)));
  return h;
};
/** Int32 values of a token record (core.wat): the word's hashes, then gazetteer, kind, part of speech, length, flags. */
export const RECORD_WORDS = 16;

/**
 * The records core.wat computes the features of tokens [from, to) from: one for each token of
 * the sentence from two before `from` to two after `to`, written at out[at…]. Returns whether the
 * sentence has parts of speech (which add features).
 */
export function tokenRecords(infos: readonly TokenInfo[], from: number, to: number, out: Int32Array, at: number): boolean {
  const n = infos.length;
  let withPos = false;
  for (let i = 0; i < n && !withPos; i++) if (infos[i]!.pos) withPos = true;
  const lo = Math.max(0, from - 2);
  const hi = Math.min(n, to + 2);
  for (let i = lo, r = at; i < hi; i++, r += RECORD_WORDS) {
    const t = infos[i]!;
    const w = t.word;
    out.set(i >= from && i < to ? allHashes(w) : w.hashes, r);
    out[r + 9] = t.gaz ? valueHash(t.gaz) : EMPTY;
    out[r + 10] = valueHash(t.kind);
    out[r + 11] = t.pos ? valueHash(t.pos) : EMPTY;
    out[r + 12] = w.text.length < 8 ? w.text.length : 8;
    out[r + 13] = (w.title ? 1 : 0) | (w.demonym ? 2 : 0) | (w.capitalised ? 4 : 0);
  }
  return withPos;
}

/** values[i - lo]: the hash of sentence position i, or `before` / `after` outside the n tokens. */
function around(values: Int32Array, i: number, lo: number, n: number, before: number, after: number): number {
  return i < 0 ? before : i >= n ? after : values[i - lo]!;
}

/** Room for the hashes sentenceFeatures reads around a run (reused: they never leave it). */
let scratch = new Int32Array(256);

const BOS = hashString('<s>');
const EOS = hashString('</s>');
const EMPTY = hashString('');
const FEATURES_PER_TOKEN = 32;
/** The hashes of a sentence's start, end and an empty value: core.wat reads them from its memory. */
export const VALUE_HASHES = { bos: BOS, eos: EOS, empty: EMPTY };

/** The feature hashes of a sentence: `stride` hashes per token, token i at data[i * stride]. */
export interface SentenceFeatures {
  data: Uint32Array;
  stride: number;
  n: number;
}

/** Token i's feature hashes (a view). */
export function tokenFeatures(features: SentenceFeatures, i: number): Uint32Array {
  return features.data.subarray(i * features.stride, (i + 1) * features.stride);
}

/**
 * The feature hashes of tokens [from, to) of a sentence (all of it by default), seeing the whole
 * sentence around them. Strings are hashed once per word form; templates combine those hashes
 * with integer mixing, which keeps feature extraction cheap.
 */
export function sentenceFeatures(infos: readonly TokenInfo[], from = 0, to = infos.length): SentenceFeatures {
  const n = infos.length;
  let withPos = false;
  for (let i = 0; i < n && !withPos; i++) if (infos[i]!.pos) withPos = true;
  // The hashes the features of tokens [from, to) see: two tokens on each side (at i - lo).
  const lo = Math.max(0, from - 2);
  const hi = Math.min(n, to + 2);
  if (scratch.length < (hi - lo) * 5) scratch = new Int32Array(Math.max(256, (hi - lo) * 10));
  const lowers = scratch.subarray(0, hi - lo);
  const shapes = scratch.subarray(hi - lo, (hi - lo) * 2);
  const gazes = scratch.subarray((hi - lo) * 2, (hi - lo) * 3);
  const firsts = scratch.subarray((hi - lo) * 3, (hi - lo) * 4);
  const poses = scratch.subarray((hi - lo) * 4, (hi - lo) * 5);
  for (let i = lo; i < hi; i++) {
    const t = infos[i]!;
    const h = t.word.hashes;
    lowers[i - lo] = h[H_LOWER]!;
    shapes[i - lo] = h[H_SHAPE]!;
    gazes[i - lo] = t.gaz ? valueHash(t.gaz) : EMPTY;
    firsts[i - lo] = h[H_FIRST]!;
    poses[i - lo] = t.pos ? valueHash(t.pos) : EMPTY;
  }
  const stride = FEATURES_PER_TOKEN + (withPos ? 3 : 0);
  const data = new Uint32Array((to - from) * stride);
  for (let i = from; i < to; i++) {
    const t = infos[i]!;
    const w = t.word;
    const h = allHashes(w);
    const lower = lowers[i - lo]!;
    const shape = shapes[i - lo]!;
    const gaz = gazes[i - lo]!;
    const base = (i - from) * stride;
    // The neighbours' hashes (sentence bounds outside it).
    const lowerBefore = around(lowers, i - 1, lo, n, BOS, EOS);
    const lowerAfter = around(lowers, i + 1, lo, n, BOS, EOS);
    const lowerBefore2 = around(lowers, i - 2, lo, n, BOS, EOS);
    const lowerAfter2 = around(lowers, i + 2, lo, n, BOS, EOS);
    const shapeBefore = around(shapes, i - 1, lo, n, BOS, EOS);
    const shapeAfter = around(shapes, i + 1, lo, n, BOS, EOS);
    const gazBefore = around(gazes, i - 1, lo, n, EMPTY, EMPTY);
    const gazAfter = around(gazes, i + 1, lo, n, EMPTY, EMPTY);
    const firstBefore = around(firsts, i - 1, lo, n, EMPTY, EMPTY);
    const firstAfter = around(firsts, i + 1, lo, n, EMPTY, EMPTY);
    data[base] = feature(0, 0);
    data[base + 1] = feature(1, lower);
    data[base + 2] = feature(2, h[H_WORD]!);
    data[base + 3] = feature(3, h[H_P3]!);
    data[base + 4] = feature(4, h[H_S3]!);
    data[base + 5] = feature(5, h[H_S2]!);
    data[base + 6] = feature(6, h[H_S4]!);
    data[base + 7] = feature(7, h[H_P4]!);
    data[base + 8] = feature(8, shape);
    data[base + 9] = feature(9, shape, Math.min(w.text.length, 8));
    data[base + 10] = feature(10, lowerBefore);
    data[base + 11] = feature(11, lowerAfter);
    data[base + 12] = feature(12, lowerBefore2);
    data[base + 13] = feature(13, lowerAfter2);
    data[base + 14] = feature(14, shapeBefore, shape);
    data[base + 15] = feature(15, shape, shapeAfter);
    data[base + 16] = feature(16, lowerBefore, lower);
    data[base + 17] = feature(17, lower, lowerAfter);
    data[base + 18] = feature(18, i === 0 ? 1 : 2, w.capitalised ? 1 : 2);
    data[base + 19] = feature(19, gaz);
    data[base + 20] = feature(20, gazBefore, gaz);
    data[base + 21] = feature(21, gaz, gazAfter);
    data[base + 22] = feature(22, firsts[i - lo]!);
    data[base + 23] = feature(23, firstBefore);
    data[base + 24] = feature(24, i > 0 && infos[i - 1]!.word.title ? 1 : 2, shape);
    data[base + 25] = feature(25, w.demonym ? 1 : 2);
    data[base + 26] = feature(26, valueHash(t.kind));
    data[base + 27] = feature(27, lowerBefore, shape);
    data[base + 28] = feature(28, shape, lowerAfter);
    data[base + 29] = feature(29, shapeBefore, shape, shapeAfter);
    data[base + 30] = feature(30, firstAfter, shape);
    data[base + 31] = feature(31, lowerBefore2, lowerBefore);
    if (withPos) {
      const pos = poses[i - lo]!;
      data[base + 32] = feature(32, pos);
      data[base + 33] = feature(33, i > 0 ? poses[i - 1 - lo]! : BOS, pos);
      data[base + 34] = feature(34, pos, shape);
    }
  }
  return { data, stride, n: to - from };
}
