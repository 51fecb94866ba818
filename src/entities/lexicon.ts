import { readFileSync } from 'node:fs';
import { lexiconPath } from '../core/paths.js';
import type { Token } from '../core/types.js';
import { tokenize } from '../tokenize/index.js';
import type { EntityType } from './types.js';
import { SortedTable, utf8Length } from './sorted-table.js';

export type Gender = 'm' | 'f';

/** One gazetteer name: "Commission européenne" ORG; acronyms carry their long name. */
export interface GazetteerEntry {
  name: string;
  type: EntityType;
  /** country, city, commune, seat, org, event… (the file or its kind column). */
  kind: string;
  longName?: string;
  source: string;
}

/** Finds the longest listed name starting at a token. */
export interface Gazetteer {
  /** The longest name of the list starting at tokens[i] and ending by tokens[to - 1], if any. */
  longestAt(tokens: readonly Token[], i: number, to: number): GazetteerMatch | undefined;
}

/** A phrase of lower-case words (roles, titles) indexed by its first word. */
export interface Phrase {
  words: string[];
  gender?: Gender;
}

/** A word list looked up like a Map (the big ones are searched in place). */
export interface Lookup<V> {
  get(key: string): V | undefined;
  has(key: string): boolean;
}

export interface EntitiesLexicon {
  /** Organisations, events, places (hand-written and generated), from generated/gazetteer.tsv. */
  gazetteer: TableGazetteer;
  /** Acronym → its long names, from the gazetteer. */
  longNames: Lookup<string[]>;
  firstNames: FirstNames;
  titles: Map<string, Gender | undefined>;
  roles: Map<string, Phrase[]>;
  /** Every form of the demonyms (Français, Française, Françaises, Américains…). */
  demonyms: Set<string>;
  /** Lower-case heads that belong to a name (rue, ministère, loi…) → the name's type. */
  heads: Map<string, EntityType>;
  /** Capitalised words that are no entity alone (État, Bourse). */
  notEntities: Set<string>;
  /** One-word gazetteer names that are also common words (Orange, Horizons). */
  commonWordNames: Lookup<string>;
  /** Descriptive nouns before a name that tell its type (l'usine Arvel → ORG). */
  cues: Map<string, EntityType>;
  /** Acronyms that are common nouns (ONG, PDG). */
  genericAcronyms: Set<string>;
  /** Last words of the role phrases (secrétaire d'État → état), to see a role right before a name. */
  roleEnds: Set<string>;
}

/** Apostrophes folded to ' : the form gazetteer keys and word lists use. */
export function fold(word: string): string {
  return word.indexOf('’') < 0 && word.indexOf('ʼ') < 0 ? word : word.replace(/[’ʼ]/g, "'");
}

export const lower = (word: string): string => fold(word).toLowerCase();

/**
 * The small hand-written lists as `npm run build:entities` writes them in generated/lists.json:
 * rows as read (roles tokenized, demonyms with all their forms), ready for Map and Set.
 */
export interface CompiledLists {
  firstNames: [string, Gender | 'mf'][];
  /** Title, gender ('' for none). */
  titles: [string, Gender | ''][];
  /** Role phrases by first word, longest first. */
  roles: [string, Phrase[]][];
  roleEnds: string[];
  demonyms: string[];
  heads: [string, EntityType][];
  notEntities: string[];
  cues: [string, EntityType][];
  genericAcronyms: string[];
}

let cached: EntitiesLexicon | undefined;

/** The entity lexicons, read on first use. */
export function entitiesLexicon(): EntitiesLexicon {
  return (cached ??= build());
}

function build(): EntitiesLexicon {
  // The big lists are compiled tables searched in place (npm run build:entities): no parsing here.
  const gazetteer = new TableGazetteer(SortedTable.read(lexiconPath('entities', 'generated', 'gazetteer.tsv')));
  const longNameTable = SortedTable.read(lexiconPath('entities', 'generated', 'long-names.tsv'));
  const longNames: Lookup<string[]> = {
    get: (name) => longNameTable.get(name)?.split('\t'),
    has: (name) => longNameTable.has(name),
  };
  const lists = JSON.parse(readFileSync(lexiconPath('entities', 'generated', 'lists.json'), 'utf8')) as CompiledLists;
  const firstNames = new FirstNames(SortedTable.read(lexiconPath('entities', 'generated', 'first-names.tsv')), new Map(lists.firstNames));
  const titles = new Map(lists.titles.map(([title, gender]): [string, Gender | undefined] => [title, gender || undefined]));
  const roles = new Map(lists.roles);
  const demonyms = new Set(lists.demonyms);
  const heads = new Map(lists.heads);
  const notEntities = new Set(lists.notEntities);
  const commonWordTable = SortedTable.read(lexiconPath('entities', 'generated', 'common-word-names.tsv'));
  const commonWordNames: Lookup<string> = { get: (name) => commonWordTable.get(name), has: (name) => commonWordTable.has(name) };
  const cues = new Map(lists.cues);
  const genericAcronyms = new Set(lists.genericAcronyms);
  const roleEnds = new Set(lists.roleEnds);
  return { gazetteer, longNames, firstNames, titles, roles, demonyms, heads, notEntities, commonWordNames, cues, genericAcronyms, roleEnds };
}


/** A name that the tokenizer keeps whole: letters and digits, inner hyphens (Saint-Junien). */
const ONE_TOKEN = /^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*$/u;

/** The words of a name as the tokenizer cuts them, apostrophes folded. */
export function nameKeys(name: string): string[] {
  return ONE_TOKEN.test(name) ? [name] : tokenize(name).map((t) => fold(t.text));
}

/** Français → Français, Française, Françaises; Américain → Américaine(s), Américains. */
export function demonymForms(base: string): string[] {
  const forms = new Set([base]);
  let feminine = base;
  if (/e$/.test(base)) feminine = base;
  else if (/ien$/.test(base)) feminine = base + 'ne';
  else if (/[sc]$/.test(base) && /ais$|ois$/.test(base)) feminine = base + 'e';
  else if (/c$/.test(base)) feminine = base.replace(/c$/, 'que');
  else feminine = base + 'e';
  forms.add(feminine);
  forms.add(/[sxz]$/.test(base) ? base : base + 's');
  forms.add(feminine + 's');
  return [...forms];
}

/** Longest gazetteer match starting at each token: the entry and its length in tokens. */
export interface GazetteerMatch {
  start: number;
  end: number;
  entry: GazetteerEntry;
}

/**
 * Gazetteer matches over tokens[from, to), longest first, left to right, case-sensitive
 * (a capital is what makes "Orange" a company rather than a colour).
 */
export function matchGazetteer(tokens: readonly Token[], from: number, to: number, gazetteer: Gazetteer = entitiesLexicon().gazetteer): GazetteerMatch[] {
  const matches: GazetteerMatch[] = [];
  let i = from;
  while (i < to) {
    const best = gazetteer.longestAt(tokens, i, to);
    // A name that starts inside this one and ends beyond it wins: "La Palme d'or" is the award, not the commune La Palme.
    let overtaken = false;
    for (let j = i + 1; best && j < best.end && !overtaken; j++) overtaken = (gazetteer.longestAt(tokens, j, to)?.end ?? 0) > best.end;
    if (best && !overtaken) {
      matches.push(best);
      i = best.end;
    } else i++;
  }
  return matches;
}

/**
 * The gazetteer compiled by `npm run build:entities`, searched in place: keys are the words of
 * the names joined by spaces, so the longest name at a token narrows the table word by word.
 */
export class TableGazetteer implements Gazetteer {
  /** Entries made so far, by line. */
  private readonly entries = new Map<number, GazetteerEntry>();
  /** The lines each word form opens (see firstWord). */
  private readonly firstWords = new Map<string, number>();

  constructor(private readonly table: SortedTable) {}

  longestAt(tokens: readonly Token[], i: number, to: number): GazetteerMatch | undefined {
    let best: GazetteerMatch | undefined;
    let lo = 0;
    let hi = this.table.size;
    let at = 0;
    for (let j = i; j < to; j++) {
      const word = fold(tokens[j]!.text);
      if (j === i) {
        const range = this.firstWord(word);
        if (range < 0) return undefined;
        lo = Math.floor(range / RANGE);
        hi = range % RANGE;
      } else {
        const lines = this.table.narrow(lo, hi, at, word);
        if (lines[0] >= lines[1]) break;
        lo = lines[0];
        hi = lines[1];
      }
      const length = utf8Length(word);
      if (this.table.keyEndsAt(lo, at + length)) best = { start: i, end: j + 1, entry: this.entryAt(lo) };
      at += length + 1;
    }
    return best;
  }

  /** The entry whose name is this one word, as written (`fold` aside: no apostrophe is folded). */
  entryOfWord(word: string): GazetteerEntry | undefined {
    if (fold(word) !== word) return undefined;
    const range = this.firstWord(word);
    if (range < 0) return undefined;
    const lo = Math.floor(range / RANGE);
    return this.table.keyEndsAt(lo, utf8Length(word)) ? this.entryAt(lo) : undefined;
  }

  /** The lines whose key opens with `word`, packed as start * RANGE + end, or -1; remembered per word. */
  private firstWord(word: string): number {
    let range = this.firstWords.get(word);
    if (range === undefined) {
      const lines = this.table.mayOpen(word) ? this.table.narrow(0, this.table.size, 0, word) : undefined;
      range = lines && lines[0] < lines[1] ? lines[0] * RANGE + lines[1] : -1;
      if (this.firstWords.size >= WORD_CACHE_SIZE) this.firstWords.clear();
      this.firstWords.set(word, range);
    }
    return range;
  }

  clearCache(): void {
    this.firstWords.clear();
  }

  private entryAt(line: number): GazetteerEntry {
    let entry = this.entries.get(line);
    if (!entry) {
      const [key, name, type, kind, source, longName] = this.table.columns(line);
      entry = { name: name || key!, type: type as EntityType, kind: kind!, source: source!, ...(longName && { longName }) };
      this.entries.set(line, entry);
    }
    return entry;
  }
}

/** Packs a line range [start, end) of a table into one number (tables stay under 16 million lines). */
const RANGE = 0x1000000;
/** Caches of lookups by word form, cleared past WORD_CACHE_SIZE forms (news vocabulary repeats). */
const WORD_CACHE_SIZE = 200_000;

/** Forgets the lookups cached per word form (benchmarks start cold with them). */
export function clearLexiconCaches(): void {
  cached?.gazetteer.clearCache();
  cached?.firstNames.clearCache();
}

/** First names: the hand-written list, then the generated one searched in place. */
export class FirstNames implements Lookup<Gender | 'mf'> {
  /** Lookups so far, '' for no first name. */
  private readonly known = new Map<string, Gender | 'mf' | ''>();

  constructor(
    private readonly table: SortedTable,
    private readonly hand: Map<string, Gender | 'mf'>,
  ) {}

  get(name: string): Gender | 'mf' | undefined {
    let gender = this.known.get(name);
    if (gender === undefined) {
      gender = this.hand.get(name) ?? (this.table.get(name) as Gender | 'mf' | undefined) ?? '';
      if (this.known.size >= WORD_CACHE_SIZE) this.known.clear();
      this.known.set(name, gender);
    }
    return gender || undefined;
  }

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  clearCache(): void {
    this.known.clear();
  }
}

interface TrieNode {
  next: Map<string, TrieNode>;
  entry?: GazetteerEntry;
}

/** A trie of user names (`--lexicon`), built per call: user lexicons are small. */
class TrieGazetteer implements Gazetteer {
  private readonly root: TrieNode = { next: new Map() };

  constructor(entries: readonly GazetteerEntry[]) {
    for (const entry of entries) {
      let node = this.root;
      for (const key of nameKeys(entry.name)) {
        let child = node.next.get(key);
        if (!child) node.next.set(key, (child = { next: new Map() }));
        node = child;
      }
      // First entry wins.
      node.entry ??= entry;
    }
  }

  longestAt(tokens: readonly Token[], i: number, to: number): GazetteerMatch | undefined {
    let node: TrieNode | undefined = this.root;
    let best: GazetteerMatch | undefined;
    for (let j = i; j < to && node; j++) {
      node = node.next.get(fold(tokens[j]!.text));
      if (node?.entry) best = { start: i, end: j + 1, entry: node.entry };
    }
    return best;
  }
}

/** A gazetteer of user names (`--lexicon`). */
export function buildTrie(entries: readonly GazetteerEntry[]): Gazetteer {
  return new TrieGazetteer(entries);
}

const documentCache = new WeakMap<readonly Token[], Map<number, GazetteerMatch>>();

/**
 * The gazetteer matches of a whole document (sentence by sentence), by start token, computed once
 * per token array: the labeller's features and several rules ask for them.
 */
export function documentMatches(tokens: readonly Token[], sentences: readonly { tokenStart: number; tokenEnd: number }[]): Map<number, GazetteerMatch> {
  let byStart = documentCache.get(tokens);
  if (!byStart) {
    byStart = new Map();
    for (const s of sentences) for (const m of matchGazetteer(tokens, s.tokenStart, s.tokenEnd)) byStart.set(m.start, m);
    documentCache.set(tokens, byStart);
  }
  return byStart;
}

/** The document match that spans exactly tokens [start, end), if any. */
export function exactMatch(byStart: Map<number, GazetteerMatch>, start: number, end: number): GazetteerMatch | undefined {
  const m = byStart.get(start);
  return m && m.end === end ? m : undefined;
}

const lowerCache = new WeakMap<readonly Token[], string[]>();
/** The token array asked about last and its lower-case forms: the rules ask about one document at a time. */
let lastTokens: readonly Token[] | undefined;
let lastLowers: string[] = [];

/** Lower-case, apostrophe-folded form of tokens[i], computed once per token array. */
export function lowerOf(tokens: readonly Token[], i: number): string {
  if (tokens !== lastTokens) {
    let list = lowerCache.get(tokens);
    if (!list) {
      list = tokens.map((t) => lower(t.text));
      lowerCache.set(tokens, list);
    }
    lastTokens = tokens;
    lastLowers = list;
  }
  return lastLowers[i]!;
}
