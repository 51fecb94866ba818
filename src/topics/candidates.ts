import type { TopicsLexicon } from './lexicon.js';
import { lower, type Word } from './words.js';
import { hasLetter } from '../core/letters.js';

/** One occurrence of a candidate key phrase: words [from, to) of a sentence. */
export interface Occurrence {
  sentence: number;
  from: number;
  to: number;
  start: number;
  end: number;
  paragraph: number;
}

export interface Candidate extends Occurrence {
  /** Grouping key: lemmas of the content words and prepositions, articles left out. */
  key: string;
  /** Lemmas of the content words (nouns, proper nouns, adjectives, participles). */
  content: string[];
  /** Lemma of the head noun (the first noun). */
  head: string;
  /** The phrase has a prepositional complement. */
  complement: boolean;
  /** The first word is a proper noun (its capital is not the sentence's). */
  proper: boolean;
}

const MAX_CONTENT = 6;
const MAX_DEPTH = 2;
/** Past participle endings by infinitive ending: only forms no present tense shares ("continue" is not "continué"). */
const PARTICIPLE: [RegExp, RegExp][] = [
  [/er$/u, /(?:é|ée|és|ées)$/u],
  [/ir$/u, /(?:i|ie|is|ies|u|ue|us|ues|ert|erte|erts|ertes)$/u],
  [/re$/u, /(?:u|ue|us|ues|ise|ises|ite|ites|inte|intes|aint|eint|ointe?s?|orte|ortes)$/u],
];

/**
 * Candidate key phrases of one sentence: noun phrases from the parts of speech. From every noun
 * (or prenominal adjective before one), the phrase grows through proper-noun or noun appositions
 * ("loi Castaing", "assistance vidéo"), adjectives and participles ("hectares brûlés") and up to
 * two complements with a listed preposition and at most a definite article ("prime de partage
 * de la valeur"); every stopping point is a candidate, the grouping and scoring choose.
 */
export function sentenceCandidates(words: readonly Word[], lex: TopicsLexicon): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const startsHere = isNoun(w, lex) || (isPrenominal(w, lex) && i + 1 < words.length && isNoun(words[i + 1]!, lex));
    if (!startsHere) continue;
    const ends = phraseEnds(words, i, 0, lex);
    for (let e = 0; e < ends.length; e++) {
      const to = ends[e]!;
      const candidate = build(words, i, to, lex);
      if (candidate) out.push(candidate);
    }
  }
  return out;
}

function isNoun(w: Word, lex: TopicsLexicon): boolean {
  return (w.pos === 'NOUN' || w.pos === 'PROPN') && (w.kind === 'word' || w.kind === 'abbreviation') && hasLetter(w.form) && !lex.stopwords.has(w.lemma) && !(w.form.length < 2);
}

function isPrenominal(w: Word, lex: TopicsLexicon): boolean {
  return w.pos === 'ADJ' && (lex.prenominal.has(w.lemma) || /ième$/u.test(w.lemma));
}

function isModifier(w: Word, lex: TopicsLexicon): boolean {
  if (lex.skipAdjectives.has(w.lemma) || lex.stopwords.has(w.lemma) || !hasLetter(w.form)) return false;
  if (w.pos === 'ADJ') return true;
  if (w.pos !== 'VERB' || w.form.length <= 3) return false;
  const form = w.form.toLowerCase();
  return PARTICIPLE.some(([infinitive, ending]) => infinitive.test(w.lemma) && ending.test(form));
}

/** End positions (exclusive) of the noun phrases starting at i. */
function phraseEnds(words: readonly Word[], i: number, depth: number, lex: TopicsLexicon): number[] {
  const ends: number[] = [];
  let j = i;
  if (isPrenominal(words[j]!, lex)) j++;
  const head = words[j];
  if (!head || !isNoun(head, lex)) return ends;
  j++;
  if (head.pos === 'PROPN') {
    while (isProperAt(words, j)) j++;
  } else if (isProperAt(words, j)) {
    while (isProperAt(words, j)) j++;
  } else if (j < words.length && words[j]!.pos === 'NOUN' && isNoun(words[j]!, lex) && !lex.boilerplate.has(words[j]!.lemma) && words[j]!.start > words[j - 1]!.end) {
    // noun apposition: "assistance vidéo", "mardi soir" (a following complement decides)
    ends.push(j);
    j++;
  }
  ends.push(j);
  let modifiers = 0;
  let participle = false;
  while (j < words.length && modifiers < 3 && isModifier(words[j]!, lex)) {
    // "le référendum formulé par…", "le centre adopté au terme de…": a participle with an agent or
    // a complement is a verb, not part of the name of the thing
    if (words[j]!.pos === 'VERB' && (isAgent(words[j + 1]) || isPreposition(words[j + 1], lex))) break;
    participle ||= words[j]!.pos === 'VERB';
    j++;
    modifiers++;
    if (isProperAt(words, j)) while (isProperAt(words, j)) j++;
    ends.push(j);
  }
  // a proper noun takes only "de" complements: "Stade de Reims", not "Douai à l'arrêt"
  if (!participle && depth < MAX_DEPTH && isPreposition(words[j], lex) && !(head.pos === 'PROPN' && prepositionOf(words[j]!) !== 'de')) {
    let k = j + 1;
    if (k < words.length && words[k]!.pos === 'DET' && lex.determiners.has(words[k]!.form.toLowerCase().replace('’', "'"))) k++;
    // "victoire à domicile", "mise en examen": only "de" introduces a proper noun ("circonscription à la CAQ" is no phrase)
    const viaDe = prepositionOf(words[j]!) === 'de';
    if (k < words.length && (viaDe || words[k]!.pos !== 'PROPN')) for (const end of phraseEnds(words, k, depth + 1, lex)) ends.push(end);
  }
  return [...new Set(ends)];
}

function isProperAt(words: readonly Word[], k: number): boolean {
  return k < words.length && words[k]!.pos === 'PROPN' && hasLetter(words[k]!.form);
}

/** A lemma that says nothing alone: a stopword or news boilerplate. */
function isEmpty(lemma: string, lex: TopicsLexicon): boolean {
  return lex.stopwords.has(lemma) || lex.boilerplate.has(lemma);
}

function isPreposition(w: Word | undefined, lex: TopicsLexicon): boolean {
  return !!w && w.pos === 'ADP' && lex.prepositions.has(prepositionOf(w));
}

function isAgent(w: Word | undefined): boolean {
  return !!w && w.pos === 'ADP' && w.lemma === 'par';
}

/** "d'" and "du" are "de", "au" and "aux" are "à". */
export function prepositionOf(w: Word): string {
  const form = w.form.toLowerCase().replace('’', "'");
  if (form === "d'" || form === 'du' || form === 'des') return 'de';
  if (form === 'au' || form === 'aux') return 'à';
  return w.lemma;
}

/** The grouping key of words: lemmas, prepositions as "de"/"à"/…, articles out, proper nouns as written (lower case). */
export function phraseKey(words: readonly Word[]): { key: string; content: string[]; head: string; complement: boolean } {
  const key: string[] = [];
  const content: string[] = [];
  let head = '';
  let complement = false;
  for (let k = 0; k < words.length; k++) {
    const w = words[k]!;
    if (w.pos === 'DET') continue;
    if (w.pos === 'ADP') {
      key.push(prepositionOf(w));
      complement = true;
      continue;
    }
    const lemma = w.pos === 'PROPN' ? lower(w.form) : w.lemma;
    if (!head && (w.pos === 'NOUN' || w.pos === 'PROPN')) head = lemma;
    key.push(lemma);
    content.push(lemma);
  }
  return { key: key.join(' '), content, head, complement };
}

function build(words: readonly Word[], from: number, to: number, lex: TopicsLexicon): Candidate | undefined {
  const slice = words.slice(from, to);
  const { key, content, head, complement } = phraseKey(slice);
  if (content.length === 0 || content.length > MAX_CONTENT) return undefined;
  if (content.every((l) => isEmpty(l, lex))) return undefined;
  // "trois heures de débats", "vingt ans requis": a boilerplate head keeps only a real adjective
  // ("troisième trimestre", "jeune public")
  if (lex.boilerplate.has(head) && (complement || slice.some((w) => w.pos === 'VERB'))) return undefined;
  // "portes en août", "bois à proximité": a complement that is boilerplate adds nothing
  if (complement && isEmpty(content[content.length - 1]!, lex)) return undefined;
  const first = words[from]!;
  const last = words[to - 1]!;
  return {
    sentence: first.sentence,
    paragraph: first.paragraph,
    from,
    to,
    start: first.start,
    end: last.end,
    key,
    content,
    head,
    complement,
    proper: first.pos === 'PROPN',
  };
}
