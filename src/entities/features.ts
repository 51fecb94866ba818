import type { Token } from '../core/types.js';
import { entitiesLexicon, lowerOf, matchGazetteer, type GazetteerMatch } from './lexicon.js';

/**
 * Feature extraction for the sequence labeller. Features are 32-bit hashes of a template number
 * and the FNV-1a hashes of its values (word, shape, neighbours…); each string is hashed once per
 * token, which keeps the labeller above a megabyte per second.
 * Bump FEATURE_VERSION whenever a template changes: a model records the version it was trained with.
 */
export const FEATURE_VERSION = 4;

const FNV_OFFSET = 0x811c9dc5;
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

/** What the labeller sees of a token besides its text. */
export interface TokenInfo {
  text: string;
  lower: string;
  shape: string;
  /** Gazetteer tag: B-LOC:country, I-ORG:org, or ''. */
  gaz: string;
  /** First-name gender: m, f, mf or ''. */
  first: string;
  title: boolean;
  demonym: boolean;
  kind: string;
  pos: string;
}

/**
 * Token information for tokens[from, to) (one sentence). `matches` are the document's gazetteer
 * matches by start token (documentMatches); without them the sentence is matched on its own.
 */
export function tokenInfos(tokens: readonly Token[], from: number, to: number, matches?: ReadonlyMap<number, GazetteerMatch>): TokenInfo[] {
  const lex = entitiesLexicon();
  const infos: TokenInfo[] = [];
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    const lower = lowerOf(tokens, i);
    infos.push({
      text: t.text,
      lower,
      shape: shortShape(t.text),
      gaz: '',
      first: lex.firstNames.get(t.text) ?? '',
      title: lex.titles.has(lower),
      demonym: lex.demonyms.has(t.text),
      kind: t.kind,
      pos: t.pos ?? '',
    });
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

/** FNV-1a hash of a string (or of s.slice(from, to) without building it). */
function hashString(s: string, from = 0, to = s.length): number {
  let h = FNV_OFFSET;
  for (let i = Math.max(0, from); i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

/** A feature: template number and up to three value hashes, mixed (murmur3-style finaliser). */
function feature(template: number, a: number, b = 0, c = 0): number {
  let h = Math.imul(template + 0x9e3779b9, 0x85ebca6b);
  h ^= a;
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  h ^= b;
  h = Math.imul(h ^ (h >>> 12), 0x297a2d39);
  h ^= c;
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0 || 1;
}

const BOS = hashString('<s>');
const EOS = hashString('</s>');
const EMPTY = hashString('');
const FEATURES_PER_TOKEN = 32;

/** Per-token value hashes, computed once per token and shared by the templates. */
interface TokenHashes {
  lower: number;
  word: number;
  shape: number;
  gaz: number;
  first: number;
  pos: number;
}

/**
 * The feature hashes of every token of a sentence. Strings are hashed once per token; templates
 * combine those hashes with integer mixing, which keeps feature extraction cheap.
 */
export function sentenceFeatures(infos: readonly TokenInfo[]): Uint32Array[] {
  const n = infos.length;
  const hashes: TokenHashes[] = infos.map((t) => ({
    lower: hashString(t.lower),
    word: hashString(t.text),
    shape: hashString(t.shape),
    gaz: t.gaz ? hashString(t.gaz) : EMPTY,
    first: t.first ? hashString(t.first) : EMPTY,
    pos: t.pos ? hashString(t.pos) : EMPTY,
  }));
  const lowerAt = (i: number) => (i < 0 ? BOS : i >= n ? EOS : hashes[i]!.lower);
  const shapeAt = (i: number) => (i < 0 ? BOS : i >= n ? EOS : hashes[i]!.shape);
  const gazAt = (i: number) => (i < 0 || i >= n ? EMPTY : hashes[i]!.gaz);
  const firstAt = (i: number) => (i < 0 || i >= n ? EMPTY : hashes[i]!.first);
  const withPos = infos.some((t) => t.pos);
  const stride = FEATURES_PER_TOKEN + (withPos ? 3 : 0);
  const buffer = new Uint32Array(n * stride);
  const out: Uint32Array[] = [];
  for (let i = 0; i < n; i++) {
    const t = infos[i]!;
    const h = hashes[i]!;
    const l = t.lower;
    const f = buffer.subarray(i * stride, (i + 1) * stride);
    f[0] = feature(0, 0);
    f[1] = feature(1, h.lower);
    f[2] = feature(2, h.word);
    f[3] = feature(3, hashString(l, 0, Math.min(3, l.length)));
    f[4] = feature(4, hashString(l, l.length - 3));
    f[5] = feature(5, hashString(l, l.length - 2));
    f[6] = feature(6, hashString(l, l.length - 4));
    f[7] = feature(7, hashString(l, 0, Math.min(4, l.length)));
    f[8] = feature(8, h.shape);
    f[9] = feature(9, h.shape, Math.min(t.text.length, 8));
    f[10] = feature(10, lowerAt(i - 1));
    f[11] = feature(11, lowerAt(i + 1));
    f[12] = feature(12, lowerAt(i - 2));
    f[13] = feature(13, lowerAt(i + 2));
    f[14] = feature(14, shapeAt(i - 1), h.shape);
    f[15] = feature(15, h.shape, shapeAt(i + 1));
    f[16] = feature(16, lowerAt(i - 1), h.lower);
    f[17] = feature(17, h.lower, lowerAt(i + 1));
    f[18] = feature(18, i === 0 ? 1 : 2, capitalised(t.text) ? 1 : 2);
    f[19] = feature(19, h.gaz);
    f[20] = feature(20, gazAt(i - 1), h.gaz);
    f[21] = feature(21, h.gaz, gazAt(i + 1));
    f[22] = feature(22, h.first);
    f[23] = feature(23, firstAt(i - 1));
    f[24] = feature(24, i > 0 && infos[i - 1]!.title ? 1 : 2, h.shape);
    f[25] = feature(25, t.demonym ? 1 : 2);
    f[26] = feature(26, hashString(t.kind));
    f[27] = feature(27, lowerAt(i - 1), h.shape);
    f[28] = feature(28, h.shape, lowerAt(i + 1));
    f[29] = feature(29, shapeAt(i - 1), h.shape, shapeAt(i + 1));
    f[30] = feature(30, firstAt(i + 1), h.shape);
    f[31] = feature(31, lowerAt(i - 2), lowerAt(i - 1));
    if (withPos) {
      f[32] = feature(32, h.pos);
      f[33] = feature(33, i > 0 ? hashes[i - 1]!.pos : BOS, h.pos);
      f[34] = feature(34, h.pos, h.shape);
    }
    out.push(f);
  }
  return out;
}
