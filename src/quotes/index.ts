import type { Component } from '../pipeline/component.js';
import { extractQuotes } from './extract.js';

export { extractQuotes } from './extract.js';
export type { Quote, Speaker, QuoteKind, SpeakerMethod, NonSpeechKind } from './types.js';

/**
 * Quotations and their speakers. Needs the entities component (speakers are entities); a caller of
 * `extractQuotes` without mentions gets capitalised names as speakers, and a warning.
 */
export const quotesComponent: Component = {
  name: 'quotes',
  description: 'quotations (« … », “ … ”, dialogue turns) with their speakers, reporting verbs and kinds',
  needs: ['entities'],
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
