/** UPOS and lemma accuracy against CoNLL-U gold, per syntactic word (as UD scores taggers). */
import type { ConlluSentence } from '../conllu/index.js';
import type { SyntacticWord } from '../core/types.js';
import { normalizeForm } from './text.js';

export interface WordPrediction {
  pos: string;
  lemma: string;
  parts?: SyntacticWord[];
}

export interface Accuracy {
  words: number;
  upos: number;
  lemma: number;
  /** Lemmas equal up to case. */
  lemmaNoCase: number;
  /** Surface tokens whose label (ADP+DET for du) is right, out of `tokens`. */
  tokens: number;
  tokenLabels: number;
}

export const emptyAccuracy = (): Accuracy => ({ words: 0, upos: 0, lemma: 0, lemmaNoCase: 0, tokens: 0, tokenLabels: 0 });

export interface Mistake {
  form: string;
  gold: string;
  predicted: string;
  kind: 'upos' | 'lemma';
}

const sameLemma = (a: string, b: string) => normalizeForm(a) === normalizeForm(b);

/**
 * Scores predictions for the gold surface tokens of each sentence. A multiword token's words are
 * compared with the predicted parts, in order; without parts, each word with the token's own tag.
 */
export function scoreSentence(sentence: ConlluSentence, predicted: readonly (WordPrediction | undefined)[], acc: Accuracy, mistakes?: Mistake[]): void {
  sentence.tokens.forEach((token, i) => {
    const p = predicted[i];
    acc.tokens++;
    if (p && p.pos === token.words.map((w) => w.upos).join('+')) acc.tokenLabels++;
    token.words.forEach((gold, k) => {
      const guess = p && token.words.length > 1 ? (p.parts?.[k] ?? p) : p;
      acc.words++;
      const pos = guess?.pos ?? '';
      const lemma = guess?.lemma ?? '';
      if (pos === gold.upos) acc.upos++;
      else mistakes?.push({ form: gold.form, gold: gold.upos, predicted: pos, kind: 'upos' });
      if (sameLemma(lemma, gold.lemma)) acc.lemma++;
      else mistakes?.push({ form: gold.form, gold: gold.lemma, predicted: lemma, kind: 'lemma' });
      if (sameLemma(lemma.toLowerCase(), gold.lemma.toLowerCase())) acc.lemmaNoCase++;
    });
  });
}
