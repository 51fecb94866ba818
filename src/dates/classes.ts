import type { Analysis } from '../core/analysis.js';
import type { Token } from '../core/types.js';
import { datesLexicon, normalizeWord } from './lexicon.js';
import { numberFromDigits, numberFromWords, ordinalValue } from './numbers.js';
import { startsUpper } from '../core/letters.js';

/** The tokens of a document as the matcher reads them. */
export interface TokenView {
  text: string;
  tokens: readonly Token[];
  /** Lower-cased forms, ’ read as '. */
  norm: string[];
  /** A line break lies between token i-1 and token i: no expression crosses it. */
  breakBefore: boolean[];
  /** Token i opens its sentence, a line, or what follows an opening quote or dash (capitals mean nothing there). */
  initial: boolean[];
  sentenceOf: Int32Array;
  /** Number words read at each token (null: none), filled on demand. */
  numberAt: (ClassMatch | null | undefined)[];
}

const OPENERS = new Set(['«', '“', '"', '—', '–', '-', '(', ':', '‹', '[']);

export function tokenView(analysis: Readonly<Pick<Analysis, 'text' | 'tokens' | 'sentences'>>): TokenView {
  const { text, tokens } = analysis;
  const norm = tokens.map((t) => normalizeWord(t.text));
  const breakBefore = new Array<boolean>(tokens.length).fill(false);
  for (let i = 1, newline = text.indexOf('\n'); i < tokens.length && newline >= 0; i++) {
    while (newline >= 0 && newline < tokens[i - 1]!.end) newline = text.indexOf('\n', newline + 1);
    if (newline >= 0 && newline < tokens[i]!.start) breakBefore[i] = true;
  }
  const sentenceOf = new Int32Array(tokens.length);
  const initial = new Array<boolean>(tokens.length).fill(false);
  analysis.sentences.forEach((s, index) => {
    sentenceOf.fill(index, s.tokenStart, s.tokenEnd);
    if (s.tokenStart < tokens.length) initial[s.tokenStart] = true;
  });
  for (let i = 0; i < tokens.length; i++) {
    if (i === 0 || breakBefore[i] || OPENERS.has(norm[i - 1]!)) initial[i] = true;
  }
  return { text, tokens, norm, breakBefore, initial, sentenceOf, numberAt: new Array(tokens.length) };
}

export interface ClassMatch {
  /** Number of tokens matched. */
  len: number;
  value: unknown;
}

export type ClassMatcher = (v: TokenView, i: number) => ClassMatch | undefined;

const one = (value: unknown): ClassMatch => ({ len: 1, value });
const isCapitalized = (s: string): boolean => startsUpper(s);

/** Splits "l'an" into "l'" + "an", as the tokenizer does. */
export function splitElisions(words: readonly string[]): string[] {
  return words.flatMap((w) => {
    const k = w.indexOf("'");
    return k > 0 && k < w.length - 1 ? [w.slice(0, k + 1), w.slice(k + 1)] : [w];
  });
}

/** Longest phrase of `phrases` (lower-case words) starting at token i, not crossing a line break. */
function phraseAt<T extends { words: string[] }>(v: TokenView, i: number, phrases: ReadonlyMap<string, readonly T[]>): { phrase: T; len: number } | undefined {
  let best: { phrase: T; len: number } | undefined;
  const list = phrases.get(v.norm[i]!) ?? [];
  for (let p = 0; p < list.length; p++) {
    const phrase = list[p]!;
    const n = phrase.words.length;
    if (best && n <= best.len) continue;
    if (i + n > v.tokens.length) continue;
    let ok = true;
    for (let k = 0; k < n && ok; k++) ok = v.norm[i + k] === phrase.words[k] && (k === 0 || !v.breakBefore[i + k]);
    if (ok) best = { phrase, len: n };
  }
  return best;
}

/** A cardinal in words over one or more tokens: vingt-cinq, vingt et un, quatre-vingt-dix-neuf. */
function wordNumber(v: TokenView, i: number): ClassMatch | undefined {
  const cached = v.numberAt[i];
  if (cached !== undefined) return cached ?? undefined;
  const found = readWordNumber(v, i);
  v.numberAt[i] = found ?? null;
  return found;
}

function readWordNumber(v: TokenView, i: number): ClassMatch | undefined {
  const { numbers } = datesLexicon();
  const first = v.norm[i]!;
  const dash = first.indexOf('-');
  if (!numbers.has(dash < 0 ? first : first.slice(0, dash))) return undefined;
  const parts: string[] = [];
  const ends: { len: number; count: number }[] = [];
  for (let j = i; j < v.tokens.length && j < i + 6; j++) {
    if (j > i && v.breakBefore[j]) break;
    const pieces = v.norm[j]!.split('-');
    if (!pieces.every((p) => p === 'et' || numbers.has(p))) break;
    parts.push(...pieces);
    ends.push({ len: j - i + 1, count: parts.length });
  }
  for (let k = ends.length - 1; k >= 0; k--) {
    const slice = parts.slice(0, ends[k]!.count);
    if (slice[slice.length - 1] === 'et') continue;
    const value = numberFromWords(slice);
    if (value !== undefined) return { len: ends[k]!.len, value };
  }
  return undefined;
}

function digitNumber(v: TokenView, i: number): number | undefined {
  const t = v.tokens[i]!;
  return t.kind === 'number' ? numberFromDigits(t.text) : undefined;
}

function cardinal(v: TokenView, i: number): ClassMatch | undefined {
  const digits = digitNumber(v, i);
  if (digits !== undefined) return one(digits);
  return wordNumber(v, i);
}

const DATE_NUMERIC = /^(\d{1,2})([/.])(\d{1,2})\2(\d{4}|\d{2})$/;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MONTH = /^(\d{1,2})\/(\d{2})$/;
const YEAR_SPAN = /^(\d{4})[-/–](\d{4}|\d{2})$/;
const DAY_SPAN = /^(\d{1,2})[-–](\d{1,2})$/;
const CLOCK = /^(\d{1,2})[:h](\d{2})$/;

/** The token classes rules name in upper case (see lexicons/dates/rules.tsv). */
export const CLASSES: Record<string, ClassMatcher> = {
  DAY(v, i) {
    if (v.norm[i] === '1er' || v.norm[i] === 'premier') return one(1);
    const t = v.tokens[i]!;
    if (t.kind === 'number') {
      if (!/^\d{1,2}$/.test(t.text)) return undefined;
      const n = Number(t.text);
      return n >= 1 && n <= 31 ? one(n) : undefined;
    }
    const w = wordNumber(v, i);
    return w && Number.isInteger(w.value) && (w.value as number) >= 1 && (w.value as number) <= 31 ? w : undefined;
  },
  MONTH(v, i) {
    const m = datesLexicon().months.get(v.norm[i]!);
    return m === undefined ? undefined : one(m);
  },
  WEEKDAY(v, i) {
    const w = datesLexicon().weekdays.get(v.norm[i]!);
    return w && !w.plural ? one(w.day) : undefined;
  },
  WEEKDAYS(v, i) {
    const w = datesLexicon().weekdays.get(v.norm[i]!);
    return w && w.plural ? one(w.day) : undefined;
  },
  YEAR(v, i) {
    const t = v.tokens[i]!;
    if (t.kind !== 'number' || !/^\d{4}$/.test(t.text)) return undefined;
    const y = Number(t.text);
    return y >= 1000 && y <= 2199 ? one(y) : undefined;
  },
  YEAR2(v, i) {
    const t = v.tokens[i]!;
    return t.kind === 'number' && /^\d{2}$/.test(t.text) ? one(Number(t.text)) : undefined;
  },
  NUM: cardinal,
  APPROXNUM(v, i) {
    const n = datesLexicon().approxNumbers.get(v.norm[i]!);
    return n === undefined ? undefined : one(n);
  },
  ORD(v, i) {
    const n = ordinalValue(v.tokens[i]!.text);
    return n === undefined ? undefined : one(n);
  },
  UNIT(v, i) {
    const u = datesLexicon().units.get(v.norm[i]!);
    return u ? one(u) : undefined;
  },
  POD(v, i) {
    const p = datesLexicon().partsOfDay.get(v.norm[i]!);
    return p ? one(p) : undefined;
  },
  SEASON(v, i) {
    const s = datesLexicon().seasons.get(v.norm[i]!);
    return s ? one(s) : undefined;
  },
  REL(v, i) {
    const r = datesLexicon().relative.get(v.norm[i]!);
    return r === undefined ? undefined : one(r);
  },
  PART(v, i) {
    const p = datesLexicon().partModifiers.get(v.norm[i]!);
    return p ? one(p) : undefined;
  },
  QMOD(v, i) {
    const found = phraseAt(v, i, quantityPhrases());
    return found ? { len: found.len, value: found.phrase.mod } : undefined;
  },
  HOUR(v, i) {
    const t = v.tokens[i]!;
    if (t.kind === 'number') {
      if (!/^\d{1,2}$/.test(t.text)) return undefined;
      const n = Number(t.text);
      return n <= 24 ? one(n) : undefined;
    }
    const w = wordNumber(v, i);
    return w && Number.isInteger(w.value) && (w.value as number) <= 24 ? w : undefined;
  },
  H(v, i) {
    const n = v.norm[i];
    return n === 'h' || n === 'heure' || n === 'heures' ? one(n) : undefined;
  },
  MIN2(v, i) {
    const t = v.tokens[i]!;
    if (t.kind !== 'number' || !/^\d{2}$/.test(t.text)) return undefined;
    const n = Number(t.text);
    return n <= 59 ? one(n) : undefined;
  },
  CLOCK(v, i) {
    const t = v.tokens[i]!;
    const m = t.kind === 'number' || t.kind === 'word' ? CLOCK.exec(t.text) : null;
    if (!m) return undefined;
    const [h, min] = [Number(m[1]), Number(m[2])];
    return h <= 24 && min <= 59 ? one({ hour: h, minute: min }) : undefined;
  },
  DATENUM(v, i) {
    const t = v.tokens[i]!;
    if (t.kind !== 'number') return undefined;
    const iso = ISO_DAY.exec(t.text);
    if (iso) return one({ y: Number(iso[1]), m: Number(iso[2]), d: Number(iso[3]) });
    const m = DATE_NUMERIC.exec(t.text);
    if (!m) return undefined;
    const y = m[4]!.length === 2 ? { y2: Number(m[4]) } : { y: Number(m[4]) };
    return one({ d: Number(m[1]), m: Number(m[3]), ...y });
  },
  DAYMONTHNUM(v, i) {
    const t = v.tokens[i]!;
    const m = t.kind === 'number' ? DAY_MONTH.exec(t.text) : null;
    if (!m) return undefined;
    const [d, mo] = [Number(m[1]), Number(m[2])];
    return d >= 1 && d <= 31 && mo >= 1 && mo <= 12 ? one({ d, m: mo }) : undefined;
  },
  YEARSPAN(v, i) {
    const t = v.tokens[i]!;
    const m = t.kind === 'number' ? YEAR_SPAN.exec(t.text) : null;
    if (!m) return undefined;
    const y1 = Number(m[1]);
    const y2 = m[2]!.length === 2 ? Math.floor(y1 / 100) * 100 + Number(m[2]) : Number(m[2]);
    if (y1 < 1000 || y1 > 2199 || y2 <= y1 || y2 - y1 > 100) return undefined;
    const separator = m[1]!.length;
    return one({ y1, y2, separator });
  },
  DAYSPAN(v, i) {
    const t = v.tokens[i]!;
    const m = t.kind === 'number' ? DAY_SPAN.exec(t.text) : null;
    if (!m) return undefined;
    const [d1, d2] = [Number(m[1]), Number(m[2])];
    return d1 >= 1 && d1 < d2 && d2 <= 31 ? one({ d1, d2 }) : undefined;
  },
  CENTURY(v, i) {
    const t = v.tokens[i]!;
    if (t.kind !== 'ordinal' && t.kind !== 'word') return undefined;
    const n = ordinalValue(t.text);
    return n !== undefined && n >= 1 && n <= 22 ? one(n) : undefined;
  },
  DECADE(v, i) {
    const t = v.tokens[i]!;
    if (t.kind === 'number') {
      if (/^\d{4}$/.test(t.text) && t.text.endsWith('0')) return one(Number(t.text) / 10);
      if (/^\d0$/.test(t.text) && t.text !== '00') return one(190 + Number(t.text) / 10);
      return undefined;
    }
    const w = wordNumber(v, i);
    const n = w?.value as number | undefined;
    return w && n !== undefined && n >= 10 && n <= 90 && n % 10 === 0 ? { len: w.len, value: 190 + n / 10 } : undefined;
  },
  HOLIDAY(v, i) {
    let best: ClassMatch | undefined;
    for (const holiday of holidayPhrases().get(v.norm[i]!) ?? []) {
      const n = holiday.words.length;
      if (best && n <= best.len) continue;
      if (i + n > v.tokens.length) continue;
      let ok = true;
      for (let k = 0; k < n && ok; k++) {
        const want = holiday.words[k]!;
        const got = v.tokens[i + k]!.text.replace(/’/g, "'");
        ok = (k === 0 || !v.breakBefore[i + k]) && (isCapitalized(want) ? got === want : got.toLowerCase() === want);
      }
      if (ok) best = { len: n, value: holiday };
    }
    return best;
  },
  MIDMONTH(v, i) {
    const m = /^mi-(.+)$/.exec(v.norm[i]!);
    const month = m ? datesLexicon().months.get(m[1]!) : undefined;
    return month === undefined ? undefined : one(month);
  },
  MIDYEAR(v, i) {
    const m = /^mi-(\d{4})$/.exec(v.norm[i]!);
    return m ? one(Number(m[1])) : undefined;
  },
  QUARTERTOKEN(v, i) {
    const m = /^T([1-4])$/.exec(v.tokens[i]!.text);
    return m ? one(Number(m[1])) : undefined;
  },
  VAGUE(v, i) {
    const n = v.norm[i];
    return n === 'plusieurs' || n === 'quelques' ? one(n) : undefined;
  },
};

/** Phrases indexed by their first word, lower-cased. */
function byFirstWord<T extends { words: string[] }>(phrases: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const p of phrases) {
    const first = normalizeWord(p.words[0]!);
    map.set(first, [...(map.get(first) ?? []), p]);
  }
  return map;
}

let quantity: Map<string, { words: string[]; mod: string }[]> | undefined;
function quantityPhrases(): Map<string, { words: string[]; mod: string }[]> {
  return (quantity ??= byFirstWord(datesLexicon().quantityModifiers.map((q) => ({ ...q, words: splitElisions(q.words) }))));
}

let holidays: Map<string, { words: string[] }[]> | undefined;
function holidayPhrases(): Map<string, { words: string[] }[]> {
  return (holidays ??= byFirstWord(datesLexicon().holidays.map((h) => ({ ...h, words: splitElisions(h.words) }))));
}

/** Classes whose match at a word depends on the words after it or on its case, not on its form alone. */
export const CONTEXT_CLASSES: Record<string, () => Set<string>> = {
  QMOD: () => new Set(quantityPhrases().keys()),
  HOLIDAY: () => new Set(holidayPhrases().keys()),
};

let startWords: Set<string> | undefined;
/**
 * Words a class can start with (lexicon forms, first words of phrases): a word token outside this
 * set starts no class match, so most tokens of a text are passed over at once.
 */
export function classStartWords(): Set<string> {
  if (startWords) return startWords;
  const lex = datesLexicon();
  const words = new Set<string>(['1er', 'premier', 'h', 'heure', 'heures', 'plusieurs', 'quelques']);
  for (const map of [lex.months, lex.weekdays, lex.numbers, lex.approxNumbers, lex.ordinals, lex.units, lex.partsOfDay, lex.seasons, lex.relative, lex.partModifiers]) {
    for (const k of map.keys()) words.add(k);
  }
  for (const k of quantityPhrases().keys()) words.add(k);
  for (const k of holidayPhrases().keys()) words.add(k);
  return (startWords = words);
}

/** The preposition phrases of prepositions.tsv, split as the tokenizer splits them. */
let prepositions: ReturnType<typeof datesLexicon>['prepositions'] | undefined;
export function prepositionPhrases(): ReturnType<typeof datesLexicon>['prepositions'] {
  return (prepositions ??= datesLexicon().prepositions.map((p) => ({ ...p, words: splitElisions(p.words) })));
}

export { isCapitalized };
