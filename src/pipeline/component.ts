import type { Analysis } from '../core/analysis.js';
import type { DocumentMeta } from '../core/types.js';

/** One entry of a user lexicon (`--lexicon FILE.tsv`). */
export interface LexiconEntry {
  name: string;
  type: string;
  canonical?: string;
}

export interface AnalyzeOptions {
  /** Metadata of the document (id, source, publication date). */
  meta?: Partial<DocumentMeta>;
  /** Run only these components (and what they need). Default: every component that is on by default. */
  components?: readonly string[];
  /** Switch these components off by name (`--no-pos`). */
  disable?: readonly string[];
  /** Reference date for relative dates (YYYY-MM-DD); else the document's own date. */
  refDate?: string;
  /** Keep the rule that produced each result. */
  explain?: boolean;
  /** Keep quoted material that is not speech (titles, terms, scare quotes) among quotes. */
  allQuotes?: boolean;
  /** User names added to the entity recognizer. */
  lexicon?: readonly LexiconEntry[];
  /** A user category scheme for topics (parsed by the topics component). */
  categories?: unknown;
}

/**
 * A pipeline component: pure, declares what it needs and what it adds, never prints.
 * `run` returns the fields it adds; the pipeline merges them into the analysis.
 */
export interface Component {
  name: string;
  description: string;
  /** Names of the components whose output it reads. */
  needs: readonly string[];
  /** Components whose output it reads when they run (entities for topics): run first, never pulled in. */
  uses?: readonly string[];
  /** Analysis fields it sets. */
  adds: readonly (keyof Analysis)[];
  /** Whether it runs when the user names no components. */
  defaultOn: boolean;
  run(analysis: Readonly<Analysis>, options: AnalyzeOptions): Partial<Analysis>;
}
