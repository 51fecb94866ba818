import type { Analysis } from '../core/analysis.js';
import { ExtraitError } from '../core/errors.js';
import { isValid, parseIsoDay, type Ymd } from './calendar.js';
import { datesLexicon, normalizeWord } from './lexicon.js';

export type ReferenceSource = 'option' | 'metadata' | 'dateline' | 'filename';

export interface Reference {
  date: Ymd;
  source: ReferenceSource;
}

const PUBLISHED = /^(?:publié|publiée|posté|postée|paru|parue)(?!\p{L})/iu;
const UPDATED = /^(?:mis|mise|modifié|modifiée|actualisé|actualisée)(?!\p{L})/iu;
/** Words a dateline may hold besides its date. */
const DATE_LINE_WORDS = new Set(['le', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche', 'à', 'a', 'h', 'heure', 'heures']);
const NUMERIC = /(?<![\d/.])(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?![\d/.])/;
const SPELLED = /(?<![\p{L}\d])(\d{1,2}|1er)\s+(\p{L}+\.?)\s+(\d{4})(?!\d)/u;
const FOUR_DIGITS = /\d{4}/;
const ISO_IN_NAME = /(?<!\d)((?:19|20)\d{2})[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)/;

/** A full date written in one line: 11/05/2017, 11.05.2017, 11 mai 2017, 1er mai 2017. */
function dateInLine(line: string): Ymd | undefined {
  // both forms end with a four-digit year: most lines have none, and SPELLED is costly to compile
  if (!FOUR_DIGITS.test(line)) return undefined;
  const n = NUMERIC.exec(line);
  if (n) {
    const date = { y: Number(n[3]), m: Number(n[2]), d: Number(n[1]) };
    if (isValid(date)) return date;
  }
  const s = SPELLED.exec(line);
  if (s) {
    const m = datesLexicon().months.get(normalizeWord(s[2]!));
    const date = { y: Number(s[3]), m: m ?? 0, d: s[1] === '1er' ? 1 : Number(s[1]) };
    if (m !== undefined && isValid(date)) return date;
  }
  return undefined;
}

/**
 * A dateline among the first lines: "Publié le 11/05/2017 à 10h32", "Mis à jour le 12 mai 2017",
 * or a line that is only a date. The publication line wins over an update line.
 */
export function datelineDate(text: string): Ymd | undefined {
  const lines = text.slice(0, 1500).split('\n').map((l) => l.trim()).filter(Boolean).slice(0, 6);
  let update: Ymd | undefined;
  for (const line of lines) {
    if (line.length > 120) continue;
    const date = dateInLine(line);
    if (!date) continue;
    if (PUBLISHED.test(line)) return date;
    if (UPDATED.test(line)) {
      update ??= date;
      continue;
    }
    // a line holding nothing but the date (and its weekday or time)
    const rest = line.replace(NUMERIC, '').replace(SPELLED, '').toLowerCase().match(/\p{L}+/gu) ?? [];
    if (rest.every((w) => DATE_LINE_WORDS.has(w))) return date;
  }
  return update;
}

/** A date in a file name: 2017-05-11-lavrov.txt, lavrov_20170511.html, 1999-05-17-0121.tml. */
export function fileNameDate(source: string | undefined): Ymd | undefined {
  if (!source || source === '-') return undefined;
  const base = source.replace(/:\d+$/, '').split(/[/\\]/).pop() ?? '';
  const m = ISO_IN_NAME.exec(base);
  if (!m) return undefined;
  const date = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  return isValid(date) ? date : undefined;
}

/**
 * The date relative expressions count from: the refDate option, else the document's own date,
 * else a dateline in its first lines, else a date in its file name; undefined when there is none
 * (relative values then stay unresolved — the clock is never read).
 */
export function findReference(analysis: Readonly<Pick<Analysis, 'text' | 'date' | 'source'>>, refDate?: string): Reference | undefined {
  if (refDate !== undefined) {
    const date = parseIsoDay(refDate);
    if (!date || !/^\d{4}-\d{2}-\d{2}/.test(refDate.trim())) throw new ExtraitError('E_DATE', `reference date "${refDate}" is not a date YYYY-MM-DD`);
    return { date, source: 'option' };
  }
  const meta = parseIsoDay(analysis.date);
  if (meta) return { date: meta, source: 'metadata' };
  const dateline = datelineDate(analysis.text);
  if (dateline) return { date: dateline, source: 'dateline' };
  const named = fileNameDate(analysis.source);
  if (named) return { date: named, source: 'filename' };
  return undefined;
}
