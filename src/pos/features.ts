/**
 * Feature templates of the tagger. Most templates read one word at a fixed offset, so the
 * tagger can sum their weights once per (offset, word) and reuse the sum; the few that read a
 * tag or two words are built per position.
 */
import { normalizeForm, wordShape } from './text.js';

/** What the tagger knows about a word before tagging: its forms and its lexicon class. */
export interface WordInfo {
  /** Normalised form (’ → '), case kept. */
  form: string;
  lower: string;
  shape: string;
  /** Sorted UPOS tags the lexicon allows for the word, joined with '|'; '' when unknown. */
  lexClass: string;
}

export type ClassLookup = (lower: string, form: string) => string;

export const BOS: WordInfo = { form: '<s>', lower: '<s>', shape: '<s>', lexClass: '<s>' };
export const EOS: WordInfo = { form: '</s>', lower: '</s>', shape: '</s>', lexClass: '</s>' };

export function wordInfo(raw: string, lookup: ClassLookup): WordInfo {
  const form = normalizeForm(raw);
  const lower = form.toLowerCase();
  return { form, lower, shape: wordShape(form), lexClass: lookup(lower, form) };
}

/** The offsets whose word features are cached and summed. */
export const OFFSETS = [-2, -1, 0, 1, 2] as const;

/** Features of the word at `offset` from the tagged position that depend on that word alone. */
export function wordFeatures(offset: number, w: WordInfo): string[] {
  if (offset === 0) {
    const { lower, form } = w;
    const out = ['b', 'w:' + lower, 'sh:' + w.shape, 'c:' + w.lexClass];
    if (form !== lower) out.push('f:' + form);
    const n = lower.length;
    for (let k = 1; k <= 5 && k < n; k++) out.push(`s${k}:` + lower.slice(n - k));
    for (let k = 1; k <= 3 && k < n; k++) out.push(`p${k}:` + lower.slice(0, k));
    if (lower.includes('-')) out.push('hy');
    out.push('cs:' + w.lexClass + '|' + lower.slice(Math.max(0, n - 3)));
    return out;
  }
  const p = offset + ':';
  if (offset === -1 || offset === 1) {
    const n = w.lower.length;
    return [p + 'w:' + w.lower, p + 's3:' + w.lower.slice(Math.max(0, n - 3)), p + 'c:' + w.lexClass, p + 'sh:' + w.shape];
  }
  return [p + 'w:' + w.lower, p + 'c:' + w.lexClass];
}

/** Features of position i that read no tag: the same whatever tags come before. */
export function staticFeatures(words: readonly WordInfo[], i: number): string[] {
  const out: string[] = [];
  for (const k of OFFSETS) out.push(...wordFeatures(k, wordAt(words, i + k)));
  const w0 = words[i]!;
  const prev = wordAt(words, i - 1);
  const next = wordAt(words, i + 1);
  out.push(
    'ww:' + prev.lower + '|' + w0.lower,
    'wn:' + w0.lower + '|' + next.lower,
    'cc:' + prev.lexClass + '|' + w0.lexClass + '|' + next.lexClass,
    'i:' + (i === 0 ? 'first' : 'in') + '|' + w0.shape.charAt(0),
  );
  return out;
}

/** Features that read tags: the two before (this pass's), and a first pass's tags ahead. */
export function tagFeatures(words: readonly WordInfo[], i: number, t1: string, t2: string, ahead?: readonly string[]): string[] {
  const w0 = words[i]!;
  const out = ['t1:' + t1, 't2:' + t2, 't12:' + t1 + '|' + t2, 't1w:' + t1 + '|' + w0.lower, 't1c:' + t1 + '|' + w0.lexClass];
  if (ahead) {
    const n1 = ahead[i + 1] ?? '</s>';
    const n2 = ahead[i + 2] ?? '</s>';
    out.push('n1:' + n1, 'n2:' + n2, 'n12:' + n1 + '|' + n2, 't1n1:' + t1 + '|' + n1, 'n1w:' + n1 + '|' + w0.lower, 'a0:' + ahead[i]);
  }
  return out;
}

export function wordAt(words: readonly WordInfo[], i: number): WordInfo {
  if (i < 0) return BOS;
  if (i >= words.length) return EOS;
  return words[i]!;
}

/** Every feature of position i, for training and for checking the cached inference. */
export function allFeatures(words: readonly WordInfo[], i: number, t1: string, t2: string, ahead?: readonly string[]): string[] {
  return [...staticFeatures(words, i), ...tagFeatures(words, i, t1, t2, ahead)];
}
