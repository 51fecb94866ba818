import type { Token } from '../core/types.js';
import { entitiesLexicon, fold, matchGazetteer, type GazetteerMatch } from './lexicon.js';

/**
 * Feature extraction for the sequence labeller. Features are 32-bit FNV-1a hashes of
 * (template, strings), computed without building strings: a token costs a few hundred
 * character steps, which keeps the labeller above a megabyte per second.
 * Bump FEATURE_VERSION whenever a template changes: a model records the version it was trained with.
 */
export const FEATURE_VERSION = 3;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function mix(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return Math.imul(h ^ 0x1f, FNV_PRIME); // separator
}

/** mix() of s.slice(from, to) without building the slice (same hash). */
function mixRange(h: number, s: string, from: number, to: number): number {
  for (let i = Math.max(0, from); i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return Math.imul(h ^ 0x1f, FNV_PRIME);
}
const prefix = (t: number, s: string, n: number) => fin(mixRange(start(t), s, 0, Math.min(n, s.length)));
const suffix = (t: number, s: string, n: number) => fin(mixRange(start(t), s, s.length - n, s.length));

function start(template: number): number {
  return Math.imul(FNV_OFFSET ^ template, FNV_PRIME);
}

/** Hash of a feature; never 0 (0 marks an empty slot of the model's table). */
const fin = (h: number): number => h >>> 0 || 1;

const f1 = (t: number, a: string) => fin(mix(start(t), a));
const f2 = (t: number, a: string, b: string) => fin(mix(mix(start(t), a), b));
const f3 = (t: number, a: string, b: string, c: string) => fin(mix(mix(mix(start(t), a), b), c));

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
const LENGTHS = ['0', '1', '2', '3', '4', '5', '6', '7', '8'];

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
    const lower = fold(t.text).toLowerCase();
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

const BOS = '<s>';
const EOS = '</s>';

/** The feature hashes of every token of a sentence. */
export function sentenceFeatures(infos: readonly TokenInfo[]): Uint32Array[] {
  const n = infos.length;
  const out: Uint32Array[] = [];
  const lowerAt = (i: number) => (i < 0 ? BOS : i >= n ? EOS : infos[i]!.lower);
  const shapeAt = (i: number) => (i < 0 ? BOS : i >= n ? EOS : infos[i]!.shape);
  const gazAt = (i: number) => (i < 0 || i >= n ? '' : infos[i]!.gaz);
  for (let i = 0; i < n; i++) {
    const t = infos[i]!;
    const w = t.text;
    const l = t.lower;
    const feats: number[] = [
      f1(0, ''),
      f1(1, l),
      f1(2, w),
      prefix(3, l, 3),
      suffix(4, l, 3),
      suffix(5, l, 2),
      suffix(6, l, 4),
      prefix(7, l, 4),
      f1(8, t.shape),
      f2(9, t.shape, LENGTHS[Math.min(w.length, 8)]!),
      f1(10, lowerAt(i - 1)),
      f1(11, lowerAt(i + 1)),
      f1(12, lowerAt(i - 2)),
      f1(13, lowerAt(i + 2)),
      f2(14, shapeAt(i - 1), t.shape),
      f2(15, t.shape, shapeAt(i + 1)),
      f2(16, lowerAt(i - 1), l),
      f2(17, l, lowerAt(i + 1)),
      f2(18, i === 0 ? 'first' : 'inner', capitalised(w) ? 'C' : 'c'),
      f1(19, gazAt(i)),
      f2(20, gazAt(i - 1), gazAt(i)),
      f2(21, gazAt(i), gazAt(i + 1)),
      f1(22, t.first),
      f1(23, i > 0 ? infos[i - 1]!.first : ''),
      f2(24, i > 0 && infos[i - 1]!.title ? 'title' : '', t.shape),
      f1(25, t.demonym ? 'demonym' : ''),
      f1(26, t.kind),
      f2(27, lowerAt(i - 1), t.shape),
      f2(28, t.shape, lowerAt(i + 1)),
      f3(29, shapeAt(i - 1), t.shape, shapeAt(i + 1)),
      f2(30, i + 1 < n ? infos[i + 1]!.first : '', t.shape),
      f2(31, lowerAt(i - 2), lowerAt(i - 1)),
    ];
    if (t.pos) feats.push(f1(32, t.pos), f2(33, i > 0 ? infos[i - 1]!.pos : BOS, t.pos), f2(34, t.pos, t.shape));
    out.push(Uint32Array.from(feats));
  }
  return out;
}
