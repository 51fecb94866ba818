import type { Span } from '../core/types.js';

export type TimexType = 'date' | 'time' | 'interval' | 'duration' | 'set';
export type TimexGrain =
  | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'season' | 'quarter' | 'year' | 'decade' | 'century';

/** A temporal expression normalised TimeML-style. */
export interface TimeExpression extends Span {
  type: TimexType;
  /** ISO 8601 value (2017-05-10, 2017-05, 2017-W19, 2017-05-10T14:30, 19, 198, XXXX-05-10), null for durations. */
  value: string | null;
  grain?: TimexGrain;
  /** Intervals: first unit, last unit (inclusive), exclusive end. */
  from?: string;
  last?: string;
  to?: string;
  /** Durations and sets: ISO 8601 duration (P3Y, PT2H). */
  duration?: string;
  mod?: string;
  pod?: 'MO' | 'AF' | 'EV' | 'NI';
  /** False when part of the value came from the reference date (a year, a relative day). */
  stated: boolean;
  /** The reference date used to resolve it, when one was used. */
  reference?: string;
  rule?: string;
}
