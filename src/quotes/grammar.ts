import type { FormKind } from './conjugate.js';
import { quotesLexicon, type ReportingReading, type VerbClass } from './lexicon.js';
import type { Item } from './view.js';
import { hasLetterOrNumber } from '../core/letters.js';

/** A reporting verb group found in the items: a-t-il déclaré, s'est exclamé, estime-t-elle, a tenu à préciser. */
export interface VerbGroup {
  lemma: string;
  verbClass: VerbClass;
  /** First and last item of the group (auxiliary, clitics and negation included). */
  first: number;
  last: number;
  /** The lexical verb. */
  main: number;
  kind: FormKind;
  /** There is an auxiliary (a déclaré) or the form is finite. */
  finite: boolean;
  /** Subject clitic of an inverted form (a-t-il, estime-t-elle), as a pronoun. */
  clitic?: { item: number; pronoun: string };
  negated: boolean;
  /** Past participle with être or without auxiliary and not reflexive: qualifié de « … » par X. */
  passive: boolean;
  person?: number;
  plural?: boolean;
}

const OBJECT_CLITICS = new Set(["lui", "leur", "nous", "vous", "me", "m'", "te", "t'", "l'", "le", "la", "les", "y", "en"]);
const REFLEXIVE = new Set(['se', "s'", 'me', "m'", 'te', "t'", 'nous', 'vous']);
const MAX_ADVERBS = 3;

/** A word of the items: not punctuation, not a placeholder. */
export const isWord = (item: Item | undefined): item is Item => item !== undefined && item.region === undefined && hasLetterOrNumber(item.text);

export function wordClasses(item: Item | undefined): Set<string> | undefined {
  return item ? quotesLexicon().words.get(item.norm)?.classes : undefined;
}

export const hasClass = (item: Item | undefined, cls: string): boolean => wordClasses(item)?.has(cls) ?? false;
const hasClassOf = hasClass;

/** The subject pronoun of an inverted clitic token: "-t-il" → il, "-elles" → elles. */
export function cliticPronoun(item: Item | undefined): string | undefined {
  if (!item || !item.norm.startsWith('-')) return undefined;
  const p = item.norm.replace(/^-(?:t-)?/, '');
  return ['il', 'elle', 'on', 'ils', 'elles', 'je', 'nous', 'vous', 'tu'].includes(p) ? p : undefined;
}

export function auxiliary(item: Item | undefined): 'avoir' | 'être' | undefined {
  return item && item.region === undefined ? quotesLexicon().auxiliaries.get(item.norm) : undefined;
}

/** Readings of an item as a reporting verb (tokens' own lemma from the pos component counts too). */
export function readings(item: Item | undefined, tokensLemma?: string): ReportingReading[] {
  if (!item || item.region !== undefined) return [];
  const lex = quotesLexicon();
  const found = lex.verbs.get(item.norm);
  if (found) return found;
  if (tokensLemma && lex.reportingLemmas.has(tokensLemma)) {
    const any = lex.verbs.get(tokensLemma);
    const reading = any?.[0];
    if (reading) return [{ ...reading, kind: 'finite' }];
  }
  return [];
}

/** A word that may stand between an auxiliary and its participle: adverbs (toutefois, sèchement, quant à lui). */
export function isAdverbLike(item: Item | undefined): boolean {
  if (!isWord(item) || item.cap || item.norm.startsWith('-')) return false;
  const classes = wordClasses(item);
  if (classes && (classes.has('pron') || classes.has('title') || classes.has('subord') || classes.has('conj'))) {
    return item.norm === 'lui' || item.norm === 'elle' || item.norm === 'eux';
  }
  if (auxiliary(item) || readings(item).length) return false;
  return true;
}

/** A word that looks like a conjugated verb, for telling nouns from verbs without a tagger. */
export function looksVerbal(item: Item | undefined): boolean {
  if (!isWord(item)) return false;
  if (item.token !== undefined && verbPos(item)) return true;
  const lex = quotesLexicon();
  if (lex.auxiliaries.has(item.norm) || lex.modals.has(item.norm)) return true;
  if (readings(item).some((r) => r.kind === 'finite' || r.kind === 'gerund')) return true;
  return /(?:ait|aient|erait|eraient|era|eront|èrent|issent)$/.test(item.norm) && item.norm.length > 4;
}

let posOf: ((item: Item) => string | undefined) | undefined;
/** Lets the grammar read part-of-speech tags when the pos component ran. */
export function usePos(lookup: ((item: Item) => string | undefined) | undefined): void {
  posOf = lookup;
}
function verbPos(item: Item): boolean {
  const pos = posOf?.(item);
  return pos === 'VERB' || pos === 'AUX';
}

/**
 * The reporting verb group whose lexical verb is items[j], read leftwards for its auxiliary,
 * adverbs, clitics, reflexive pronoun, negation and modal (a tenu à préciser, n'a pas dit).
 */
export function verbGroupAt(items: readonly Item[], j: number, lo: number): VerbGroup | undefined {
  const all = readings(items[j]);
  if (!all.length) return undefined;
  // multiword verbs need their tail (fait valoir)
  const usable = all.filter((r) => r.tail.every((w, k) => items[j + 1 + k]?.norm === w));
  if (!usable.length) return undefined;
  const withTail = usable.filter((r) => r.tail.length);
  const pool = withTail.length ? withTail : usable;
  const finiteR = pool.find((r) => r.kind === 'finite' && r.person === 3) ?? pool.find((r) => r.kind === 'finite');
  const participleR = pool.find((r) => r.kind === 'participle');
  const gerundR = pool.find((r) => r.kind === 'gerund');
  const infinitiveR = pool.find((r) => r.kind === 'infinitive');

  let k = j - 1;
  let adverbs = 0;
  const skipAdverbs = () => {
    adverbs = 0;
    while (k >= lo && adverbs < MAX_ADVERBS && isAdverbLike(items[k]) && !auxiliary(items[k])) {
      k--;
      adverbs++;
    }
  };
  let negated = false;
  const negationAt = (i: number) => quotesLexicon().negations.has(items[i]?.norm ?? '');
  let reading: ReportingReading | undefined;
  let finite = false;
  let passive = false;
  let clitic: VerbGroup['clitic'];
  let reflexive = false;

  if (participleR) {
    const save = k;
    skipAdverbs();
    if (k >= lo && negationAt(k)) {
      negated = true;
      k--;
    }
    // inverted: a-t-il déclaré
    const pr = cliticPronoun(items[k]);
    if (pr && auxiliary(items[k - 1])) {
      clitic = { item: k, pronoun: pr };
      k--;
    }
    const aux = auxiliary(items[k]);
    if (k >= lo && aux) {
      reading = participleR;
      finite = true;
      k--;
      if (REFLEXIVE.has(items[k]?.norm ?? '') && k >= lo) {
        reflexive = true;
        k--;
      } else if (aux === 'être' && participleR.reflexive === 'never') {
        // été déclaré, a été qualifié: passive unless the verb takes être (est reparti)
        passive = true;
      }
      if (items[k + 1]?.norm === 'été' && auxiliary(items[k]) === 'avoir') {
        passive = true; // a été déclaré
        k--;
      }
    } else if (k >= lo && hasClassOf(items[k], 'conj') && items.slice(lo, k).some((it) => auxiliary(it) === 'avoir')) {
      reading = participleR;
      finite = true;
      k = j - 1;
    } else {
      k = save;
      if (!finiteR && !gerundR && !infinitiveR) {
        reading = participleR;
        passive = true; // qualifié d'« affaire interne » par Moscou
        k = j - 1;
      }
    }
  }
  if (!reading && finiteR) {
    reading = finiteR;
    finite = true;
    const pr = cliticPronoun(items[j + 1]);
    if (pr) clitic = { item: j + 1, pronoun: pr };
  }
  if (!reading && gerundR) reading = gerundR;
  if (!reading && infinitiveR) {
    reading = infinitiveR;
    // a tenu à préciser, vient de déclarer, n'a pas manqué de souligner
    let m = k;
    if (m >= lo && (items[m]!.norm === 'à' || items[m]!.norm === 'de' || items[m]!.norm === "d'")) m--;
    const modal = quotesLexicon().modals.get(items[m]?.norm ?? '');
    if (modal) {
      k = m - 1;
      finite = true;
      const inner = verbGroupOfModal(items, m, lo);
      k = inner.k;
      if (inner.negated && !quotesLexicon().positiveModals.has(modal)) negated = true;
      if (inner.clitic) clitic = inner.clitic;
    }
  }
  if (!reading) return undefined;
  // a determiner makes it a noun: les jurés, un rappel, des confidences
  const before = items[j - 1];
  if (before && j - 1 >= lo && hasClassOf(before, 'det') && !finite) return undefined;
  if (before && j - 1 >= lo && hasClassOf(before, 'det') && reading === finiteR && !OBJECT_CLITICS.has(before.norm)) return undefined;
  // reflexive and object clitics, negation: il ne l'a pas dit, s'est exclamé
  while (k >= lo && (OBJECT_CLITICS.has(items[k]!.norm) || REFLEXIVE.has(items[k]!.norm)) && !items[k]!.cap) {
    if (REFLEXIVE.has(items[k]!.norm)) reflexive = true;
    k--;
  }
  if (k >= lo && (items[k]!.norm === 'ne' || items[k]!.norm === "n'")) {
    const after = items.slice(k + 1, reading === finiteR ? j + 3 : j + 1);
    if (after.some((it) => quotesLexicon().negations.has(it.norm))) negated = true;
    k--;
  }
  if (!negated && reading === finiteR) {
    // dit pas: the negation after a simple form
    const n = items[clitic ? j + 2 : j + 1];
    if (n && quotesLexicon().negations.has(n.norm) && items.slice(Math.max(lo, j - 3), j).some((it) => it.norm === 'ne' || it.norm === "n'")) negated = true;
  }
  if (reading.reflexive === 'only' && !reflexive) return undefined;
  const last = Math.max(j + reading.tail.length, clitic?.item ?? j);
  return {
    lemma: reading.lemma,
    verbClass: reading.verbClass,
    first: k + 1,
    last,
    main: j,
    kind: reading.kind,
    finite,
    ...(clitic && { clitic }),
    negated,
    passive: passive && !reflexive,
    ...(reading.person !== undefined && { person: reading.person, plural: reading.plural }),
  };
}

function verbGroupOfModal(items: readonly Item[], m: number, lo: number): { k: number; negated: boolean; clitic?: VerbGroup['clitic'] } {
  let k = m - 1;
  let negated = false;
  let clitic: VerbGroup['clitic'];
  const pr = cliticPronoun(items[m + 1]);
  if (pr) clitic = { item: m + 1, pronoun: pr };
  while (k >= lo && quotesLexicon().negations.has(items[k]!.norm)) {
    negated = true;
    k--;
  }
  const cl = cliticPronoun(items[k]);
  if (cl && auxiliary(items[k - 1])) {
    clitic = { item: k, pronoun: cl };
    k--;
  }
  if (k >= lo && auxiliary(items[k])) k--;
  return { k, negated, ...(clitic && { clitic }) };
}

/**
 * A reporting verb group starting at items[i] (after a quotation or inside it: "a-t-il ajouté",
 * "estime-t-elle", "a déclaré le maire", "s'est exclamé X"). Returns the group, or undefined.
 */
export function verbGroupFrom(items: readonly Item[], i: number, hi: number): VerbGroup | undefined {
  let j = i;
  if (j < hi && (items[j]!.norm === 'se' || items[j]!.norm === "s'")) j++;
  // auxiliary, clitic, adverbs, participle: a-t-il ajouté, a aussitôt réagi
  if (j < hi && auxiliary(items[j])) {
    let m = j + 1;
    if (cliticPronoun(items[m])) m++;
    let adverbs = 0;
    while (m < hi && adverbs < MAX_ADVERBS && !readings(items[m]).some((r) => r.kind === 'participle') && isAdverbLike(items[m])) {
      m++;
      adverbs++;
    }
    if (m < hi && readings(items[m]).some((r) => r.kind === 'participle')) {
      const g = verbGroupAt(items, m, i);
      return g && g.first <= i ? { ...g, first: i } : g;
    }
    // a tenu à préciser
    const modal = quotesLexicon().modals.get(items[m]?.norm ?? '');
    if (modal) {
      let n = m + 1;
      if (items[n]?.norm === 'à' || items[n]?.norm === 'de' || items[n]?.norm === "d'") n++;
      const g = verbGroupAt(items, n, i);
      return g ? { ...g, first: i } : undefined;
    }
    return undefined;
  }
  if (j < hi) {
    const g = verbGroupAt(items, j, i);
    if (g && g.finite) return { ...g, first: i };
  }
  return undefined;
}
