import type { Span } from '../core/types.js';
import type { Discourse } from './discourse.js';
import { roleEntry } from './discourse.js';
import { cliticPronoun, hasClass, isWord, looksVerbal, wordClasses } from './grammar.js';
import { quotesLexicon, type Gender, type RoleEntry } from './lexicon.js';
import type { Item } from './view.js';

/** What the text says about who speaks, before it is resolved to a referent. */
export type Cue =
  | { kind: 'name'; span: Span; mention: number; role?: RoleEntry; complement?: string }
  | { kind: 'pronoun'; span: Span; pronoun: string }
  | { kind: 'relative'; span: Span; antecedent?: Cue }
  | { kind: 'last'; span: Span; gender?: Gender; plural: boolean }
  | { kind: 'demo'; span: Span; gender?: Gender; plural: boolean }
  | { kind: 'role'; span: Span; role?: RoleEntry; gender?: Gender; plural: boolean; indefinite: boolean; complement: string; head: string }
  | { kind: 'source'; span: Span; of?: Cue }
  | { kind: 'place'; span: Span; pronoun: Span; place: Cue }
  | { kind: 'anonymous'; span: Span };

/** Adjectives that may stand between a determiner and a role noun: la nouvelle députée, l'ancien ministre. */
const PRE_ADJECTIVES = new Set([
  'nouveau', 'nouvel', 'nouvelle', 'ancien', 'ancienne', 'ex', 'jeune', 'vieux', 'vieille', 'futur', 'future', 'premier', 'première',
  'seul', 'seule', 'actuel', 'actuelle', 'principal', 'principale', 'même', 'haut', 'haute', 'grand', 'grande', 'éternel', 'fidèle', 'célèbre', 'influent', 'influente',
]);
/** Prepositions that end a noun phrase (devant ses partisans, lors d'un point presse). */
const NP_ENDERS = new Set(['devant', 'lors', 'en', 'dans', 'avec', 'pour', 'sur', 'sous', 'après', 'avant', 'depuis', 'pendant', 'auprès', 'face', 'vers', 'chez', 'par', 'sans', 'selon', 'malgré', 'à', 'au', 'aux', 'dont', 'où', 'et', 'ou', 'mais', 'qui', 'que', "qu'", 'lorsque', 'quand', 'tandis', 'alors']);
const DE = new Set(['de', "d'", 'du', 'des']);
const MAX_NP = 12;

const spanOf = (items: readonly Item[], a: number, b: number, text: string): Span => {
  const start = items[a]!.start;
  const end = items[b - 1]!.end;
  return { start, end, text: text.slice(start, end) };
};

export interface CueContext {
  text: string;
  discourse: Discourse;
}

/** The entity mention that items[i] starts or lies in, and the first item after it. */
export function nameAt(items: readonly Item[], i: number, hi: number, ctx: CueContext): { mention: number; end: number } | undefined {
  const item = items[i];
  if (!item || item.region !== undefined) return undefined;
  const m = ctx.discourse.mentionIndexAt(item.start);
  if (m < 0) return undefined;
  const mention = ctx.discourse.mentions[m]!;
  if (mention.type === 'MISC') return undefined;
  let end = i + 1;
  while (end < hi && items[end]!.region === undefined && items[end]!.start < mention.end) end++;
  return { mention: m, end };
}

/** A parenthetical right after items[i - 1]: "(Horizons)", "(FBF)". Returns the first item after it. */
function skipParenthetical(items: readonly Item[], i: number, hi: number): number {
  if (items[i]?.text !== '(') return i;
  for (let k = i + 1; k < Math.min(hi, i + 8); k++) if (items[k]!.text === ')') return k + 1;
  return i;
}

function isTitle(item: Item | undefined): boolean {
  if (!item || !hasClass(item, 'title')) return false;
  return item.cap || item.norm === 'maître' || item.norm === 'monsieur' || item.norm === 'madame';
}

/** Multiword entry of words.tsv of class `cls` starting at items[i] ("ce dernier", "d'après", "du côté de"). */
export function phraseAt(items: readonly Item[], i: number, cls: string): { end: number; detail: string } | undefined {
  const first = items[i];
  if (!first) return undefined;
  for (const p of quotesLexicon().phrases.get(first.norm) ?? []) {
    if (p.cls === cls && p.words.every((w, k) => items[i + k]?.norm === w)) return { end: i + p.words.length, detail: p.detail };
  }
  const info = quotesLexicon().words.get(first.norm);
  if (info?.classes.has(cls)) return { end: i + 1, detail: info.detail };
  // an elision the tokenizer split: d' + après
  const next = items[i + 1];
  if (first.norm.endsWith("'") && next && next.start === first.end) {
    const joined = quotesLexicon().words.get(first.norm + next.norm);
    if (joined?.classes.has(cls)) return { end: i + 2, detail: joined.detail };
  }
  return undefined;
}

/** A role noun at items[i] (longest entry first): "avocat général", "porte-parole", "drh". */
function roleAt(items: readonly Item[], i: number): { entry: RoleEntry; end: number } | undefined {
  const words: string[] = [];
  for (let k = i; k < i + 4 && isWord(items[k]); k++) words.push(items[k]!.norm);
  const entry = roleEntry(words);
  return entry ? { entry, end: i + entry.words.length } : undefined;
}

const detGender = (d: string): Gender | undefined => (d === 'la' || d === 'cette' || d === 'sa' || d === 'une' || d === 'ma' ? 'f' : d === 'le' || d === 'ce' || d === 'cet' || d === 'son' || d === 'un' || d === 'mon' || d === 'du' || d === 'au' ? 'm' : undefined);

/**
 * The speaker phrase starting at items[i]: a pronoun, "ce dernier", "celle qui", a name (titles
 * skipped), or a noun phrase with its complements — with an apposed name after a role
 * ("le maire, Frédéric Lagarde") taken as the speaker. Returns the cue and the first item after it.
 */
export function cueForward(items: readonly Item[], i: number, hi: number, ctx: CueContext): { cue: Cue; end: number } | undefined {
  const item = items[i];
  if (!isWord(item) || i >= hi) return undefined;
  const { text } = ctx;
  const last = phraseAt(items, i, 'last');
  if (last && last.end > i + 1) return { cue: { kind: 'last', span: spanOf(items, i, last.end, text), ...genderNumber(last.detail) }, end: last.end };
  const classes = wordClasses(item);
  if (classes?.has('demo') && items[i + 1]?.norm === 'qui') {
    return { cue: { kind: 'demo', span: spanOf(items, i, i + 1, text), ...genderNumber(quotesLexicon().words.get(item.norm)!.detail) }, end: i + 1 };
  }
  if (classes?.has('pron') && !classes.has('det') && item.norm !== 'qui') {
    return { cue: { kind: 'pronoun', span: spanOf(items, i, i + 1, text), pronoun: item.norm }, end: i + 1 };
  }
  if (classes?.has('quant') && !(classes.has('det') && isWord(items[i + 1]) && !looksVerbal(items[i + 1]))) {
    return { cue: { kind: 'anonymous', span: spanOf(items, i, i + 1, text) }, end: i + 1 };
  }
  let k = i;
  while (k < hi && isTitle(items[k])) k++;
  const name = nameAt(items, k, hi, ctx);
  if (name) {
    const end = skipParenthetical(items, name.end, hi);
    return { cue: { kind: 'name', span: spanOf(items, k, name.end, text), mention: name.mention }, end };
  }
  if (k > i) return undefined; // a title without a name we know
  return nounPhrase(items, i, hi, ctx);
}

function genderNumber(detail: string): { gender?: Gender; plural: boolean } {
  const gender = detail.startsWith('f') ? 'f' : detail.startsWith('m') ? 'm' : undefined;
  return { ...(gender && { gender }), plural: detail.endsWith('p') };
}

/** A determiner noun phrase: "la porte-parole de la Commission européenne, Maria Kowalczyk", "un analyste d'Oddo BHF". */
function nounPhrase(items: readonly Item[], i: number, hi: number, ctx: CueContext): { cue: Cue; end: number } | undefined {
  const { text } = ctx;
  const first = items[i]!;
  const detInfo = quotesLexicon().words.get(first.norm);
  const isDet = detInfo?.classes.has('det') ?? false;
  let k = isDet ? i + 1 : i;
  if (!isDet && !roleAt(items, i)) return undefined;
  const indefinite = isDet && detInfo!.detail.includes('indef');
  let gender = isDet ? detGender(first.norm) : undefined;
  const plural = isDet && detInfo!.detail.startsWith('p');
  while (k < hi && (PRE_ADJECTIVES.has(items[k]!.norm) || isTitle(items[k]))) k++;
  // a name right after the determiner: la Fédération bancaire française, l'ARS
  const direct = nameAt(items, k, hi, ctx);
  if (direct) return { cue: { kind: 'name', span: spanOf(items, k, direct.end, text), mention: direct.mention }, end: skipParenthetical(items, direct.end, hi) };
  const role = roleAt(items, k);
  if (!isWord(items[k]) || looksVerbal(items[k]) && !role) return undefined;
  const head = items[k]!.norm;
  let end = role ? role.end : k + 1;
  // complements: adjectives and de-chains, up to a comma, a verb or a preposition that ends the phrase
  while (end < hi && end - i < MAX_NP) {
    const it = items[end]!;
    if (!isWord(it) || it.region !== undefined) break;
    // roles take à-complements: l'adjoint aux finances, la ministre déléguée au Commerce
    if (NP_ENDERS.has(it.norm) && !(role && (it.norm === 'à' || it.norm === 'au' || it.norm === 'aux'))) break;
    if (quotesLexicon().auxiliaries.has(it.norm) || cliticPronoun(it)) break;
    // a person named right after the role: le formateur Pieter Van den Bossche, le Pr Jean-Marc Ollivier
    const name = nameAt(items, end, hi, ctx);
    if (name && !DE.has(items[end - 1]!.norm) && items[end - 1]!.norm !== "l'" && ctx.discourse.mentions[name.mention]!.type === 'PER') {
      const complement = items.slice(role ? role.end : k + 1, end).map((x) => x.norm).join(' ');
      return {
        cue: { kind: 'name', span: spanOf(items, end, name.end, text), mention: name.mention, ...(role && { role: role.entry, complement }) },
        end: skipParenthetical(items, name.end, hi),
      };
    }
    if (name) {
      end = name.end;
      continue;
    }
    if (looksVerbal(it) && !it.norm.endsWith('é') && !it.norm.endsWith('ée')) break;
    end++;
  }
  if (role?.entry.gender) gender = role.entry.gender;
  const complement = items.slice(role ? role.end : k + 1, end).map((x) => x.norm).join(' ');
  // apposition: "le maire, Frédéric Lagarde (Horizons)," — the name is the speaker
  let after = skipParenthetical(items, end, hi);
  if (role && items[after]?.text !== ',') {
    // la cheffe de Québec solidaire dans la région, Maude Létourneau
    let m = after;
    while (m < hi && m - after < 6 && isWord(items[m]) && !looksVerbal(items[m])) m++;
    if (items[m]?.text === ',') after = m;
  }
  if (items[after]?.text === ',' && !indefinite) {
    let n = after + 1;
    while (n < hi && isTitle(items[n])) n++;
    const name = nameAt(items, n, hi, ctx);
    if (name && ctx.discourse.mentions[name.mention]!.type === 'PER') {
      const stop = items[name.end];
      if (!stop || !isWord(stop) || stop.text === '(' || name.end >= hi) {
        return {
          cue: { kind: 'name', span: spanOf(items, n, name.end, text), mention: name.mention, ...(role && { role: role.entry, complement }) },
          end: skipParenthetical(items, name.end, hi),
        };
      }
    }
  }
  if (!isDet && !role) return undefined;
  // the source of written words: le communiqué de la Maison-Blanche
  if (quotesLexicon().sourceNouns.has(head)) {
    let of: Cue | undefined;
    for (let m = k + 1; m < end; m++) {
      if (DE.has(items[m]!.norm)) {
        const sub = cueForward(items, items[m + 1] && hasClass(items[m + 1], 'det') ? m + 1 : m + 1, end, ctx);
        if (sub) {
          of = sub.cue;
          break;
        }
      }
    }
    return { cue: { kind: 'source', span: spanOf(items, i, end, text), ...(of && { of }) }, end };
  }
  return {
    cue: {
      kind: 'role',
      span: spanOf(items, i, end, text),
      ...(role && { role: role.entry }),
      ...(gender && { gender }),
      plural,
      indefinite,
      complement,
      head,
    },
    end,
  };
}

/** Fronted adverbials to skip when looking for a subject: "À la barre,", "Interrogée sur …,", "De son côté,". */
function isAdverbialSegment(items: readonly Item[], a: number, b: number, ctx: CueContext): boolean {
  const first = items[a];
  if (first && first.region === undefined && ctx.discourse.mentionIndexAt(first.start) >= 0) return false;
  if (!first || first.region !== undefined) return true;
  const classes = wordClasses(first);
  if (classes?.has('prep') || classes?.has('subord') || classes?.has('frame') || classes?.has('adv') || classes?.has('conj')) return true;
  if (first.norm === "d'après" || first.norm === 'au' || first.norm === 'aux' || first.norm === 'du' && items[a + 1]?.norm === 'côté') return true;
  if (classes?.has('det') || classes?.has('pron') || classes?.has('title') || classes?.has('last') || classes?.has('demo')) return false;
  return b - a < 14;
}

/**
 * The subject of a verb whose group starts at items[g]: the pronoun or name just before it, or the
 * head of the clause (fronted adverbials, relatives and appositions between commas skipped), with a
 * name apposed to a role taken as the speaker.
 */
export function subjectBefore(items: readonly Item[], g: number, lo: number, ctx: CueContext): Cue | undefined {
  const k = g - 1;
  if (k < lo) return undefined;
  const item = items[k]!;
  const { text } = ctx;
  // ce dernier, cette dernière
  for (const len of [2, 1]) {
    const p = phraseAt(items, k - len + 1, 'last');
    if (p && p.end === k + 1 && k - len + 1 >= lo) return { kind: 'last', span: spanOf(items, k - len + 1, k + 1, text), ...genderNumber(p.detail) };
  }
  const classes = wordClasses(item);
  if (item.norm === 'qui') {
    if (hasClass(items[k - 1], 'demo')) {
      return { kind: 'demo', span: spanOf(items, k - 1, k, text), ...genderNumber(quotesLexicon().words.get(items[k - 1]!.norm)!.detail) };
    }
    const antecedent = antecedentBefore(items, k, lo, ctx);
    return { kind: 'relative', span: spanOf(items, k, k + 1, text), ...(antecedent && { antecedent }) };
  }
  if (classes?.has('pron') && !classes.has('det')) return { kind: 'pronoun', span: spanOf(items, k, k + 1, text), pronoun: item.norm };
  if (classes?.has('quant') && !classes.has('det')) return { kind: 'anonymous', span: spanOf(items, k, k + 1, text) };
  if (classes?.has('quant') && (k === lo || !isWord(items[k - 1]))) return { kind: 'anonymous', span: spanOf(items, k, k + 1, text) };
  // a name just before the verb, not after a preposition: la prévisionniste Clémence Aubriot a détaillé
  const m = ctx.discourse.mentionIndexAt(item.start);
  if (m >= 0 && item.region === undefined) {
    let a = k;
    while (a > lo && ctx.discourse.mentionIndexAt(items[a - 1]!.start) === m) a--;
    let b = a - 1;
    const contracted = (it: Item) => it.norm === 'du' || it.norm === 'des' || it.norm === 'au' || it.norm === 'aux';
    while (b >= lo && (isTitle(items[b]) || (isWord(items[b]) && !items[b]!.cap && !hasClass(items[b], 'prep') && !contracted(items[b]!) && !looksVerbal(items[b]) && !hasClass(items[b], 'conj') && a - b < 5))) {
      if (hasClass(items[b], 'det')) {
        b--;
        break;
      }
      b--;
    }
    if (b < lo || !(hasClass(items[b], 'prep') || contracted(items[b]!)) || items[b]!.text === ',') {
      if (ctx.discourse.mentions[m]!.type !== 'MISC') return { kind: 'name', span: spanOf(items, a, k + 1, text), mention: m };
    }
  }
  // the head of the clause
  let c = k;
  while (c > lo && !isClauseBoundary(items[c - 1]!)) c--;
  return clauseSubject(items, c, g, ctx);
}

function isClauseBoundary(item: Item): boolean {
  return item.text === ':' || item.text === ';' || item.norm === 'que' || item.norm === "qu'" || item.region !== undefined;
}

/** The subject of the clause items[c, g): comma segments, adverbials skipped, appositions read. */
export function clauseSubject(items: readonly Item[], c: number, g: number, ctx: CueContext): Cue | undefined {
  const segments: [number, number][] = [];
  let s = c;
  let depth = 0;
  for (let m = c; m < g; m++) {
    const t = items[m]!.text;
    if (t === '(') depth++;
    else if (t === ')') depth = Math.max(0, depth - 1);
    else if (t === ',' && depth === 0) {
      if (m > s) segments.push([s, m]);
      s = m + 1;
    }
  }
  if (g > s) segments.push([s, g]);
  for (let n = 0; n < segments.length; n++) {
    const [a, b] = segments[n]!;
    if (isAdverbialSegment(items, a, b, ctx) && n < segments.length - 1) continue;
    if (isAdverbialSegment(items, a, b, ctx)) return undefined;
    const found = cueForward(items, a, b, ctx);
    if (!found) return undefined;
    if (found.cue.kind === 'role' && !found.cue.indefinite) {
      // Le président du MR (MR), Olivier de Thiennes, a dénoncé
      const next = segments[n + 1];
      if (next) {
        let m = next[0];
        while (m < next[1] && isTitle(items[m])) m++;
        const name = nameAt(items, m, next[1], ctx);
        if (name && skipParenthetical(items, name.end, next[1]) >= next[1] && ctx.discourse.mentions[name.mention]!.type === 'PER') {
          return { kind: 'name', span: spanOf(items, m, name.end, ctx.text), mention: name.mention, ...(found.cue.role && { role: found.cue.role }), complement: found.cue.complement };
        }
      }
    }
    return found.cue;
  }
  return undefined;
}

/** The antecedent of a relative "qui" at items[q]: the name or noun phrase just before it. */
function antecedentBefore(items: readonly Item[], q: number, lo: number, ctx: CueContext): Cue | undefined {
  let k = q - 1;
  if (items[k]?.text === ',') k--;
  if (items[k]?.text === ')') {
    while (k > lo && items[k]!.text !== '(') k--;
    k--;
  }
  if (k < lo) return undefined;
  const m = ctx.discourse.mentionIndexAt(items[k]!.start);
  if (m >= 0) {
    let a = k;
    while (a > lo && ctx.discourse.mentionIndexAt(items[a - 1]!.start) === m) a--;
    return { kind: 'name', span: spanOf(items, a, k + 1, ctx.text), mention: m };
  }
  // a noun phrase: back to its determiner
  let a = k;
  while (a > lo && a > k - MAX_NP && !hasClass(items[a], 'det') && isWord(items[a - 1])) a--;
  if (!hasClass(items[a], 'det')) return undefined;
  return nounPhrase(items, a, k + 1, ctx)?.cue;
}

/** "on" with the place that says who it is: "Du côté de Matignon, on …", "glisse-t-on chez Vooruit". */
export function placeOfOn(items: readonly Item[], lo: number, hi: number, ctx: CueContext): Cue | undefined {
  for (let m = lo; m < hi; m++) {
    const p = phraseAt(items, m, 'onplace');
    if (!p) continue;
    let n = p.end;
    if (hasClass(items[n], 'det')) n++;
    const name = nameAt(items, n, hi, ctx);
    if (name) return { kind: 'name', span: spanOf(items, n, name.end, ctx.text), mention: name.mention };
  }
  return undefined;
}

export { spanOf };
