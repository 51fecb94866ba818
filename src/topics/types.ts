import type { Span } from '../core/types.js';
import type { EntityType } from '../entities/types.js';

export interface KeyPhrase {
  /** The phrase as the text writes it most often. */
  text: string;
  /** Lemma form used to group occurrences (singular and plural are one phrase): "zone de désescalade". */
  lemma: string;
  /** Relevance in the document, 0–1, the best phrase of the document being 1. */
  score: number;
  /** Occurrences in the document. */
  count: number;
  spans: Span[];
  /** When the phrase is a named entity: its id in `analysis.entities` and its type. */
  entity?: { id: string; type: EntityType };
  /** What made the phrase a candidate (`noun-phrase`, `entity`), with --explain. */
  rule?: string;
}

export interface CategoryScore {
  label: string;
  /** Share of the category evidence of the document, 0–1. */
  score: number;
  /** The strongest cues (lexicon terms, entity names), with --explain. */
  cues?: string[];
}

export interface Topics {
  /** Most likely first; several when the text is about several subjects. */
  categories: CategoryScore[];
  /** Most important first. */
  keyphrases: KeyPhrase[];
  /** Which category scheme was used: `built-in` or the user's file. */
  scheme: string;
}
