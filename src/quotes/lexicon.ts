import { ExtraitError } from '../core/errors.js';
import { lexiconPath } from '../core/paths.js';
import { IndexedLines } from '../core/line-index.js';
import type { FormKind } from './conjugate.js';

export type VerbClass = 'say' | 'weak' | 'qualify';

/** One reading of an inflected form as a reporting verb. */
export interface ReportingReading {
  lemma: string;
  verbClass: VerbClass;
  /** Reflexive use: required (s'exclamer), optional (se féliciter), never. */
  reflexive: 'only' | 'optional' | 'never';
  kind: FormKind;
  person?: number;
  plural?: boolean;
  /** Words that must follow the form for a multiword verb (faire → valoir). */
  tail: string[];
}

export type Gender = 'm' | 'f';

export interface RoleEntry {
  /** The role's words, masculine, lower case: "avocat général". */
  key: string;
  words: string[];
  gender?: Gender;
  group: string;
}

export type NonSpeechCue = 'naming' | 'naming-de' | 'work' | 'slogan' | 'distance' | 'status';

export interface CueEntry {
  cue: NonSpeechCue;
  words: string[];
  why: 'title' | 'term' | 'scare' | 'slogan';
}

export interface WordInfo {
  classes: Set<string>;
  /** Gender/number or other detail from the third column (m, f, mp, fp, p, 1, any, indef). */
  detail: string;
}

export interface Phrase {
  words: string[];
  cls: string;
  detail: string;
}

/** The tables of the lexicon as the readable lists give them (built by src/quotes/compile.ts). */
export interface QuotesTables {
  verbs: Map<string, ReportingReading[]>;
  reportingLemmas: Set<string>;
  modals: Map<string, string>;
  positiveModals: Set<string>;
  negations: Set<string>;
  sourceVerbs: Map<string, string>;
  auxiliaries: Map<string, 'avoir' | 'être'>;
  /** Roles by their first word. */
  roles: Map<string, RoleEntry[]>;
  sourceNouns: Set<string>;
  /** Cues by their first word. */
  cues: Map<string, CueEntry[]>;
  words: Map<string, WordInfo>;
  /** Multiword entries of words.tsv (frames, "ce dernier") by their first word. */
  phrases: Map<string, Phrase[]>;
  firstNames: Map<string, Gender | 'mf'>;
}

/** Read-only lookups into one table (the same value objects on every call). */
export interface Lookup<V> {
  get(key: string): V | undefined;
  has(key: string): boolean;
}

/** The lexicon as the extractor reads it: the tables of QuotesTables, looked up word by word. */
export type QuotesLexicon = {
  [T in keyof QuotesTables]: QuotesTables[T] extends Map<string, infer V> ? Lookup<V> : Pick<Lookup<true>, 'has'>;
};

/** Lower case, typographic apostrophe made straight: the key every lexicon lookup uses. */
export function norm(word: string): string {
  const lower = word.toLowerCase();
  // most words hold no apostrophe: no replace to run
  return lower.includes('’') || lower.includes('ʼ') ? lower.replace(/[’ʼ]/g, "'") : lower;
}

/** Words of a lexicon entry as the tokenizer cuts them: "représentant de l'état" → représentant, de, l', état. */
export function splitWords(text: string): string[] {
  return norm(text).replace(/'/g, "' ").split(/\s+/).filter(Boolean);
}

/** Where the compiled lexicon lives, under lexicons/ (with its index beside, `.idx`). */
export const QUOTES_LEXICON_FILE = ['quotes', 'generated', 'lexicon.tsv'] as const;

const MAX_MISSING = 50_000;

let cached: QuotesLexicon | undefined;

/** The quotation lexicons, read on first use from their compiled file (nothing parsed at load). */
export function quotesLexicon(): QuotesLexicon {
  return (cached ??= load());
}

function load(): QuotesLexicon {
  let lines: IndexedLines;
  try {
    lines = IndexedLines.read(lexiconPath(...QUOTES_LEXICON_FILE));
  } catch (error) {
    throw new ExtraitError('E_LEXICON', `quotes lexicon: ${(error as Error).message}`, { cause: error });
  }
  // a word's line is parsed the first time the word is looked up and kept (the lexicon bounds them);
  // words it lacks are remembered too, up to a bound, for texts ask about the same words many times
  const entries = new Map<string, Entry>();
  const missing = new Set<string>();
  const entry = (key: string): Entry | undefined => {
    const known = entries.get(key);
    if (known || missing.has(key)) return known;
    const line = lines.get(key);
    if (line === undefined) {
      if (missing.size >= MAX_MISSING) missing.clear();
      missing.add(key);
      return undefined;
    }
    const parsed = parseEntry(line);
    entries.set(key, parsed);
    return parsed;
  };
  const lookup = <T extends keyof Entry>(table: T): Lookup<NonNullable<Entry[T]>> => ({
    get: (key) => entry(key)?.[table] as NonNullable<Entry[T]> | undefined,
    has: (key) => entry(key)?.[table] !== undefined,
  });
  return {
    verbs: lookup('verbs'),
    reportingLemmas: lookup('reportingLemmas'),
    modals: lookup('modals'),
    positiveModals: lookup('positiveModals'),
    negations: lookup('negations'),
    sourceVerbs: lookup('sourceVerbs'),
    auxiliaries: lookup('auxiliaries'),
    roles: lookup('roles'),
    sourceNouns: lookup('sourceNouns'),
    cues: lookup('cues'),
    words: lookup('words'),
    phrases: lookup('phrases'),
    firstNames: lookup('firstNames'),
  };
}

/** What one word is in each table (absent: not a key of that table). */
type Entry = { [T in keyof QuotesTables]?: QuotesTables[T] extends Map<string, infer V> ? V : true };

/** Parses `table=value…` fields (written by src/quotes/compile.ts). */
function parseEntry(line: string): Entry {
  const entry: Entry = {};
  for (const field of line.split('\t')) {
    const at = field.indexOf('=');
    const table = field.slice(0, at) as keyof QuotesTables;
    const value = field.slice(at + 1);
    switch (table) {
      case 'verbs':
        entry.verbs = entries(value, ([lemma, verbClass, reflexive, kind, person, plural, tail]) => ({
          lemma: lemma!,
          verbClass: verbClass as VerbClass,
          reflexive: reflexive as ReportingReading['reflexive'],
          kind: kind as FormKind,
          person: person ? Number(person) : undefined,
          plural: plural ? plural === '1' : undefined,
          tail: words(tail!),
        }));
        break;
      case 'roles':
        entry.roles = entries(value, ([key, ws, gender, group]) => ({ key: key!, words: words(ws!), ...(gender && { gender: gender as Gender }), group: group! }));
        break;
      case 'cues':
        entry.cues = entries(value, ([cue, ws, why]) => ({ cue: cue as NonSpeechCue, words: words(ws!), why: why as CueEntry['why'] }));
        break;
      case 'words': {
        const bar = value.indexOf('|');
        entry.words = { classes: new Set(value.slice(0, bar).split(',')), detail: value.slice(bar + 1) };
        break;
      }
      case 'phrases':
        entry.phrases = entries(value, ([ws, cls, detail]) => ({ words: words(ws!), cls: cls!, detail: detail! }));
        break;
      case 'modals':
      case 'sourceVerbs':
        entry[table] = value;
        break;
      case 'auxiliaries':
        entry.auxiliaries = value as 'avoir' | 'être';
        break;
      case 'firstNames':
        entry.firstNames = value as Gender | 'mf';
        break;
      default:
        entry[table] = true;
    }
  }
  return entry;
}

/** The entries of a value (`;` between entries, `|` between their fields). */
function entries<T>(value: string, parse: (cells: string[]) => T): T[] {
  return value.split(';').map((e) => parse(e.split('|')));
}

/** Words written space-separated (none when empty). */
function words(s: string): string[] {
  return s ? s.split(' ') : [];
}
