import type { Component } from '../pipeline/component.js';
import { registry } from '../pipeline/registry.js';
import { extractQuotes } from './extract.js';

export { extractQuotes } from './extract.js';
export type { Quote, Speaker, QuoteKind, SpeakerMethod, NonSpeechKind } from './types.js';

const hasEntities = () => registry.some((c) => c.name === 'entities');

/**
 * Quotations and their speakers. Needs the entities component (speakers are entities); while that
 * component is not registered it falls back to capitalised names and says so in a warning.
 */
export const quotesComponent: Component = {
  name: 'quotes',
  description: 'quotations (« … », “ … ”, dialogue turns) with their speakers, reporting verbs and kinds',
  // read at planning time, after the registry is built: the entities component once it exists
  get needs(): readonly string[] {
    return hasEntities() ? ['entities'] : [];
  },
  adds: ['quotes'],
  defaultOn: true,
  run(analysis, options) {
    const quotes = extractQuotes(analysis, { allQuotes: options.allQuotes ?? false, explain: options.explain ?? false });
    if (analysis.mentions) return { quotes };
    return {
      quotes,
      warnings: [...analysis.warnings, { code: 'W_QUOTES_NO_ENTITIES', message: 'no entity mentions: speakers resolved against capitalised names only' }],
    };
  },
};
