import type { Component } from '../pipeline/component.js';
import { extractDates } from './extract.js';

export type { TimeExpression, TimexType, TimexGrain } from './types.js';
export { extractDates } from './extract.js';
export { findReference } from './reference.js';
export { withinAnnotationScope } from './scope.js';

/** Temporal expressions found and normalised to ISO 8601 (TimeML-style values). */
export const datesComponent: Component = {
  name: 'dates',
  description: 'dates, times, durations and intervals normalised to ISO 8601',
  needs: [],
  adds: ['dates'],
  defaultOn: true,
  run(analysis, options) {
    return {
      dates: extractDates(analysis, {
        ...(options.refDate !== undefined && { refDate: options.refDate }),
        ...(options.explain !== undefined && { explain: options.explain }),
      }),
    };
  },
};
