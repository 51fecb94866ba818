import { ExtraitError } from '../core/errors.js';
import type { Analysis } from '../core/analysis.js';
import { categorizeWithTerms } from './categories.js';
import { extractKeyPhrases } from './keyphrases.js';
import { topicsLexicon } from './lexicon.js';
import { isScheme, parseScheme, readSchemeFile, type CategoryScheme } from './scheme.js';
import type { Topics } from './types.js';
import { sentenceWords } from './words.js';

export interface TopicsOptions {
  /** A category scheme replacing the built-in one: parsed, a file path, or `{label: [terms]}`. */
  categories?: unknown;
  explain?: boolean;
  /** Key phrases kept per document (default 10). */
  maxPhrases?: number;
}

/** Key phrases and categories of an analysed (tagged) document. */
export function extractTopics(analysis: Readonly<Analysis>, options: TopicsOptions = {}): Topics {
  const lex = topicsLexicon();
  const scheme = options.categories === undefined ? lex.scheme : toScheme(options.categories);
  const sentences = sentenceWords(analysis);
  const explain = options.explain ?? false;
  const { categories, terms } = categorizeWithTerms(analysis, sentences, { scheme, entityCues: scheme === lex.scheme ? lex.entityCues : [], explain });
  const subjects = new Set(categories.map((c) => c.label));
  return {
    categories,
    keyphrases: extractKeyPhrases(analysis, sentences, lex, { max: options.maxPhrases ?? 10, explain, terms, subjects }),
    scheme: scheme.source,
  };
}

/** A category scheme from what the library or the CLI was given: parsed, a file path, or `{label: [terms]}`. */
export function toScheme(value: unknown): CategoryScheme {
  if (isScheme(value)) return value;
  if (typeof value === 'string') return readSchemeFile(value);
  if (value && typeof value === 'object') return parseScheme(JSON.stringify(value), 'categories option');
  throw new ExtraitError('E_USAGE', 'categories: expected a scheme, a file path or {label: [terms]}');
}

