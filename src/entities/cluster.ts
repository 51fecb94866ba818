import type { Analysis } from '../core/analysis.js';
import type { Token } from '../core/types.js';
import { entitiesLexicon, fold, lower, type GazetteerEntry, type Gender, lowerOf } from './lexicon.js';
import type { FoundMention } from './recognize.js';
import { findRoles } from './roles.js';
import type { Entity, EntityMention, EntityType } from './types.js';
import { isAcronym } from './shapes.js';
import { isUpper, stripAccents } from './unicode.js';

/** Words that link the parts of a name and never identify it alone (Stade de Reims ⊃ Reims, not "de"). */
const LINK_WORDS = new Set(['de', 'du', 'des', "d'", 'la', 'le', 'les', "l'", 'et', 'en', 'à', 'au', 'aux', 'pour', 'sur', 'von', 'van', 'der', 'den', 'di', 'da', 'del', 'y']);

interface Name {
  text: string;
  type: EntityType;
  words: string[];
  /** First mention index. */
  first: number;
  mentions: number[];
}

/** Initials of a long name the way acronyms are formed: CNRS, RHDP (link words skipped), TFC (Toulouse FC). */
export function initials(words: readonly string[]): string[] {
  const strict: string[] = [];
  const loose: string[] = [];
  for (const w of words) {
    for (const part of w.split(/[-’']/).filter(Boolean)) {
      const l = part.toLowerCase();
      const letters = isAcronym(part) ? part : part[0]!.toUpperCase();
      loose.push(letters);
      if (!LINK_WORDS.has(l) && l.length > 1) strict.push(letters);
      else if (isAcronym(part)) strict.push(letters);
    }
  }
  return [stripAccents(strict.join('')), stripAccents(loose.join(''))];
}

const normalizeAcronym = (text: string): string => stripAccents(text.replace(/[.-]/g, '').toUpperCase());

/** Is the shorter name a part of the longer one, the way the press shortens names? */
function shortens(short: Name, long: Name): boolean {
  if (short.words.length >= long.words.length) return false;
  const s = short.words;
  const l = long.words;
  if (short.type === 'PER') {
    // Trump ⊂ Donald Trump, de Thiennes ⊂ Olivier de Thiennes: the family name ends the full name.
    const tail = l.slice(l.length - s.length);
    return tail.every((w, i) => w === s[i]) && s.some((w) => !LINK_WORDS.has(w.toLowerCase()));
  }
  // Arvel ⊂ Arvel Automobiles, Reims ⊂ Stade de Reims, Union ⊂ Union européenne: a contiguous part
  // holding a capitalised word, at the start or the end of the long name.
  if (!s.some((w) => w.length > 0 && isUpper(w.codePointAt(0)!) && !LINK_WORDS.has(w.toLowerCase()))) return false;
  const atStart = s.every((w, i) => w === l[i]);
  const atEnd = s.every((w, i) => w === l[l.length - s.length + i]);
  return atStart || atEnd;
}

function expands(acronym: Name, long: Name): boolean {
  if (long.words.length < 2) return false;
  const known = entitiesLexicon().longNames.get(acronym.text) ?? [];
  if (known.some((k) => fold(k) === fold(long.text))) return true;
  if (!isAcronym(acronym.text)) return false;
  const key = normalizeAcronym(acronym.text);
  const [strict, loose] = initials(long.words);
  return key === strict || key === loose;
}

class UnionFind {
  private parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    while (this.parent[i] !== i) i = this.parent[i] = this.parent[this.parent[i]!]!;
    return i;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/**
 * Groups mentions into entities: same name; a shortened name (Trump → Donald Trump, Arvel →
 * Arvel Automobiles); an acronym and the long name the article gives (CNRS → Centre national de
 * la recherche scientifique); the user's canonical names. A short name that fits several long
 * ones joins the one mentioned last before it. Canonical = the fullest name of the group.
 */
export function clusterMentions(
  analysis: Pick<Analysis, 'text' | 'tokens' | 'sentences'>,
  found: readonly FoundMention[],
  lexicon: readonly GazetteerEntry[] = [],
): { mentions: EntityMention[]; entities: Entity[] } {
  const { text, tokens } = analysis;
  const spans = found.map((f) => {
    const start = tokens[f.start]!.start;
    const end = tokens[f.end - 1]!.end;
    return { start, end, text: text.slice(start, end), type: f.type, rule: f.rule, tokenStart: f.start, tokenEnd: f.end };
  });
  // Distinct names per type.
  const names: Name[] = [];
  const byKey = new Map<string, number>();
  const nameOf: number[] = [];
  spans.forEach((s, i) => {
    const key = `${s.type}\u0000${fold(s.text)}`;
    let n = byKey.get(key);
    if (n === undefined) {
      n = names.length;
      byKey.set(key, n);
      names.push({ text: s.text, type: s.type, words: tokens.slice(s.tokenStart, s.tokenEnd).map((t) => fold(t.text)), first: i, mentions: [] });
    }
    names[n]!.mentions.push(i);
    nameOf.push(n);
  });

  const groups = new UnionFind(names.length);
  const userCanonical = new Map<string, string>();
  for (const e of lexicon) if (e.longName) userCanonical.set(`${e.type}\u0000${fold(e.name)}`, e.longName);
  // Names the user gave the same canonical name to.
  const byCanonical = new Map<string, number>();
  names.forEach((n, i) => {
    const canonical = userCanonical.get(`${n.type}\u0000${fold(n.text)}`);
    if (!canonical) return;
    const key = `${n.type}\u0000${fold(canonical)}`;
    const other = byCanonical.get(key) ?? byKey.get(key);
    if (other !== undefined) groups.union(other, i);
    byCanonical.set(key, other ?? i);
  });
  // "Long name (Short)": the bracketed name is the same referent (Institut national … (Insee)).
  spans.forEach((s, i) => {
    const prev = spans[i - 1];
    if (prev && prev.type === s.type && (s.type === 'ORG' || s.type === 'MISC') && tokens[prev.tokenEnd]?.text === '(' && s.tokenStart === prev.tokenEnd + 1 && tokens[s.tokenEnd]?.text === ')') {
      groups.union(nameOf[i - 1]!, nameOf[i]!);
    }
  });
  // Shortened names and acronyms, candidates found through a shared word.
  // Link words (de, la) are left out of the index: a shortened name always keeps a content word.
  const byWord = new Map<string, number[]>();
  const byInitials = new Map<string, number[]>();
  const push = (map: Map<string, number[]>, key: string, i: number) => {
    const list = map.get(key);
    if (list) list.push(i);
    else map.set(key, [i]);
  };
  names.forEach((n, i) => {
    for (const w of new Set(n.words)) if (!LINK_WORDS.has(w.toLowerCase())) push(byWord, w, i);
    if (n.words.length > 1) for (const key of new Set(initials(n.words))) push(byInitials, key, i);
  });
  names.forEach((short, i) => {
    const candidates = new Set<number>();
    // Every word of a shortened name is in the long one: its rarest word finds all the candidates.
    let rarest: number[] | undefined;
    for (const w of short.words) {
      if (LINK_WORDS.has(w.toLowerCase())) continue;
      const list = byWord.get(w) ?? [];
      if (!rarest || list.length < rarest.length) rarest = list;
    }
    for (const j of rarest ?? []) candidates.add(j);
    if (isAcronym(short.text)) for (const j of byInitials.get(normalizeAcronym(short.text)) ?? []) candidates.add(j);
    for (const long of entitiesLexicon().longNames.get(short.text) ?? []) {
      const j = byKey.get(`${short.type}\u0000${fold(long)}`);
      if (j !== undefined) candidates.add(j);
    }
    const fits = [...candidates].filter((j) => {
      const long = names[j]!;
      if (j === i || long.type !== short.type) return false;
      return shortens(short, long) || expands(short, long);
    });
    if (!fits.length) return;
    // The long name mentioned last before this one's first mention (else the first one after).
    const before = fits.filter((j) => names[j]!.first < short.first).sort((a, b) => names[b]!.first - names[a]!.first);
    const pick = before[0] ?? fits.sort((a, b) => names[a]!.first - names[b]!.first)[0]!;
    groups.union(pick, i);
  });

  // Entities in order of first mention.
  const entityOfGroup = new Map<number, Entity>();
  const entities: Entity[] = [];
  const mentions: EntityMention[] = [];
  spans.forEach((s, i) => {
    const group = groups.find(nameOf[i]!);
    let entity = entityOfGroup.get(group);
    if (!entity) {
      entity = { id: `e${entities.length + 1}`, canonical: '', type: s.type, roles: [], mentions: [], aliases: [] };
      entityOfGroup.set(group, entity);
      entities.push(entity);
    }
    entity.mentions.push(i);
    mentions.push({ start: s.start, end: s.end, text: s.text, type: s.type, entity: entity.id, rule: s.rule });
  });
  const membersOf = new Map<number, Name[]>();
  names.forEach((n, i) => {
    const root = groups.find(i);
    const list = membersOf.get(root);
    if (list) list.push(n);
    else membersOf.set(root, [n]);
  });
  for (const [group, entity] of entityOfGroup) {
    const members = membersOf.get(group) ?? [];
    entity.canonical = canonicalName(members, userCanonical);
    entity.aliases = [...new Set(members.map((m) => m.text))].filter((t) => t !== entity.canonical);
  }
  for (const entity of entities) {
    if (entity.type !== 'PER') continue;
    const gender = personGender(analysis, spans, entity);
    if (gender) entity.gender = gender;
  }
  for (const entity of entities) {
    entity.roles = entity.mentions.flatMap((m) => findRoles(text, tokens, spans[m]!.tokenStart, spans[m]!.tokenEnd, entity.type));
  }
  return { mentions, entities };
}

function canonicalName(members: readonly Name[], userCanonical: Map<string, string>): string {
  for (const m of members) {
    const given = userCanonical.get(`${m.type}\u0000${fold(m.text)}`);
    if (given) return given;
  }
  const full = members.filter((m) => !isAcronym(m.text));
  const pool = full.length ? full : members;
  return [...pool].sort((a, b) => b.words.length - a.words.length || b.text.length - a.text.length || a.first - b.first)[0]!.text;
}

/** M., Mme, a first name of the list, or the pronoun of an incise (a-t-elle) decide the gender. */
function personGender(
  analysis: Pick<Analysis, 'tokens'>,
  spans: readonly { tokenStart: number; tokenEnd: number }[],
  entity: Entity,
): Gender | undefined {
  const lex = entitiesLexicon();
  const { tokens } = analysis;
  const votes = { m: 0, f: 0 };
  for (const i of entity.mentions) {
    const { tokenStart, tokenEnd } = spans[i]!;
    const title = titleBefore(tokens, tokenStart);
    if (title) votes[title] += 3;
    const first = lex.firstNames.get(tokens[tokenStart]!.text);
    if ((first === 'm' || first === 'f') && tokenEnd - tokenStart > 1) votes[first] += 2;
    const pronoun = incisePronoun(tokens, tokenEnd);
    if (pronoun) votes[pronoun] += 1;
  }
  if (votes.m === votes.f) return undefined;
  return votes.m > votes.f ? 'm' : 'f';
}

function titleBefore(tokens: readonly Token[], start: number): Gender | undefined {
  const lex = entitiesLexicon();
  for (let k = start - 1; k >= Math.max(0, start - 2); k--) {
    const w = lowerOf(tokens, k);
    if (w === '.') continue;
    if (lex.titles.has(w)) return lex.titles.get(w);
    return undefined;
  }
  return undefined;
}

/** "X, a-t-elle dit" / "X … estime-t-il": a pronoun of an incise right after the name. */
function incisePronoun(tokens: readonly Token[], end: number): Gender | undefined {
  for (let k = end; k < Math.min(tokens.length, end + 4); k++) {
    const w = lowerOf(tokens, k);
    if (/-t-elle$|^elle$/.test(w)) return 'f';
    if (/-t-il$|^il$/.test(w)) return 'm';
  }
  return undefined;
}
