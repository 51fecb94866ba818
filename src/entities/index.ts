import type { Component, LexiconEntry } from '../pipeline/component.js';
import type { EntityMention } from './types.js';
import { recognize } from './recognize.js';
import { clusterMentions } from './cluster.js';
import type { GazetteerEntry } from './lexicon.js';
import { ExtraitError } from '../core/errors.js';

export type { Entity, EntityMention, EntityRole, EntityType } from './types.js';

const TYPES = new Set(['PER', 'LOC', 'ORG', 'MISC']);

/** The user's `--lexicon` rows as gazetteer entries (type checked; canonical kept). */
export function userLexicon(entries: readonly LexiconEntry[] | undefined): GazetteerEntry[] {
  return (entries ?? []).map((e) => {
    const type = e.type.toUpperCase();
    if (!TYPES.has(type)) throw new ExtraitError('E_LEXICON', `lexicon entry '${e.name}': type '${e.type}' is not PER, LOC, ORG or MISC`);
    return { name: e.name, type: type as GazetteerEntry['type'], kind: 'user', source: 'lexicon', ...(e.canonical && { longName: e.canonical }) };
  });
}

export const entitiesComponent: Component = {
  name: 'entities',
  description: 'named entities (PER, LOC, ORG, MISC) by a trained labeller with gazetteers, clustered into entities with canonical names, gender and roles',
  needs: [],
  adds: ['mentions', 'entities'],
  defaultOn: true,
  run(analysis, options) {
    const lexicon = userLexicon(options.lexicon);
    const found = recognize(analysis.text, analysis.tokens, analysis.sentences, { lexicon });
    const { mentions, entities } = clusterMentions(analysis, found, lexicon);
    const withRules: EntityMention[] = options.explain ? mentions : mentions.map(({ rule: _rule, ...m }) => m);
    return { mentions: withRules, entities };
  },
};
