import type { Analysis } from '../core/analysis.js';
import { round } from './categories.js';
import { compareText } from './collate.js';
import { extractTopics, toScheme } from './extract.js';
import { lower } from './words.js';

export interface CorpusPhrase {
  /** The phrase as the corpus writes it most often. */
  text: string;
  lemma: string;
  /** Summed TF-IDF over the documents, the best phrase of the corpus being 1. */
  score: number;
  /** Documents using the phrase. */
  documents: number;
  /** Occurrences in the whole corpus. */
  count: number;
  /** Ids of the documents using it, in input order. */
  ids: string[];
}

export interface CorpusOptions {
  max?: number;
  /** Candidate phrases taken from each document before ranking (default 40). */
  perDocument?: number;
  /** The category scheme the documents were analysed with (its vocabulary weighs phrases). */
  categories?: unknown;
}

/**
 * Ranks the key phrases of a corpus by TF-IDF over the user's own documents: each document
 * contributes its phrases (grouped by lemma form, entities once) with a weight of 1 + ln(count),
 * times the smoothed inverse document frequency ln((1 + N) / (1 + df)) + 1. A phrase used by
 * many documents adds up over all of them; one used by every document weighs less in each.
 */
export function rankCorpus(analyses: readonly Readonly<Analysis>[], options: CorpusOptions = {}): CorpusPhrase[] {
  const perDocument = options.perDocument ?? 40;
  const categories = options.categories === undefined ? undefined : toScheme(options.categories);
  interface Entry {
    lemma: string;
    forms: Map<string, number>;
    tf: number[];
    ids: string[];
    count: number;
  }
  const entries = new Map<string, Entry>();
  for (const analysis of analyses) {
    const phrases = extractTopics(analysis, { maxPhrases: perDocument, categories }).keyphrases;
    for (const p of phrases) {
      const key = lower(p.lemma);
      let e = entries.get(key);
      if (!e) entries.set(key, (e = { lemma: p.lemma, forms: new Map(), tf: [], ids: [], count: 0 }));
      e.tf.push(p.count);
      e.ids.push(analysis.id);
      e.count += p.count;
      e.forms.set(p.text, (e.forms.get(p.text) ?? 0) + p.count);
    }
  }
  const n = analyses.length;
  const ranked = [...entries.values()].map((e) => {
    const idf = Math.log((1 + n) / (1 + e.tf.length)) + 1;
    const score = e.tf.reduce((s, tf) => s + (1 + Math.log(tf)) * idf, 0);
    return { e, score };
  });
  ranked.sort((a, b) => b.score - a.score || b.e.count - a.e.count || compareText(a.e.lemma, b.e.lemma));
  const best = ranked[0]?.score ?? 1;
  return ranked.slice(0, options.max ?? 30).map(({ e, score }) => ({
    text: [...e.forms].sort((a, b) => b[1] - a[1])[0]![0],
    lemma: e.lemma,
    score: round(score / best),
    documents: e.ids.length,
    count: e.count,
    ids: e.ids,
  }));
}
