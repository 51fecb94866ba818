import { ExtraitError } from '../core/errors.js';
import type { Component } from '../pipeline/component.js';
import { categorizeWithTerms } from './categories.js';
import { extractKeyPhrases } from './keyphrases.js';
import { topicsLexicon } from './lexicon.js';
import { isScheme, parseScheme, readSchemeFile, type CategoryScheme } from './scheme.js';
import { sentenceWords } from './words.js';
import type { Analysis } from '../core/analysis.js';
import type { Topics } from './types.js';

export type { Topics, KeyPhrase, CategoryScore } from './types.js';
export { parseScheme, readSchemeFile, type CategoryScheme } from './scheme.js';
export { rankCorpus, type CorpusPhrase } from './corpus.js';

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

function toScheme(value: unknown): CategoryScheme {
  if (isScheme(value)) return value;
  if (typeof value === 'string') return readSchemeFile(value);
  if (value && typeof value === 'object') return parseScheme(JSON.stringify(value), 'categories option');
  throw new ExtraitError('E_USAGE', 'categories: expected a scheme, a file path or {label: [terms]}');
}

/**
 * Key phrases (noun phrases from parts of speech, entities listed once) and subject categories
 * (lexicon cues and entity types). Reads the entities when that component ran before it.
 */
export const topicsComponent: Component = {
  name: 'topics',
  description: 'key phrases and subject categories',
  needs: ['pos'],
  adds: ['topics'],
  defaultOn: true,
  run(analysis, options) {
    return { topics: extractTopics(analysis, { categories: options.categories, explain: options.explain ?? false }) };
  },
};
