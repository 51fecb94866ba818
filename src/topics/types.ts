import type { Span } from '../core/types.js';

export interface KeyPhrase {
  text: string;
  /** Lemma form used to group occurrences (singular and plural are one phrase). */
  lemma: string;
  score: number;
  count: number;
  spans: Span[];
}

export interface CategoryScore {
  label: string;
  score: number;
}

export interface Topics {
  categories: CategoryScore[];
  keyphrases: KeyPhrase[];
}
