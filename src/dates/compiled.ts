import { readFileSync } from 'node:fs';
import { ExtraitError } from '../core/errors.js';
import { lexiconPath } from '../core/paths.js';
import { CLASSES } from './classes.js';
import type { DatesLexicon } from './lexicon.js';
import type { Element, Pattern } from './pattern.js';
import type { Rule, RuleSet } from './rules.js';

/** Where the compiled word lists and rules live, under lexicons/. */
export const DATES_COMPILED_FILE = ['dates', 'generated', 'compiled.json'] as const;

/**
 * The JSON form: maps as [key, value] lists, sets as lists; a rule as [name, action, params,
 * before, body, notAfter] with elements [atoms, slot, optional] and atoms as strings (a class name
 * is upper case, a word never is: words are lower-cased).
 */
export interface CompiledJson {
  generated: string;
  lexicon: { [K in keyof DatesLexicon]: DatesLexicon[K] extends Map<infer K2, infer V> ? [K2, V][] : DatesLexicon[K] extends Set<infer V> ? V[] : DatesLexicon[K] };
  rules: JsonRule[];
  /** Rules (indexes into `rules`) by the words and classes they start with. */
  byWord: [string, number[]][];
  byClass: [string, number[]][];
}

export type JsonElement = [atoms: string[], slot: string | null, optional: 0 | 1];
export type JsonRule = [name: string, action: string, params: Record<string, string>, before: JsonElement[], body: JsonElement[], notAfter: JsonElement | null];

/** A class atom's name starts with an upper-case letter; a word is lower case. */
export const isClassName = (atom: string): boolean => atom.charCodeAt(0) >= 65 && atom.charCodeAt(0) <= 90;

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
  const rules = json.rules.map(toRule);
  const index = (entries: [string, number[]][]) => new Map(entries.map(([key, list]) => [key, list.map((k) => rules[k]!)]));
  const byClass = index(json.byClass);
  cached = { lexicon, rules: { rules, byWord: index(json.byWord), byClass, startClasses: [...byClass.keys()] } };
  return cached;
}

function toRule([name, action, params, before, body, notAfter]: JsonRule, order: number): Rule {
  const pattern: Pattern = { before: before.map(toElement), body: body.map(toElement), ...(notAfter && { notAfter: toElement(notAfter) }) };
  return { name, pattern, action, params, order };
}

function toElement([atoms, slot, optional]: JsonElement): Element {
  return {
    atoms: atoms.map((a) => (isClassName(a) ? { kind: 'class', name: a, match: CLASSES[a]! } : { kind: 'word', word: a })),
    optional: optional === 1,
    ...(slot !== null && { slot }),
  };
}
