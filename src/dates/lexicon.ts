import { readList, readListRows } from '../core/lexicon-file.js';
import { ExtraitError } from '../core/errors.js';
import { compiledDates } from './compiled.js';

/** A holiday: its words (as written) and how its date follows from the year. */
export interface Holiday {
  words: string[];
  month?: number;
  day?: number;
  easterOffset?: number;
}

/** The word lists of lexicons/dates, read once on first use. */
export interface DatesLexicon {
  months: Map<string, number>;
  weekdays: Map<string, { day: number; plural: boolean }>;
  numbers: Map<string, number>;
  approxNumbers: Map<string, number>;
  ordinals: Map<string, number>;
  units: Map<string, { unit: string; count: number }>;
  partsOfDay: Map<string, string>;
  seasons: Map<string, string>;
  relative: Map<string, number>;
  partModifiers: Map<string, string>;
  /** Multi-word phrases, words lower-cased with ’ read as '. */
  quantityModifiers: { words: string[]; mod: string }[];
  prepositions: { words: string[]; mod?: string; direction?: 'past' | 'future' }[];
  holidays: Holiday[];
  tense: Map<string, string>;
  ageNouns: Set<string>;
  notAfterYear: Set<string>;
  yearContext: Set<string>;
}

let cached: DatesLexicon | undefined;

/** Lower case, typographic apostrophe read as straight: the form every matcher compares. */
export function normalizeWord(s: string): string {
  const lower = s.toLowerCase();
  // most words hold no apostrophe: no replace to run
  return lower.includes('’') ? lower.replace(/’/g, "'") : lower;
}

function numberMap(file: string): Map<string, number> {
  const map = new Map<string, number>();
  for (const row of readListRows('dates', file)) {
    const value = Number(row[1]);
    if (row.length < 2 || !Number.isFinite(value)) throw new ExtraitError('E_LEXICON', `lexicons/dates/${file}: bad row "${row.join('\t')}"`);
    map.set(normalizeWord(row[0]!), value);
  }
  return map;
}

function stringMap(file: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const row of readListRows('dates', file)) {
    if (row.length < 2) throw new ExtraitError('E_LEXICON', `lexicons/dates/${file}: bad row "${row.join('\t')}"`);
    map.set(normalizeWord(row[0]!), row[1]!);
  }
  return map;
}

const words = (phrase: string): string[] => normalizeWord(phrase).split(/\s+/).filter(Boolean);

function parseHoliday(row: string[]): Holiday {
  const [name, rule] = row;
  const fixed = /^(\d{2})-(\d{2})$/.exec(rule ?? '');
  const movable = /^easter([+-]\d+)$/.exec(rule ?? '');
  if (!name || (!fixed && !movable)) throw new ExtraitError('E_LEXICON', `lexicons/dates/holidays.tsv: bad row "${row.join('\t')}"`);
  const written = name.replace(/’/g, "'").split(/\s+/);
  return fixed ? { words: written, month: Number(fixed[1]), day: Number(fixed[2]) } : { words: written, easterOffset: Number(movable![1]) };
}

/** The word lists of lexicons/dates, read from their compiled file on first use (src/dates/compile.ts). */
export function datesLexicon(): DatesLexicon {
  return (cached ??= compiledDates().lexicon);
}

/** The word lists as the readable files of lexicons/dates give them (what the compiled file holds). */
export function readDatesLexicon(): DatesLexicon {
  const weekdays = new Map<string, { day: number; plural: boolean }>();
  for (const [form, day, number] of readListRows('dates', 'weekdays.tsv')) {
    weekdays.set(normalizeWord(form!), { day: Number(day), plural: number === 'plural' });
  }
  const units = new Map<string, { unit: string; count: number }>();
  for (const [form, unit, count] of readListRows('dates', 'units.tsv')) {
    units.set(normalizeWord(form!), { unit: unit!, count: Number(count ?? 1) });
  }
  return {
    months: numberMap('months.tsv'),
    weekdays,
    numbers: numberMap('numbers.tsv'),
    approxNumbers: numberMap('approx-numbers.tsv'),
    ordinals: numberMap('ordinals.tsv'),
    units,
    partsOfDay: stringMap('parts-of-day.tsv'),
    seasons: stringMap('seasons.tsv'),
    relative: numberMap('relative.tsv'),
    partModifiers: stringMap('part-modifiers.tsv'),
    quantityModifiers: readListRows('dates', 'quantity-modifiers.tsv').map(([phrase, mod]) => ({ words: words(phrase!), mod: mod! })),
    prepositions: readListRows('dates', 'prepositions.tsv').map(([phrase, mod, direction]) => ({
      words: words(phrase!),
      ...(mod && mod !== '-' && { mod }),
      ...((direction === 'past' || direction === 'future') && { direction }),
    })),
    holidays: readListRows('dates', 'holidays.tsv').map(parseHoliday),
    tense: stringMap('tense.tsv'),
    ageNouns: new Set(readList('dates', 'age-nouns.txt').map(normalizeWord)),
    notAfterYear: new Set(readList('dates', 'not-after-year.txt').map(normalizeWord)),
    yearContext: new Set(readList('dates', 'year-context.txt').map(normalizeWord)),
  };
}
