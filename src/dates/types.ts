import type { Span } from '../core/types.js';

export type TimexType = 'date' | 'time' | 'interval' | 'duration' | 'set';
export type TimexGrain =
  | 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'season' | 'quarter' | 'year' | 'decade' | 'century';

/** Where the reference date came from. */
export type ReferenceSource = 'option' | 'metadata' | 'dateline' | 'filename';

/** A temporal expression normalised TimeML-style. */
export interface TimeExpression extends Span {
  type: TimexType;
  /**
   * ISO 8601 value (2017-05-10, 2017-05, 2017-W19, 2017-SU, 2017-Q3, 2017-05-10T14:30, 19 for a century,
   * 198 for a decade, XXXX-05-10 when no reference gives the year; TimeML PRESENT_REF, PAST_REF,
   * FUTURE_REF for vague references; XXXX-WXX-2 for every Tuesday), null for durations.
   */
  value: string | null;
  grain?: TimexGrain;
  /** Intervals: first unit, last unit (inclusive), exclusive end. */
  from?: string;
  last?: string;
  to?: string;
  /** Durations and sets: ISO 8601 duration (P3Y, PT2H, PXD when vague). */
  duration?: string;
  /** TimeML mod: START, MID, END, APPROX, BEFORE, AFTER, MORE_THAN, LESS_THAN, EQUAL_OR_MORE, EQUAL_OR_LESS. */
  mod?: string;
  pod?: 'MO' | 'AF' | 'EV' | 'NI';
  /** False when part of the value came from the reference date (a year, a relative day). */
  stated: boolean;
  /** The reference date used to resolve it, when one was used. */
  reference?: string;
  /** Where the reference came from (--ref-date, document date, dateline, file name). */
  referenceSource?: ReferenceSource;
  /** The date it was counted from when not the reference: speech time in a quote, or the event (la veille). */
  anchor?: string;
  /** Intervals: the two ends as written (du [3 mai] au [5 mai]), each with its own span and value. */
  parts?: TimeExpression[];
  /** Vague reference or quantity (désormais, plusieurs jours): TimeML tags them, ANNOTATION.md does not. */
  vague?: boolean;
  rule?: string;
}
