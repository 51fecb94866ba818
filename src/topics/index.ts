import type { Component } from '../pipeline/component.js';
import { extractTopics } from './extract.js';

export type { Topics, KeyPhrase, CategoryScore } from './types.js';
export { parseScheme, readSchemeFile, type CategoryScheme } from './scheme.js';
export { rankCorpus, type CorpusPhrase } from './corpus.js';
export { extractTopics, toScheme, type TopicsOptions } from './extract.js';

/**
 * Key phrases (noun phrases from parts of speech, entities listed once) and subject categories
 * (lexicon cues and entity types). Reads the entities when that component ran before it.
 */
export const topicsComponent: Component = {
  name: 'topics',
  description: 'key phrases and subject categories',
  needs: ['pos'],
  uses: ['entities'],
  adds: ['topics'],
  defaultOn: true,
  run(analysis, options) {
    return { topics: extractTopics(analysis, { categories: options.categories, explain: options.explain ?? false }) };
  },
};
