import { readFileSync } from 'node:fs';
import { ExtraitError } from '../core/errors.js';
import { lexiconPath } from '../core/paths.js';
import { CLASSES } from './classes.js';
import type { DatesLexicon } from './lexicon.js';
import type { Element, Pattern } from './pattern.js';
import type { Rule, RuleSet } from './rules.js';

/** Where the compiled word lists and rules live, under lexicons/. */
export const DATES_COMPILED_FILE = ['dates', 'generated', 'compiled.json'] as const;

/** The JSON form: maps as [key, value] lists, sets as lists, rules with class atoms by name. */
export interface CompiledJson {
  generated: string;
  lexicon: { [K in keyof DatesLexicon]: DatesLexicon[K] extends Map<infer K2, infer V> ? [K2, V][] : DatesLexicon[K] extends Set<infer V> ? V[] : DatesLexicon[K] };
  rules: (Omit<Rule, 'pattern'> & { pattern: JsonPattern })[];
  /** Rules (indexes into `rules`) by the words and classes they start with. */
  byWord: [string, number[]][];
  byClass: [string, number[]][];
}

type JsonElement = Omit<Element, 'atoms'> & { atoms: ({ kind: 'class'; name: string } | { kind: 'word'; word: string })[] };
export type JsonPattern = { before: JsonElement[]; body: JsonElement[]; notAfter?: JsonElement };

let cached: { lexicon: DatesLexicon; rules: RuleSet } | undefined;

/** The word lists and rules of lexicons/dates, as compiled by src/dates/compile.ts: one file, one JSON.parse. */
export function compiledDates(): { lexicon: DatesLexicon; rules: RuleSet } {
  if (cached) return cached;
  let json: CompiledJson;
  try {
    json = JSON.parse(readFileSync(lexiconPath(...DATES_COMPILED_FILE), 'utf8')) as CompiledJson;
  } catch (error) {
    throw new ExtraitError('E_LEXICON', `lexicons/dates: compiled file unreadable (${(error as Error).message})`, { cause: error });
  }
  const l = json.lexicon;
  const lexicon: DatesLexicon = {
    months: new Map(l.months),
    weekdays: new Map(l.weekdays),
    numbers: new Map(l.numbers),
    approxNumbers: new Map(l.approxNumbers),
    ordinals: new Map(l.ordinals),
    units: new Map(l.units),
    partsOfDay: new Map(l.partsOfDay),
    seasons: new Map(l.seasons),
    relative: new Map(l.relative),
    partModifiers: new Map(l.partModifiers),
    quantityModifiers: l.quantityModifiers,
    prepositions: l.prepositions,
    holidays: l.holidays,
    tense: new Map(l.tense),
    ageNouns: new Set(l.ageNouns),
    notAfterYear: new Set(l.notAfterYear),
    yearContext: new Set(l.yearContext),
  };
  const element = (e: JsonElement): Element => {
    for (const atom of e.atoms) if (atom.kind === 'class') (atom as { match?: unknown }).match = CLASSES[atom.name];
    return e as Element;
  };
  const rules = json.rules.map((r) => {
    const p = r.pattern;
    p.before.forEach(element);
    p.body.forEach(element);
    if (p.notAfter) element(p.notAfter);
    return { ...r, pattern: p as Pattern } as Rule;
  });
  const index = (entries: [string, number[]][]) => new Map(entries.map(([key, list]) => [key, list.map((k) => rules[k]!)]));
  const byClass = index(json.byClass);
  cached = { lexicon, rules: { rules, byWord: index(json.byWord), byClass, startClasses: [...byClass.keys()] } };
  return cached;
}
