import type { TimexGrain } from './types.js';
import type { Holiday } from './lexicon.js';
import {
  addDays, addMonths, daysInMonth, easter, formatDay, formatMonth, formatWeek, formatYear, isValid, seasonMonths, toDays, weekday,
  type Ymd,
} from './calendar.js';

/** Where an expression lies from the reference, as the text says it (dernier, depuis) or its verb implies. */
export type Direction = 'past' | 'future' | 'present';

/** A calendar date as a rule read it: what is stated, and what is left for the reference to fill. */
export interface DateSpec {
  grain: TimexGrain;
  y?: number;
  /** A two-digit year ("octobre 98"). */
  y2?: number;
  m?: number;
  d?: number;
  /** ISO weekday (mardi 10 mai, or a bare weekday). */
  w?: number;
  season?: string;
  quarter?: number;
  half?: number;
  /** Decade as its first three digits (198) and century as its first two (19). */
  decade?: number;
  century?: number;
  holiday?: Holiday;
  /** -1 dernier/passé, +1 prochain. */
  rel?: number;
  /** ce mardi, cet été. */
  thisOne?: boolean;
}

export interface Choice {
  /** Direction implied by the text (tense, preposition); rel and thisOne take precedence. */
  direction?: Direction;
  /** The occurrence must not start before this day (second end of an interval). */
  notBefore?: Ymd;
}

/** A resolved calendar unit: its ISO value and the days it covers. */
export interface Resolved {
  value: string;
  grain: TimexGrain;
  first: Ymd;
  last: Ymd;
  /** Whether every part of the value was written in the text. */
  stated: boolean;
}

const dayRange = (first: Ymd, last: Ymd) => ({ first, last });

function monthRange(y: number, m: number): { first: Ymd; last: Ymd } {
  return dayRange({ y, m, d: 1 }, { y, m, d: daysInMonth(y, m) });
}

/** Expands a two-digit year to the century that puts it at most ten years after the reference. */
export function expandTwoDigitYear(y2: number, ref?: Ymd): number {
  const pivot = ref ? ref.y + 10 : 2050;
  let y = Math.floor(pivot / 100) * 100 + y2;
  if (y > pivot) y -= 100;
  return y;
}

function holidayDay(h: Holiday, y: number): Ymd {
  if (h.easterOffset !== undefined) return addDays(easter(y), h.easterOffset);
  return { y, m: h.month!, d: h.day! };
}

/** The occurrence of a spec in year y (for specs that repeat every year), or undefined when y has none. */
function inYear(spec: DateSpec, y: number): Resolved | undefined {
  if (spec.holiday) {
    const day = holidayDay(spec.holiday, y);
    return { value: formatDay(day), grain: 'day', first: day, last: day, stated: false };
  }
  switch (spec.grain) {
    case 'day': {
      const day = { y, m: spec.m!, d: spec.d! };
      if (!isValid(day)) return undefined;
      return { value: formatDay(day), grain: 'day', first: day, last: day, stated: false };
    }
    case 'month':
      return { value: formatMonth(y, spec.m!), grain: 'month', ...monthRange(y, spec.m!), stated: false };
    case 'season': {
      const { from, last } = seasonMonths(y, spec.season!);
      return { value: `${formatYear(y)}-${spec.season}`, grain: 'season', first: monthRange(from.y, from.m).first, last: monthRange(last.y, last.m).last, stated: false };
    }
    case 'quarter': {
      if (spec.half !== undefined) {
        const h1 = spec.half === 1 ? 1 : 7;
        return { value: `${formatYear(y)}-H${spec.half}`, grain: 'quarter', first: monthRange(y, h1).first, last: monthRange(y, h1 + 5).last, stated: false };
      }
      const m1 = (spec.quarter! - 1) * 3 + 1;
      return { value: `${formatYear(y)}-Q${spec.quarter}`, grain: 'quarter', first: monthRange(y, m1).first, last: monthRange(y, m1 + 2).last, stated: false };
    }
    default:
      return undefined;
  }
}

/** The unresolved value of a spec whose year is unknown: XXXX-05-10, XXXX-05, XXXX-SU, XXXX-WXX-2. */
function unresolved(spec: DateSpec): string {
  if (spec.holiday) {
    const h = spec.holiday;
    return h.month !== undefined ? `XXXX-${String(h.month).padStart(2, '0')}-${String(h.day).padStart(2, '0')}` : 'XXXX-XX-XX';
  }
  switch (spec.grain) {
    case 'day':
      if (spec.m === undefined) return spec.w !== undefined ? `XXXX-WXX-${spec.w}` : 'XXXX-XX-XX';
      return `XXXX-${String(spec.m).padStart(2, '0')}-${String(spec.d).padStart(2, '0')}`;
    case 'month':
      return `XXXX-${String(spec.m).padStart(2, '0')}`;
    case 'season':
      return `XXXX-${spec.season}`;
    case 'quarter':
      return spec.half !== undefined ? `XXXX-H${spec.half}` : `XXXX-Q${spec.quarter}`;
    default:
      return 'XXXX';
  }
}

const distance = (r: Resolved, refDays: number): number => {
  const a = toDays(r.first);
  const b = toDays(r.last);
  return refDays < a ? a - refDays : refDays > b ? refDays - b : 0;
};

/**
 * Picks an occurrence among candidates (in time order) by what the text says:
 * dernier → the last one ended before the reference, prochain → the first one starting after it,
 * a past verb → the last one started by the reference, a future verb → the first one not over by then,
 * otherwise the nearest.
 */
function pick(candidates: Resolved[], ref: Ymd, spec: DateSpec, choice: Choice): Resolved | undefined {
  const r = toDays(ref);
  if (choice.notBefore) {
    const min = toDays(choice.notBefore);
    return candidates.find((c) => toDays(c.first) >= min);
  }
  if (spec.rel !== undefined && spec.rel < 0) return candidates.filter((c) => toDays(c.last) < r).pop();
  if (spec.rel !== undefined && spec.rel > 0) return candidates.find((c) => toDays(c.first) > r);
  if (spec.thisOne) {
    const current = candidates.find((c) => distance(c, r) === 0);
    if (current) return current;
  }
  const past = candidates.filter((c) => toDays(c.first) <= r).pop();
  const future = candidates.find((c) => toDays(c.last) >= r);
  if (!past || !future || past === future) return past ?? future;
  const dPast = distance(past, r);
  const dFuture = distance(future, r);
  // a tense is a strong hint, but not against an occurrence five times closer ("avant de quitter
  // ses fonctions le 30 octobre", written in September, is the coming one)
  if (choice.direction === 'past') return dFuture * 5 < dPast ? future : past;
  if (choice.direction === 'future') return dPast * 5 < dFuture ? past : future;
  // no tense: news tell more of what happened; the past one unless the next is twice as close
  return dFuture * 2 < dPast ? future : past;
}

/** A weekday near the reference (mardi, mardi dernier, ce mardi, mardi prochain). */
function resolveWeekday(spec: DateSpec, ref: Ymd, choice: Choice): Resolved {
  const r = toDays(ref);
  const offset = ((spec.w! - weekday(ref)) % 7 + 7) % 7;
  const candidates: Resolved[] = [];
  for (let k = -14; k <= 14; k += 7) {
    const day = addDays(ref, offset + k);
    candidates.push({ value: formatDay(day), grain: 'day', first: day, last: day, stated: false });
  }
  let chosen: Resolved | undefined;
  if (choice.notBefore) chosen = candidates.find((c) => toDays(c.first) >= toDays(choice.notBefore!));
  else if (spec.rel !== undefined && spec.rel < 0) chosen = candidates.filter((c) => toDays(c.first) < r).pop();
  else if (spec.rel !== undefined && spec.rel > 0) chosen = candidates.find((c) => toDays(c.first) > r);
  else if (offset === 0 && (spec.thisOne || choice.direction !== 'future')) chosen = candidates.find((c) => toDays(c.first) === r);
  else if (choice.direction === 'past') chosen = candidates.filter((c) => toDays(c.first) <= r).pop();
  else if (choice.direction === 'future') chosen = candidates.find((c) => toDays(c.first) > r);
  else {
    const before = candidates.filter((c) => toDays(c.first) < r).pop()!;
    const after = candidates.find((c) => toDays(c.first) > r)!;
    chosen = r - toDays(before.first) <= toDays(after.first) - r ? before : after;
  }
  return chosen!;
}

/** The ISO value and day range of a spec, using the reference for what the text leaves out. */
export function resolveSpec(spec: DateSpec, ref: Ymd | undefined, choice: Choice = {}): Resolved | { value: string; grain: TimexGrain; stated: false; unresolved: true } {
  if (spec.century !== undefined) {
    const y = spec.century * 100;
    return { value: String(spec.century).padStart(2, '0'), grain: 'century', first: { y, m: 1, d: 1 }, last: { y: y + 99, m: 12, d: 31 }, stated: true };
  }
  if (spec.decade !== undefined) {
    const y = spec.decade * 10;
    return { value: String(spec.decade), grain: 'decade', first: { y, m: 1, d: 1 }, last: { y: y + 9, m: 12, d: 31 }, stated: true };
  }
  const year = spec.y ?? (spec.y2 !== undefined ? expandTwoDigitYear(spec.y2, ref) : undefined);
  if (spec.grain === 'year') {
    return { value: formatYear(year!), grain: 'year', first: { y: year!, m: 1, d: 1 }, last: { y: year!, m: 12, d: 31 }, stated: spec.y2 === undefined || ref === undefined };
  }
  if (year !== undefined) {
    const r = inYear(spec, year);
    if (r) return { ...r, stated: true };
    return { value: unresolved(spec).replace('XXXX', formatYear(year)), grain: spec.grain, stated: false, unresolved: true };
  }
  if (!ref) return { value: unresolved(spec), grain: spec.grain, stated: false, unresolved: true };
  if (spec.grain === 'day' && spec.m === undefined && spec.holiday === undefined) {
    if (spec.d !== undefined) return resolveDayOfMonth(spec, ref, choice);
    return resolveWeekday(spec, ref, choice);
  }
  const candidates: Resolved[] = [];
  for (let y = ref.y - 2; y <= ref.y + 2; y++) {
    const c = inYear(spec, y);
    if (c) candidates.push(c);
  }
  // "mardi 10 mai": prefer the years where 10 May is a Tuesday
  const matching = spec.w !== undefined ? candidates.filter((c) => weekday(c.first) === spec.w) : [];
  const chosen = pick(matching.length ? matching : candidates, ref, spec, choice);
  return chosen ?? { value: unresolved(spec), grain: spec.grain, stated: false, unresolved: true };
}

/** "le mardi 10": day of a month left unsaid, the month around the reference. */
function resolveDayOfMonth(spec: DateSpec, ref: Ymd, choice: Choice): Resolved {
  const candidates: Resolved[] = [];
  for (let k = -2; k <= 2; k++) {
    const { y, m } = addMonths(ref.y, ref.m, k);
    const day = { y, m, d: spec.d! };
    if (isValid(day) && (spec.w === undefined || weekday(day) === spec.w)) candidates.push({ value: formatDay(day), grain: 'day', first: day, last: day, stated: false });
  }
  return pick(candidates, ref, spec, choice) ?? candidates[0] ?? { value: `XXXX-XX-${String(spec.d).padStart(2, '0')}`, grain: 'day', first: ref, last: ref, stated: false };
}

/** Shifts the reference by n units and gives the unit it lands in (hier, la semaine prochaine, l'an dernier). */
export function shiftReference(ref: Ymd | undefined, unit: string, n: number): Resolved | { value: string; grain: TimexGrain; stated: false; unresolved: true } {
  const grainOf: Record<string, TimexGrain> = { D: 'day', W: 'week', M: 'month', Y: 'year', Q: 'quarter', CENT: 'century', DEC: 'decade' };
  const grain = grainOf[unit] ?? 'day';
  if (!ref) {
    const blank: Record<string, string> = { D: 'XXXX-XX-XX', W: 'XXXX-WXX', M: 'XXXX-XX', Y: 'XXXX', Q: 'XXXX-QX', CENT: 'XX', DEC: 'XXX' };
    return { value: blank[unit] ?? 'XXXX-XX-XX', grain, stated: false, unresolved: true };
  }
  switch (unit) {
    case 'W': {
      const day = addDays(ref, 7 * n);
      const monday = addDays(day, 1 - weekday(day));
      return { value: formatWeek(day), grain, first: monday, last: addDays(monday, 6), stated: false };
    }
    case 'M': {
      const { y, m } = addMonths(ref.y, ref.m, n);
      return { value: formatMonth(y, m), grain, ...monthRange(y, m), stated: false };
    }
    case 'Y': {
      const y = ref.y + n;
      return { value: formatYear(y), grain, first: { y, m: 1, d: 1 }, last: { y, m: 12, d: 31 }, stated: false };
    }
    case 'Q': {
      const index = ref.y * 4 + Math.floor((ref.m - 1) / 3) + n;
      const y = Math.floor(index / 4);
      const q = index - y * 4 + 1;
      return { value: `${formatYear(y)}-Q${q}`, grain, first: monthRange(y, q * 3 - 2).first, last: monthRange(y, q * 3).last, stated: false };
    }
    case 'CENT': {
      const c = Math.floor(ref.y / 100) + n;
      return { value: String(c).padStart(2, '0'), grain, first: { y: c * 100, m: 1, d: 1 }, last: { y: c * 100 + 99, m: 12, d: 31 }, stated: false };
    }
    case 'DEC': {
      const d = Math.floor(ref.y / 10) + n;
      return { value: String(d), grain, first: { y: d * 10, m: 1, d: 1 }, last: { y: d * 10 + 9, m: 12, d: 31 }, stated: false };
    }
    default: {
      const day = addDays(ref, n);
      return { value: formatDay(day), grain: 'day', first: day, last: day, stated: false };
    }
  }
}

export function isResolved(r: Resolved | { unresolved: true }): r is Resolved {
  return !('unresolved' in r);
}
