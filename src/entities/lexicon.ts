import { readListRows } from '../core/lexicon-file.js';
import type { Token } from '../core/types.js';
import { tokenize } from '../tokenize/index.js';
import type { EntityType } from './types.js';

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

interface TrieNode {
  next: Map<string, TrieNode>;
  entry?: GazetteerEntry;
}

/** A phrase of lower-case words (roles, titles) indexed by its first word. */
export interface Phrase {
  words: string[];
  gender?: Gender;
}

export interface EntitiesLexicon {
  gazetteer: TrieNode;
  /** Acronym → its long names, from the gazetteer. */
  longNames: Map<string, string[]>;
  firstNames: Map<string, Gender | 'mf'>;
  titles: Map<string, Gender | undefined>;
  roles: Map<string, Phrase[]>;
  /** Every form of the demonyms (Français, Française, Françaises, Américains…). */
  demonyms: Set<string>;
  /** Lower-case heads that belong to a name (rue, ministère, loi…) → the name's type. */
  heads: Map<string, EntityType>;
  /** Capitalised words that are no entity alone (État, Bourse). */
  notEntities: Set<string>;
  /** One-word gazetteer names that are also common words (Orange, Horizons). */
  commonWordNames: Set<string>;
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

let cached: EntitiesLexicon | undefined;

/** The entity lexicons, read on first use. */
export function entitiesLexicon(): EntitiesLexicon {
  return (cached ??= build());
}

function build(): EntitiesLexicon {
  const gazetteer: TrieNode = { next: new Map() };
  const longNames = new Map<string, string[]>();
  const add = (entry: GazetteerEntry) => {
    insert(gazetteer, entry);
    if (entry.longName) {
      longNames.set(entry.name, [...(longNames.get(entry.name) ?? []), entry.longName]);
      // The long name of an acronym is a name of the list too (Agence internationale de l'énergie atomique).
      insert(gazetteer, { name: entry.longName, type: entry.type, kind: entry.kind, source: entry.source });
    }
  };
  for (const [name, type, longName] of readListRows('entities', 'organisations.tsv')) {
    add({ name: name!, type: type as EntityType, kind: 'org', source: 'organisations', ...(longName && { longName }) });
  }
  for (const [name, type, longName] of readListRows('entities', 'events.tsv')) {
    add({ name: name!, type: type as EntityType, kind: 'misc', source: 'events', ...(longName && { longName }) });
  }
  for (const [name, type, kind] of readListRows('entities', 'places.tsv')) add({ name: name!, type: type as EntityType, kind: kind!, source: 'places' });
  for (const [name, type, kind, source] of readListRows('entities', 'generated', 'places.tsv')) {
    add({ name: name!, type: type as EntityType, kind: kind!, source: source! });
  }
  const firstNames = new Map<string, Gender | 'mf'>();
  for (const [name, gender] of readListRows('entities', 'generated', 'first-names.tsv')) firstNames.set(name!, gender as Gender | 'mf');
  for (const [name, gender] of readListRows('entities', 'first-names.tsv')) firstNames.set(name!, gender as Gender | 'mf');
  const titles = new Map<string, Gender | undefined>();
  for (const [title, gender] of readListRows('entities', 'titles.tsv')) titles.set(title!, gender === '-' ? undefined : (gender as Gender));
  const roles = new Map<string, Phrase[]>();
  for (const [role, gender] of readListRows('entities', 'roles.tsv')) {
    const words = tokenize(role!).map((t) => lower(t.text));
    const phrase: Phrase = { words, ...(gender !== '-' && { gender: gender as Gender }) };
    roles.set(words[0]!, [...(roles.get(words[0]!) ?? []), phrase]);
  }
  for (const list of roles.values()) list.sort((a, b) => b.words.length - a.words.length);
  const demonyms = new Set<string>();
  for (const [base] of readListRows('entities', 'demonyms.tsv')) for (const form of demonymForms(base!)) demonyms.add(form);
  const heads = new Map(readListRows('entities', 'heads.tsv').map(([h, t]) => [h!, t as EntityType]));
  const notEntities = new Set(readListRows('entities', 'not-entities.tsv').map((r) => r[0]!));
  const commonWordNames = new Set(readListRows('entities', 'generated', 'common-word-names.tsv').map((r) => r[0]!));
  const cues = new Map(readListRows('entities', 'cues.tsv').map(([c, t]) => [c!, t as EntityType]));
  const genericAcronyms = new Set(readListRows('entities', 'generic-acronyms.tsv').map((r) => r[0]!));
  const roleEnds = new Set([...roles.values()].flat().map((p) => p.words[p.words.length - 1]!));
  return { gazetteer, longNames, firstNames, titles, roles, demonyms, heads, notEntities, commonWordNames, cues, genericAcronyms, roleEnds };
}


/** A name that the tokenizer keeps whole: letters and digits, inner hyphens (Saint-Junien). */
const ONE_TOKEN = /^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*$/u;

/** The words of a name as the tokenizer cuts them, apostrophes folded. */
export function nameKeys(name: string): string[] {
  return ONE_TOKEN.test(name) ? [name] : tokenize(name).map((t) => fold(t.text));
}

function insert(root: TrieNode, entry: GazetteerEntry): void {
  let node = root;
  for (const key of nameKeys(entry.name)) {
    let child = node.next.get(key);
    if (!child) node.next.set(key, (child = { next: new Map() }));
    node = child;
  }
  // First entry wins: the hand-written lists are read before the generated ones.
  node.entry ??= entry;
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
export function matchGazetteer(tokens: readonly Token[], from: number, to: number, root = entitiesLexicon().gazetteer): GazetteerMatch[] {
  const longestAt = (i: number): GazetteerMatch | undefined => {
    let node: TrieNode | undefined = root;
    let best: GazetteerMatch | undefined;
    for (let j = i; j < to && node; j++) {
      node = node.next.get(fold(tokens[j]!.text));
      if (node?.entry) best = { start: i, end: j + 1, entry: node.entry };
    }
    return best;
  };
  const matches: GazetteerMatch[] = [];
  let i = from;
  while (i < to) {
    const best = longestAt(i);
    // A name that starts inside this one and ends beyond it wins: "La Palme d'or" is the award, not the commune La Palme.
    let overtaken = false;
    for (let j = i + 1; best && j < best.end && !overtaken; j++) overtaken = (longestAt(j)?.end ?? 0) > best.end;
    if (best && !overtaken) {
      matches.push(best);
      i = best.end;
    } else i++;
  }
  return matches;
}

/** A trie of user names (`--lexicon`), built per call: user lexicons are small. */
export function buildTrie(entries: readonly GazetteerEntry[]): TrieNode {
  const root: TrieNode = { next: new Map() };
  for (const entry of entries) insert(root, entry);
  return root;
}

export type { TrieNode };

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

/** Lower-case, apostrophe-folded form of tokens[i], computed once per token array. */
export function lowerOf(tokens: readonly Token[], i: number): string {
  let list = lowerCache.get(tokens);
  if (!list) {
    list = tokens.map((t) => lower(t.text));
    lowerCache.set(tokens, list);
  }
  return list[i]!;
}
