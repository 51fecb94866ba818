import type { Sentence, Token } from '../core/types.js';
import { FUNCTION_WORDS, PARTICLES, isCapitalised, isPlace, isTitleAt, normalizeSpan } from './conventions.js';
import { buildTrie, documentMatches, entitiesLexicon, exactMatch, lower, matchGazetteer, type GazetteerEntry, type GazetteerMatch, lowerOf } from './lexicon.js';
import type { FoundMention } from './recognize.js';
import type { EntityType } from './types.js';
import { isAcronymShape, isInitial, lowerOrHyphen, opensWithTwoCapitals, shape, upperNumberAmpersandHyphen, upperOrNumber, withoutLeadingNumbers } from './shapes.js';
import { everyCodePoint, isLetter, isLower, isUpper, stripAccents } from './unicode.js';

/** Words before a head noun that make it a name's head (la loi Veil, sur l'avenue Jules-Ferry). */
const HEAD_OPENERS = new Set(['le', 'la', "l'", 'les', 'du', 'au', 'aux', 'des', 'de', "d'", 'à', 'sur', 'dans', 'vers', 'par', 'pour', 'un', 'une', 'ce', 'cet', 'cette', 'son', 'sa', 'ses', 'leur', 'nouveau', 'nouvelle', 'vieille', 'vieux', 'ancien', 'ancienne', 'future', 'futur', '«', '"', '“']);
const OF = new Set(['de', 'du', 'des', "d'"]);
/** la, l' (ministère de la Santé, de l'Intérieur). */
const THE_FEMININE = new Set(['la', "l'"]);
/** Articles before a seat of power (à l'Élysée, le Kremlin). */
const SEAT_ARTICLES = new Set(['la', "l'", 'le']);
/** Prepositions of a portfolio (ministre de la Santé, déléguée au Commerce). */
const PORTFOLIO_OF = new Set(['de', 'du', 'des', "d'", 'à', 'au', 'aux']);
/** Words before a capitalised demonym that make it a noun (les Québécois, deux Français). */
const DEMONYM_DETERMINERS = new Set(['les', 'des', 'aux', 'la', 'le', "l'", 'un', 'une', 'deux', 'trois', 'ces', 'nos', 'vos', 'leurs', 'ses', 'de']);
/** Determiners and adjectives before a role in apposition after a name (, l'ancien ministre). */
const ROLE_DETERMINERS = new Set(['le', 'la', "l'", 'un', 'une', 'ancien', 'ancienne']);
/** Determiners of a work noun after a title (« … », un opéra). */
const WORK_DETERMINERS = new Set(['un', 'une', 'le', 'la', 'son', 'sa']);
/** Prepositions that make a seat of power the place rather than the institution (reçu à l'Élysée). */
const PLACE_PREPOSITIONS = new Set(['à', 'au', 'dans', 'devant', 'depuis', 'vers', 'sur', 'en', 'jusqu\'à', 'quitter', 'quitté', 'quitte', 'rejoint', 'rejoindre', 'gagné']);
/** Role words whose complement is a portfolio, not an entity (ministre de la Santé, déléguée au Commerce). */
const PORTFOLIO_ROLES = new Set(['ministre', 'délégué', 'déléguée', 'chargé', 'chargée', 'secrétaire', 'commissaire', 'ministres', 'adjoint', 'adjointe', 'portefeuille', 'haut-commissaire']);

/**
 * Rules applied after the labeller, each naming itself in `rule` (`--explain`). They carry the
 * conventions a statistical labeller trained on Wikipedia does not know, and the document-level
 * evidence it cannot see (a name found once is the same name elsewhere in the article).
 */
export function applyRules(
  text: string,
  tokens: readonly Token[],
  sentences: readonly Sentence[],
  found: FoundMention[],
  lexicon: readonly GazetteerEntry[],
): FoundMention[] {
  documentMatches(tokens, sentences); // the whole document's matches, before rules ask sentence by sentence
  // Rules that look inside one sentence run sentence by sentence on that sentence's mentions:
  // their overlap checks then cost the mentions of a sentence, not of the document (linear time).
  const bySentence = new Map<Sentence, FoundMention[]>();
  for (const m of found) {
    const s = sentenceOf(sentences, m.start);
    if (!s) continue;
    const list = bySentence.get(s) ?? [];
    list.push(m);
    bySentence.set(s, list);
  }
  let mentions: FoundMention[] = [];
  for (const s of sentences) {
    const one = [s];
    let local = bySentence.get(s) ?? [];
    local = gazetteerRule(tokens, one, local);
    local = headRule(tokens, one, local);
    local = titleRule(tokens, one, local);
    local = longFormRule(tokens, one, local);
    local = parentheticalRule(tokens, one, local);
    local = acronymRule(tokens, one, local);
    local = portfolioRule(tokens, local);
    local = seatRule(tokens, one, local);
    local = cueRule(tokens, local);
    local = demonymRule(tokens, one, local);
    local = workTitleRule(tokens, one, local);
    local = firstNameRule(tokens, one, local);
    for (const m of local) mentions.push(m);
  }
  // Rules that weigh the whole article.
  mentions = personEvidenceRule(tokens, mentions);
  mentions = splitRule(tokens, sentences, mentions);
  mentions = propagateRule(tokens, sentences, mentions);
  mentions = documentTypeRule(text, tokens, mentions);
  mentions = clubRule(tokens, mentions);
  if (lexicon.length) mentions = userNames(tokens, sentences, mentions, lexicon);
  return mentions.sort((a, b) => a.start - b.start);
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/** Puts `added` in, dropping what it overlaps. */
function replace(mentions: FoundMention[], added: FoundMention): FoundMention[] {
  return [...mentions.filter((m) => !overlaps(m, added)), added];
}

function sentenceOf(sentences: readonly Sentence[], token: number): Sentence | undefined {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid]!;
    if (token < s.tokenStart) hi = mid - 1;
    else if (token >= s.tokenEnd) lo = mid + 1;
    else return s;
  }
  return undefined;
}

/** Type a gazetteer entry gives a match, context aside: countries stay LOC even when they act. */
function gazetteerType(entry: GazetteerEntry, modelType: EntityType | undefined): EntityType {
  if (entry.type === 'LOC' && entry.kind !== 'country' && entry.kind !== 'seat' && modelType) return modelType; // "Reims" the club
  return entry.type;
}

/**
 * gazetteer: names of the hand-written lists, and countries, regions and departments, fix the
 * labeller's bounds and types (Côte d'Ivoire, not "Ivoire"; Cour suprême, not "Cour"; Ligue 1 MISC)
 * and are added where it saw nothing, unless the name is also a common word (Orange, Horizons) or
 * opens the sentence. A longer name of the labeller holding the match wins (Institut … de Grenoble),
 * except a party label before a person (le député Les Républicains Henri X).
 */
function gazetteerRule(tokens: readonly Token[], sentences: readonly Sentence[], mentions: FoundMention[]): FoundMention[] {
  const matches = documentMatches(tokens, sentences);
  let out = mentions;
  for (const s of sentences) {
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      const m = matches.get(i);
      if (m) out = withGazetteerMatch(tokens, out, m);
    }
  }
  return out;
}

/** The mentions once one gazetteer match has had its say (a function of its own: the loop over tokens keeps no closure). */
function withGazetteerMatch(tokens: readonly Token[], out: FoundMention[], m: GazetteerMatch): FoundMention[] {
  const lex = entitiesLexicon();
  const { entry } = m;
  if (entry.kind === 'commune' || entry.kind === 'user') return out;
  const hit = out.filter((x) => overlaps(x, m));
  const covering = hit.find((x) => x.start <= m.start && x.end >= m.end && (x.start < m.start || x.end > m.end));
  if (covering && (lowerContentWord(tokens, m.end) && m.end < covering.end || lowerContentWord(tokens, m.start - 1) && m.start > covering.start)) {
    // "Hamas accuse Israël": a verb inside the labeller's span shows two names run together.
    return [...out.filter((x) => x !== covering), { start: m.start, end: m.end, type: gazetteerType(entry, undefined), rule: 'gazetteer' }];
  }
  if (covering) {
    const rest = { start: m.end, end: covering.end, type: covering.type };
    if (covering.start === m.start && entry.type === 'ORG' && rest.end > rest.start && lex.firstNames.has(tokens[m.end]!.text)) {
      return [...out.filter((x) => x !== covering), { start: m.start, end: m.end, type: 'ORG', rule: 'gazetteer' }, { ...rest, rule: 'model' }];
    }
    return out;
  }
  const modelType = hit.length === 1 && hit[0]!.start === m.start && hit[0]!.end === m.end ? hit[0]!.type : undefined;
  if (!hit.length) {
    const single = m.end - m.start === 1;
    // A common word (Orange, Horizons) needs the labeller's support; a sentence-initial capital proves nothing for it.
    if (single && lex.commonWordNames.has(entry.name)) return out;
    if (!isCapitalised(tokens[m.start]!.text) && !/\d/.test(entry.name)) return out;
  }
  const type = gazetteerType(entry, modelType ?? hit[0]?.type);
  return replace(out, { start: m.start, end: m.end, type, rule: 'gazetteer' });
}

/** The first mention overlapping tokens [start, end). */
function firstOverlapping(mentions: readonly FoundMention[], start: number, end: number): FoundMention | undefined {
  for (let k = 0; k < mentions.length; k++) {
    const m = mentions[k]!;
    if (m.start < end && start < m.end) return m;
  }
  return undefined;
}

/** Is tokens[i] a lower-case word that names never hold (not a link word like de, du, et)? */
function lowerContentWord(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  return !!t && t.kind === 'word' && !isCapitalised(t.text) && everyCodePoint(t.text, isLower) && !LINK.has(t.text) && !FUNCTION_WORDS.has(t.text);
}

/** End of a capitalised name starting at `i` (Jules-Ferry, Marx-Dormoy, Nord, Santé publique France). */
function nameEnd(tokens: readonly Token[], i: number, limit: number, mentions: readonly FoundMention[]): number {
  for (let k = 0; k < mentions.length; k++) if (mentions[k]!.start === i) return mentions[k]!.end;
  let j = i;
  while (j < limit && (isCapitalised(tokens[j]!.text) || tokens[j]!.kind === 'number' || (j > i && PARTICLES.has(lowerOf(tokens, j)) && j + 1 < limit && isCapitalised(tokens[j + 1]!.text)))) j++;
  return j;
}

/**
 * head: a lower-case head that belongs to the name (heads.tsv) makes one span with the name after
 * it: "avenue Jules-Ferry" LOC, "ministère de la Santé" ORG, "loi Castaing" MISC, "CHU de Limoges".
 */
function headRule(tokens: readonly Token[], sentences: readonly Sentence[], mentions: FoundMention[]): FoundMention[] {
  const heads = entitiesLexicon().heads;
  let out = mentions;
  for (const s of sentences) {
    for (let i = s.tokenStart; i < s.tokenEnd - 1; i++) {
      const type = heads.get(tokens[i]!.text);
      if (!type) continue;
      const acronymHead = opensWithTwoCapitals(tokens[i]!.text);
      if (!acronymHead && (i === s.tokenStart || !HEAD_OPENERS.has(lowerOf(tokens, i - 1)))) continue;
      let j = i + 1;
      if (OF.has(lowerOf(tokens, j))) {
        j++;
        if (j < s.tokenEnd && THE_FEMININE.has(lowerOf(tokens, j))) j++;
      } else if (acronymHead) continue;
      if (j >= s.tokenEnd || !isCapitalised(tokens[j]!.text)) continue;
      const end = nameEnd(tokens, j, s.tokenEnd, out);
      if (end <= j) continue;
      out = replace(out, { start: i, end, type, rule: 'head' });
      i = end - 1;
    }
  }
  return out;
}

/**
 * title: a capitalised name after a title (M., Mme, Dr) is a person — with its particle (M. de
 * Thiennes, M. du Plessis-Vaudreuil) and even as an initial (monsieur L.).
 */
function titleRule(tokens: readonly Token[], sentences: readonly Sentence[], mentions: FoundMention[]): FoundMention[] {
  const lex = entitiesLexicon();
  let out = mentions;
  for (const s of sentences) {
    for (let i = s.tokenStart; i < s.tokenEnd - 1; i++) {
      const w = lowerOf(tokens, i);
      const abbreviation = w === 'm.' || w === 'mme' || w === 'mmes' || w === 'mm.' || w === 'mlle' || w === 'dr' || w === 'me' || w === 'pr' || (w === '.' && isTitleAt(tokens, i));
      if (!abbreviation && !(lex.titles.get(w) && (w === 'monsieur' || w === 'madame'))) continue;
      let j = i + 1;
      while (j < s.tokenEnd - 1 && j - i <= 3 && PARTICLES.has(lowerOf(tokens, j)) && !isCapitalised(tokens[j]!.text)) j++;
      if (!isCapitalised(tokens[j]!.text)) continue;
      let end = j;
      while (end < s.tokenEnd && (isCapitalised(tokens[end]!.text) || (PARTICLES.has(lowerOf(tokens, end)) && end + 1 < s.tokenEnd && isCapitalised(tokens[end + 1]!.text)))) end++;
      if (end < s.tokenEnd && tokens[end]!.text === '.' && tokens[end - 1]!.text.length === 1) end++; // monsieur L.
      const existing = firstOverlapping(out, i + 1, end);
      if (existing && existing.type !== 'PER' && existing.start === j && existing.end > end) continue;
      out = replace(out, { start: i + 1, end: Math.max(end, existing?.end ?? end), type: 'PER', rule: 'title' });
    }
  }
  return out;
}

/**
 * parenthetical: an acronym or listed name in brackets right after a name is an entity of its own:
 * "Coalition avenir Québec (CAQ)" ORG, "Frédéric Lagarde (Horizons)" ORG, "Douai (Nord)" LOC.
 */
function parentheticalRule(tokens: readonly Token[], sentences: readonly Sentence[], mentions: FoundMention[]): FoundMention[] {
  const matches = documentMatches(tokens, sentences);
  let out = mentions;
  for (const m of mentions) {
    const open = m.end;
    if (tokens[open]?.text !== '(') continue;
    let close = open + 1;
    while (close < tokens.length && close < open + 8 && tokens[close]!.text !== ')') close++;
    if (tokens[close]?.text !== ')' || close === open + 1) continue;
    const inside = { start: open + 1, end: close };
    const already = out.find((x) => x.start === inside.start && x.end === inside.end);
    const gaz = exactMatch(matches, inside.start, inside.end);
    const word = tokens[inside.start]!.text;
    const acronym = inside.end - inside.start === 1 && shape(word, isUpper, upperNumberAmpersandHyphen, 2);
    let type: EntityType | undefined;
    if (gaz) type = gaz.entry.type;
    else if (acronym) type = m.type === 'PER' ? 'ORG' : m.type;
    else if (already) type = already.type;
    if (!type) continue;
    if (already && already.type === type) continue;
    out = replace(out, { ...inside, type, rule: 'parenthetical' });
  }
  return out;
}

/** portfolio: "ministre de la Santé", "déléguée au Commerce", "ministre russe des Affaires étrangères": no entity. */
function portfolioRule(tokens: readonly Token[], mentions: FoundMention[]): FoundMention[] {
  return mentions.filter((m) => {
    if (m.rule !== 'model' || m.type === 'PER') return true;
    let k = m.start - 1;
    if (k >= 0 && THE_FEMININE.has(lowerOf(tokens, k))) k--;
    if (k < 0 || !PORTFOLIO_OF.has(lowerOf(tokens, k))) return true;
    k--;
    if (k >= 1 && !isCapitalised(tokens[k]!.text) && everyCodePoint(tokens[k]!.text, isLetter) && PORTFOLIO_ROLES.has(lowerOf(tokens, k - 1))) k--; // ministre russe des …
    if (k >= 0 && lowerOf(tokens, k) === "d'" ) k--; // secrétaire d'État …
    if (k >= 0 && lowerOf(tokens, k) === 'état') k -= 2;
    return !(k >= 0 && PORTFOLIO_ROLES.has(lowerOf(tokens, k)));
  });
}

/**
 * seat: seats of power (seat kind in places.tsv) stand for the institution (ORG: l'Élysée a fait
 * savoir, du côté de Matignon) unless a preposition of place makes them the place (reçu à l'Élysée).
 */
function seatRule(tokens: readonly Token[], sentences: readonly Sentence[], mentions: FoundMention[]): FoundMention[] {
  const matches = documentMatches(tokens, sentences);
  return mentions.map((m) => {
    const match = exactMatch(matches, m.start, m.end);
    if (!match || match.entry.kind !== 'seat' || match.entry.type !== 'ORG') return m;
    let k = m.start - 1;
    if (k >= 0 && SEAT_ARTICLES.has(lowerOf(tokens, k))) k--;
    const place = k >= 0 && PLACE_PREPOSITIONS.has(lowerOf(tokens, k));
    const type: EntityType = place ? 'LOC' : 'ORG';
    return type === m.type ? m : { ...m, type, rule: 'seat' };
  });
}

/** demonym: a capitalised demonym after a determiner is MISC (les Québécois, la Polonaise). */
function demonymRule(tokens: readonly Token[], sentences: readonly Sentence[], mentions: FoundMention[]): FoundMention[] {
  const lex = entitiesLexicon();
  const covered = new Set<number>();
  for (const m of mentions) for (let i = m.start; i < m.end; i++) covered.add(i);
  const added: FoundMention[] = [];
  for (const s of sentences) {
    for (let i = s.tokenStart + 1; i < s.tokenEnd; i++) {
      const t = tokens[i]!.text;
      if (covered.has(i) || !lex.demonyms.has(t) || isPlace(t)) continue;
      if (!DEMONYM_DETERMINERS.has(lowerOf(tokens, i - 1))) continue;
      added.push({ start: i, end: i + 1, type: 'MISC', rule: 'demonym' });
    }
  }
  return [...mentions, ...added];
}

/**
 * propagate: a name found somewhere in the article is the same name wherever else it is written
 * (a headline's first word, a second mention the labeller missed), with the type most of its
 * mentions got; a person's family name alone too (Oumar Diatta … Diatta).
 */
function propagateRule(tokens: readonly Token[], sentences: readonly Sentence[], mentions: FoundMention[]): FoundMention[] {
  const lex = entitiesLexicon();
  const votes = new Map<string, Map<EntityType, number>>();
  const entries: GazetteerEntry[] = [];
  const vote = (words: string[], type: EntityType, weight: number) => {
    const key = words.join(' ');
    const v = votes.get(key) ?? new Map<EntityType, number>();
    v.set(type, (v.get(type) ?? 0) + weight);
    votes.set(key, v);
  };
  for (const m of mentions) {
    const words = tokens.slice(m.start, m.end).map((t) => t.text);
    if (!isCapitalised(words[0]!) && !/^\d/.test(words[0]!)) {
      if (!(m.type === 'PER' && PARTICLES.has(lower(words[0]!)))) continue;
    }
    vote(words, m.type, 1);
    if (m.type === 'PER' && words.length >= 2 && lex.firstNames.has(words[0]!)) vote(words.slice(1), 'PER', 0.5);
  }
  for (const [key, v] of votes) {
    const type = [...v.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))[0]![0];
    const words = key.split(' ');
    if (words.length === 1 && (lex.notEntities.has(key) || FUNCTION_WORDS.has(lower(key)))) continue;
    entries.push({ name: key, type, kind: 'document', source: 'document' });
  }
  if (!entries.length) return mentions;
  // Names by their first word, longest first: one map lookup per free token finds the candidates.
  const byFirst = new Map<string, { words: string[]; type: EntityType }[]>();
  for (const e of entries) {
    const words = e.name.split(' ');
    const list = byFirst.get(words[0]!) ?? [];
    list.push({ words, type: e.type });
    byFirst.set(words[0]!, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  const covered = new Int8Array(tokens.length);
  for (const m of mentions) for (let i = m.start; i < m.end; i++) covered[i] = 1;
  const added: FoundMention[] = [];
  for (const s of sentences) {
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      if (covered[i]) continue;
      const candidates = byFirst.get(tokens[i]!.text);
      if (!candidates) continue;
      const hit = namedAt(tokens, i, s.tokenEnd, candidates, covered);
      if (!hit) continue;
      const end = i + hit.words.length;
      // A longer capitalised name around the match is another name (Toulouse in "Toulouse FC").
      if ((i > s.tokenStart + 1 && isCapitalised(tokens[i - 1]!.text)) || (end < s.tokenEnd && isCapitalised(tokens[end]!.text))) continue;
      const span = normalizeSpan(tokens, { start: i, end, type: hit.type });
      if (span) added.push({ ...span, rule: 'propagate' });
      i = end - 1;
    }
  }
  return [...mentions, ...added];
}

/** The first (longest) of the names that are written at tokens[i] (ending by `limit`) on free tokens. */
function namedAt(tokens: readonly Token[], i: number, limit: number, candidates: readonly { words: string[]; type: EntityType }[], covered: Int8Array): { words: string[]; type: EntityType } | undefined {
  return candidates.find((c) => i + c.words.length <= limit && c.words.every((w, k) => tokens[i + k]!.text === w && !covered[i + k]));
}

/** lexicon: the user's names (`--lexicon`) win over everything else wherever they occur. */
function userNames(tokens: readonly Token[], sentences: readonly Sentence[], found: FoundMention[], lexicon: readonly GazetteerEntry[]): FoundMention[] {
  const trie = buildTrie(lexicon);
  const added: FoundMention[] = [];
  for (const s of sentences) {
    for (const m of matchGazetteer(tokens, s.tokenStart, s.tokenEnd, trie)) added.push({ start: m.start, end: m.end, type: m.entry.type, rule: 'lexicon' });
  }
  if (!added.length) return found;
  const taken = new Uint8Array(tokens.length);
  for (const a of added) taken.fill(1, a.start, a.end);
  const kept = found.filter((f) => !taken.subarray(f.start, f.end).some((x) => x === 1));
  return [...kept, ...added];
}

/** Is the word an acronym shape: two or more capitals, digits, inner hyphens (RHDP, PDCI-RDA, G20)? */
const isAcronymWord = (w: string): boolean => w.length >= 2 && w.length <= 12 && isCapitalised(w) && isCapitalised(withoutLeadingNumbers(w.slice(1))) && isAcronymShape(w);

const DETERMINERS = new Set(['le', 'la', "l'", 'les', 'du', 'de', "d'", 'des', 'au', 'aux', 'un', 'une', 'ce', 'cet', 'cette', 'par']);

/**
 * acronym: an acronym after a determiner is an organisation (le RHDP, l'IPAG, du PDCI-RDA) unless
 * it is a common noun (ONG, PDG: generic-acronyms.tsv) or a place of the gazetteer (RDC); the
 * labeller's LOC on an acronym that is no known place becomes ORG.
 */
function acronymRule(tokens: readonly Token[], sentences: readonly Sentence[], mentions: FoundMention[]): FoundMention[] {
  const lex = entitiesLexicon();
  const covered = new Set<number>();
  for (const m of mentions) for (let i = m.start; i < m.end; i++) covered.add(i);
  const out = mentions.map((m) => {
    const w = tokens[m.start]!.text;
    if (m.end - m.start === 1 && m.type === 'LOC' && isAcronymWord(w) && !isPlace(w)) return { ...m, type: 'ORG' as EntityType, rule: 'acronym' };
    return m;
  });
  for (const s of sentences) {
    for (let i = s.tokenStart + 1; i < s.tokenEnd; i++) {
      const w = tokens[i]!.text;
      if (covered.has(i) || !isAcronymWord(w) || lex.genericAcronyms.has(w) || isPlace(w)) continue;
      if (!DETERMINERS.has(lowerOf(tokens, i - 1))) continue;
      if (i + 1 < s.tokenEnd && isCapitalised(tokens[i + 1]!.text)) continue; // part of a longer name
      if (w.length <= 2 && tokens[i + 1]?.kind === 'number' && i + 1 < s.tokenEnd) {
        out.push({ start: i, end: i + 2, type: 'LOC', rule: 'acronym' }); // roads: la RD 938, la RN 7
        continue;
      }
      let end = i + 1;
      // PPA-CI: the tokenizer may cut "-CI" off like the clitic of celui-ci.
      while (end < s.tokenEnd && tokens[end]!.start === tokens[end - 1]!.end && tokens[end]!.text.charCodeAt(0) === 0x2d && shape(tokens[end]!.text.slice(1), isUpper, upperOrNumber)) end++;
      out.push({ start: i, end, type: 'ORG', rule: 'acronym' });
    }
  }
  return out;
}

/**
 * long-form: "Fédération bancaire française (FBF)": the words before an acronym in brackets whose
 * initials spell it are the organisation's full name (Schwartz & Hearst's idea, on initials).
 */
function longFormRule(tokens: readonly Token[], sentences: readonly Sentence[], mentions: FoundMention[]): FoundMention[] {
  let out = mentions;
  const from = sentences[0]?.tokenStart ?? 0;
  const to = sentences[sentences.length - 1]?.tokenEnd ?? 0;
  for (let open = Math.max(1, from); open < to - 2; open++) {
    if (tokens[open]!.text !== '(' || tokens[open + 2]?.text !== ')') continue;
    out = withLongForm(tokens, open, from, out);
  }
  return out;
}

/** The mentions with the long form of the acronym in brackets at `open`, if the words before spell it. */
function withLongForm(tokens: readonly Token[], open: number, from: number, out: FoundMention[]): FoundMention[] {
  const acronym = tokens[open + 1]!.text.replace(/-/g, '');
  if (!isAcronymWord(tokens[open + 1]!.text) || acronym.length < 2) return out;
  for (let start = open - 1; start >= Math.max(from, open - 14); start--) {
    if (/^[,.;:!?»«()]$/.test(tokens[start]!.text)) return out;
    if (!isCapitalised(tokens[start]!.text)) continue;
    const initials = tokens
      .slice(start, open)
      .flatMap((t) => t.text.split(/[-'’]/))
      .filter((w) => w && !LINK.has(w.toLowerCase()) && (w.length > 1 || isUpper(w.codePointAt(0)!)))
      .map((w) => stripAccents(isAcronymWord(w) ? w : w[0]!.toUpperCase()));
    if (!spells(stripAccents(acronym.toUpperCase()), initials)) continue;
    const existing = out.find((m) => m.start <= start && m.end >= open);
    if (existing && existing.start === start && existing.end === open && existing.type === 'ORG') return out;
    const type: EntityType = existing && existing.type !== 'PER' ? existing.type : 'ORG';
    return replace(out, { start, end: open, type, rule: 'long-form' });
  }
  return out;
}

/**
 * Do the initials spell the acronym? All of them in order (CEI, RHDP), or all but one content
 * word when the acronym has three letters or more (Société nationale des chemins de fer français →
 * SNCF); the first word always gives the first letter.
 */
function spells(acronym: string, initials: readonly string[]): boolean {
  const joined = initials.join('');
  if (joined === acronym) return true;
  if (acronym.length < 3 || initials.length < 2 || initials[0]![0] !== acronym[0]) return false;
  for (let skip = 1; skip < initials.length; skip++) {
    if (initials.filter((_, k) => k !== skip).join('') === acronym) return true;
  }
  return false;
}

const LINK = new Set(['de', 'du', 'des', 'd', "d'", 'la', 'le', 'les', 'l', "l'", 'et', 'pour', 'en', 'à', 'au', 'aux', 'sur']);

/**
 * cue: a descriptive noun right before a name tells its type and stays outside it: "l'usine
 * Arvel" ORG, "le télescope spatial James-Webb" MISC, "le bâtiment Europa" LOC (cues.tsv).
 */
function cueRule(tokens: readonly Token[], mentions: FoundMention[]): FoundMention[] {
  const cues = entitiesLexicon().cues;
  return mentions.map((m) => {
    if (m.rule !== 'model' && m.rule !== 'propagate') return m;
    const k = cueBefore(tokens, m.start);
    const type = k >= 0 ? cues.get(lowerOf(tokens, k)) : undefined;
    if (!type || type === m.type || (k > 0 && !DETERMINERS.has(lowerOf(tokens, k - 1)) && !HEAD_OPENERS.has(lowerOf(tokens, k - 1)))) return m;
    return { ...m, type, rule: 'cue' };
  });
}

/**
 * Index of a cue noun before a name: right before it (l'usine Arvel), before one adjective
 * (le télescope spatial James-Webb) or before a "de" complement (l'éditeur de logiciels Nexalis,
 * le fabricant de pneus Michelin). -1 when there is none.
 */
function cueBefore(tokens: readonly Token[], start: number): number {
  const cues = entitiesLexicon().cues;
  if (start - 1 >= 0 && cues.has(lowerOf(tokens, start - 1))) return start - 1;
  if (lowerWordAt(tokens, start - 1) && !FUNCTION_WORDS.has(tokens[start - 1]!.text) && start - 2 >= 0 && cues.has(lowerOf(tokens, start - 2))) return start - 2;
  for (let k = start - 2; k >= Math.max(0, start - 5); k--) {
    if (!lowerWordAt(tokens, k + 1) || FUNCTION_WORDS.has(tokens[start - 1]!.text)) return -1;
    if (cues.has(lowerOf(tokens, k)) && OF.has(lowerOf(tokens, k + 1))) return k;
  }
  return -1;
}

/** Is tokens[k] a lower-case word (hyphens allowed)? */
const lowerWordAt = (tokens: readonly Token[], k: number): boolean => k >= 0 && shape(tokens[k]!.text, isLower, lowerOrHyphen);

/**
 * person-evidence: a person is named with something that shows it — a first name of the list,
 * a title, a role in apposition, a particle, an initial — somewhere in the article. A PER of the
 * labeller without any (Nexalis, Terrebonne: unknown capitalised words) takes the labeller's best
 * other type.
 */
function personEvidenceRule(tokens: readonly Token[], mentions: FoundMention[]): FoundMention[] {
  const lex = entitiesLexicon();
  const evidenced = new Set<string>();
  const shows = (m: FoundMention): boolean => {
    const words = tokens.slice(m.start, m.end).map((t) => t.text);
    if (words.length >= 2 && lex.firstNames.has(words[0]!.split('-')[0]!)) return true;
    if (words.length >= 2 && words.some((w, i) => i > 0 && PARTICLES.has(w.toLowerCase()))) return true;
    if (words.some(isInitial)) return true;
    if (isTitleAt(tokens, m.start - 1) || m.rule === 'title' || m.rule === 'cue') return true;
    let k = m.start - 1;
    if (k >= 0 && tokens[k]!.text === ',') k--;
    if (k >= 0 && lex.roleEnds.has(lowerOf(tokens, k))) return true;
    if (tokens[m.end]?.text === ',') {
      let j = m.end + 1;
      if (j < tokens.length && ROLE_DETERMINERS.has(lowerOf(tokens, j))) j++;
      if (j < tokens.length && lex.roles.has(lowerOf(tokens, j))) return true;
    }
    const next = lower(tokens[m.end]?.text ?? '');
    return /^-t-(il|elle)$/.test(next);
  };
  const persons = mentions.filter((m) => m.type === 'PER');
  for (const m of persons) {
    if (shows(m)) for (const t of tokens.slice(m.start, m.end)) if (isCapitalised(t.text)) evidenced.add(t.text);
  }
  return mentions.map((m) => {
    if (m.type !== 'PER' || !m.scores) return m;
    if (tokens.slice(m.start, m.end).some((t) => evidenced.has(t.text))) return m;
    const other = (['ORG', 'LOC', 'MISC'] as const).slice().sort((a, b) => m.scores![b] - m.scores![a])[0]!;
    if (m.scores.PER - m.scores[other] > PERSON_MARGIN) return m;
    return { ...m, type: other, rule: 'person-evidence' };
  });
}
/** Above this score lead over the next type the labeller's PER stands without other evidence (2 to 5 measure the same). */
const PERSON_MARGIN = 3;

/** Words of sports club names besides the city (Toulouse FC, Stade de Reims, Olympique de Marseille). */
const CLUB_WORDS = new Set(['FC', 'SC', 'AC', 'AS', 'RC', 'OGC', 'AJ', 'SCO', 'HSC', 'LOSC', 'Stade', 'Olympique', 'Racing', 'Sporting', 'United', 'City', 'Athletic', 'Girondins', 'Real', 'Inter', 'Dynamo', 'Union', 'Étoile', 'US', 'ES', 'SM', 'USL', 'FCO']);

/**
 * club: a city that names a club of the article (Toulouse of Toulouse FC, Reims of Stade de Reims)
 * is that club (ORG) unless a preposition of place stands before it (à Toulouse).
 */
function clubRule(tokens: readonly Token[], mentions: FoundMention[]): FoundMention[] {
  const clubCities = new Set<string>();
  for (const m of mentions) {
    if (m.type !== 'ORG' || m.end - m.start < 2) continue;
    const words = tokens.slice(m.start, m.end).map((t) => t.text);
    if (!words.some((w) => CLUB_WORDS.has(w))) continue;
    for (const w of words) if (!CLUB_WORDS.has(w) && isCapitalised(w)) clubCities.add(w);
  }
  if (!clubCities.size) return mentions;
  return mentions.map((m) => {
    if (m.type !== 'LOC' || m.end - m.start !== 1 || !clubCities.has(tokens[m.start]!.text)) return m;
    const before = lower(tokens[m.start - 1]?.text ?? '');
    if (PLACE_PREPOSITIONS.has(before) || before === 'de' || before === "d'") return m;
    return { ...m, type: 'ORG', rule: 'club' };
  });
}

/** Rules whose type rests on evidence in the text or the lists rather than on the labeller alone. */
const STRONG = new Set(['gazetteer', 'seat', 'head', 'title', 'long-form', 'parenthetical', 'acronym', 'cue', 'lexicon', 'work-title', 'first-name']);

/**
 * document-type: a name keeps one type through the article: the type that evidence gave one of its
 * mentions (l'usine Arvel → ORG) goes to its other mentions, and to longer names it opens
 * (Arvel Automobiles); a word that opens an organisation's name of the article is that
 * organisation (l'Union … Union européenne), unless it is a place of the gazetteer.
 */
function documentTypeRule(text: string, tokens: readonly Token[], mentions: FoundMention[]): FoundMention[] {
  const strong = new Map<string, EntityType>();
  const textOf = (m: FoundMention) => tokens.slice(m.start, m.end).map((t) => t.text).join(' ');
  for (const m of mentions) if (STRONG.has(m.rule)) strong.set(textOf(m), m.type);
  // Interview labels: "Alpes Matin : Qu'avez-vous…" opening several sentences speaks, so it is no place.
  const labels = new Map<string, number>();
  for (const m of mentions) if (tokens[m.end]?.text === ':' && (m.start === 0 || text.slice(tokens[m.start - 1]!.end, tokens[m.start]!.start).includes('\n'))) labels.set(textOf(m), (labels.get(textOf(m)) ?? 0) + 1);
  for (const [name, n] of labels) if (n >= 2 && !strong.has(name)) strong.set(name, 'ORG');
  const orgFirstWords = new Set<string>();
  for (const m of mentions) if (m.type === 'ORG' && m.end - m.start >= 2 && isCapitalised(tokens[m.start]!.text)) orgFirstWords.add(tokens[m.start]!.text);
  return mentions.map((m) => {
    if (STRONG.has(m.rule)) return m;
    const name = textOf(m);
    let type = strong.get(name);
    if (type === 'ORG' && m.type === 'PER' && labels.has(name)) type = undefined;
    if (!type && m.end - m.start >= 2) {
      const first = strong.get(tokens[m.start]!.text);
      if (first === 'ORG') type = first;
    }
    const word = tokens[m.start]!.text;
    if (!type && m.end - m.start === 1 && m.type !== 'PER' && orgFirstWords.has(word) && !isPlace(word)) type = 'ORG';
    return type && type !== m.type ? { ...m, type, rule: 'document-type' } : m;
  });
}

/**
 * first-name: a first name of the list followed by a capitalised name (with its particle) is a
 * person, over what the labeller cut: "Henri du Plessis-Vaudreuil", not "Henri" + "Plessis-Vaudreuil".
 */
function firstNameRule(tokens: readonly Token[], sentences: readonly Sentence[], mentions: FoundMention[]): FoundMention[] {
  const lex = entitiesLexicon();
  let out = mentions;
  for (const s of sentences) {
    for (let i = s.tokenStart; i < s.tokenEnd - 1; i++) {
      const gender = lex.firstNames.get(tokens[i]!.text);
      if (gender !== 'm' && gender !== 'f') continue;
      if (i === s.tokenStart && lex.commonWordNames.has(tokens[i]!.text)) continue;
      let j = i + 1;
      while (j < s.tokenEnd - 1 && PARTICLES.has(tokens[j]!.text) && !isCapitalised(tokens[j]!.text) && j - i < 3) j++;
      if (!isCapitalised(tokens[j]!.text) || lex.notEntities.has(tokens[j]!.text)) continue;
      let end = j + 1;
      while (end < s.tokenEnd && isCapitalised(tokens[end]!.text) && lex.firstNames.get(tokens[end - 1]!.text) && end - i < 4) end++;
      if (!firstNameWins(out, i, j, end)) continue;
      out = replace(out, { start: i, end, type: 'PER', rule: 'first-name' });
      i = end - 1;
    }
  }
  return out;
}

/** Does the person [start, end), its name from `name` on, win over the mentions it overlaps? */
function firstNameWins(out: readonly FoundMention[], start: number, name: number, end: number): boolean {
  const hit = out.filter((m) => overlaps(m, { start, end }));
  // Leave names the lists or the text typed otherwise (France Travail, rue Jean-Jaurès).
  if (hit.some((m) => m.rule !== 'model' && m.rule !== 'propagate' && m.rule !== 'person-evidence')) return false;
  if (hit.some((m) => m.start < start || m.end > end)) return false;
  if (hit.length === 1 && hit[0]!.start === start && hit[0]!.end === end && hit[0]!.type === 'PER') return false;
  return !(name === start + 1 && !hit.length); // no labeller support: a first name alone proves little
}

/**
 * split: "Arvel de Douai" is two names when its parts are names of their own in the article
 * (Arvel elsewhere) or the part after "de" is a known place: ORG/PER + LOC.
 */
function splitRule(tokens: readonly Token[], sentences: readonly Sentence[], mentions: FoundMention[]): FoundMention[] {
  const matches = documentMatches(tokens, sentences);
  const lex = entitiesLexicon();
  const alone = new Set(mentions.map((m) => tokens.slice(m.start, m.end).map((t) => t.text).join(' ')));
  const out: FoundMention[] = [];
  for (const m of mentions) {
    if (m.rule === 'model' || m.rule === 'cue' || m.rule === 'person-evidence') {
      const at = tokens.slice(m.start, m.end).findIndex((t, k) => k > 0 && OF.has(lower(t.text)));
      if (at > 0) {
        const left = { start: m.start, end: m.start + at };
        const right = { start: m.start + at + 1, end: m.end };
        const leftText = tokens.slice(left.start, left.end).map((t) => t.text).join(' ');
        const rightMatch = exactMatch(matches, right.start, right.end) ?? matchGazetteer(tokens, right.start, right.end).find((g) => g.start === right.start && g.end === right.end);
        const place = rightMatch?.entry.type === 'LOC';
        if (right.end > right.start && isCapitalised(tokens[right.start]!.text) && alone.has(leftText) && place && !lex.heads.has(tokens[m.start]!.text)) {
          out.push({ ...left, type: m.type === 'LOC' ? 'ORG' : m.type, rule: m.rule === 'cue' ? 'cue' : 'split' }, { ...right, type: 'LOC', rule: 'split' });
          continue;
        }
      }
    }
    out.push(m);
  }
  return out;
}

/** Nouns of works: a capitalised « … » right after them, or followed by ", un <noun>", is a title (MISC). */
const WORK_NOUNS = new Set(['titre', 'film', 'livre', 'roman', 'album', 'opéra', 'pièce', 'chanson', 'série', 'spectacle', 'ouvrage', 'essai', 'documentaire', 'exposition', 'émission', 'tube', 'disque', 'œuvre', 'article', 'étude', 'recueil', 'poème', 'tableau', 'ballet', 'comédie', 'tragédie', 'feuilleton', 'podcast', 'bande', 'single', 'morceau', 'intitulé', 'intitulée', 'baptisé', 'baptisée']);

/** work-title: « Les Indes galantes », un opéra; sous le titre « Water vapour… »: the quoted title is MISC. */
function workTitleRule(tokens: readonly Token[], sentences: readonly Sentence[], mentions: FoundMention[]): FoundMention[] {
  let out = mentions;
  for (const s of sentences) {
    for (let i = s.tokenStart; i < s.tokenEnd - 2; i++) {
      if (tokens[i]!.text !== '«' && tokens[i]!.text !== '“') continue;
      const title = workTitleAt(tokens, i, s.tokenEnd);
      if (!title) continue;
      out = replace(out, { start: i + 1, end: title.end, type: 'MISC', rule: 'work-title' });
      i = title.close;
    }
  }
  return out;
}

/** The title quoted from the opening quote at `open` (before `limit`) when a work noun cues it: its end and its closing quote. */
function workTitleAt(tokens: readonly Token[], open: number, limit: number): { end: number; close: number } | undefined {
  const i = open;
  const closer = tokens[i]!.text === '«' ? '»' : '”';
  let j = i + 1;
  while (j < limit && j - i <= 14 && tokens[j]!.text !== closer) j++;
  if (j >= limit || tokens[j]!.text !== closer || j === i + 1) return undefined;
  let end = j;
  while (end > i + 1 && /^[.,;:!?…]$/.test(tokens[end - 1]!.text)) end--;
  if (!isCapitalised(tokens[i + 1]!.text)) return undefined;
  const before = lower(tokens[i - 1]?.text ?? '');
  const after = [tokens[j + 1], tokens[j + 2], tokens[j + 3]].map((t) => lower(t?.text ?? ''));
  const cued = WORK_NOUNS.has(before) || (after[0] === ',' && WORK_DETERMINERS.has(after[1]!) && WORK_NOUNS.has(after[2]!));
  return cued ? { end, close: j } : undefined;
}

export { sentenceOf };
