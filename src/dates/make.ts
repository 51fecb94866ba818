import type { TimeExpression, TimexGrain, ReferenceSource } from './types.js';
import type { Frame } from './frames.js';
import { addDays, addMonths, formatDay, formatMonth, formatTime, formatWeek, formatYear, parseIsoDay, toDays, weekday, type Ymd } from './calendar.js';
import { isResolved, resolveSpec, shiftReference, type DateSpec, type Direction, type Resolved } from './spec.js';

/** What resolution knows about the place of an expression. */
export interface Env {
  /** The reference date: the document's, or the speech time of a quote. */
  ref?: Ymd;
  refSource?: ReferenceSource;
  /** Set when `ref` is a speech time rather than the document's reference. */
  speechAnchor?: Ymd;
  direction?: Direction;
  /** The day the text was last talking about (for times, la veille, dans la nuit). */
  contextDay?: { day: Ymd; stated: boolean };
  /** Second end of an interval: not before the first. */
  notBefore?: Ymd;
}

/** A resolved expression, with the day range it covers for what comes after it. */
export interface Made {
  expr: Omit<TimeExpression, 'start' | 'end' | 'text'>;
  first?: Ymd;
  last?: Ymd;
  /** Whether the expression names one day (a date at day grain or a clock time). */
  day?: Ymd;
}

const GRAIN: Record<string, TimexGrain> = { S: 'second', MIN: 'minute', H: 'hour', D: 'day', W: 'week', M: 'month', Y: 'year', Q: 'quarter' };

function iso(d: Ymd | undefined): string | undefined {
  return d ? formatDay(d) : undefined;
}

function referenceFields(env: Env, stated: boolean): Partial<TimeExpression> {
  if (stated) return {};
  const out: Partial<TimeExpression> = {};
  if (env.ref) out.reference = iso(env.ref)!;
  if (env.refSource) out.referenceSource = env.refSource;
  if (env.speechAnchor) out.anchor = iso(env.speechAnchor)!;
  return out;
}

function fromResolved(r: ReturnType<typeof resolveSpec>, env: Env, extra: Partial<TimeExpression> = {}): Made {
  const expr = { type: 'date' as const, value: r.value, grain: r.grain, stated: r.stated, ...extra, ...referenceFields(env, r.stated) };
  if (!isResolved(r)) return { expr };
  return { expr, first: r.first, last: r.last, ...(r.grain === 'day' && { day: r.first }) };
}

/** Exclusive end of a unit of this grain whose last day is `last` (the next day, month, year…), as an ISO value. */
export function exclusiveEndAfter(grain: TimexGrain | undefined, last: Ymd): string {
  switch (grain) {
    case 'month': {
      const n = addMonths(last.y, last.m, 1);
      return formatMonth(n.y, n.m);
    }
    case 'year':
      return formatYear(last.y + 1);
    case 'decade':
      return String(Math.floor(last.y / 10) + 1);
    case 'century':
      return String(Math.floor(last.y / 100) + 1).padStart(2, '0');
    default:
      return formatDay(addDays(last, 1));
  }
}

const exclusiveEnd = (r: Resolved): string => exclusiveEndAfter(r.grain, r.last);

function interval(a: Resolved, b: Resolved, env: Env, stated: boolean): Made {
  return {
    expr: { type: 'interval', value: `${a.value}/${b.value}`, from: a.value, last: b.value, to: exclusiveEnd(b), grain: b.grain, stated, ...referenceFields(env, stated) },
    first: a.first,
    last: b.last,
  };
}

const DATE_UNITS = ['Y', 'M', 'W', 'D'];
const TIME_UNITS = ['H', 'MIN', 'S'];

/** ISO 8601 duration of one or two amounts: P3Y, PT30.4S, P2Y3M, PT1H20M, PXD when vague. */
function durationValue(amount: number | undefined, unit: string, and?: { unit: string; amount: number }): string {
  const parts = [{ unit, amount }, ...(and ? [and] : [])];
  const write = (p: { unit: string; amount: number | undefined }) => `${p.amount === undefined ? 'X' : String(Number(p.amount.toFixed(3)))}${p.unit === 'MIN' ? 'M' : p.unit}`;
  const date = DATE_UNITS.flatMap((u) => parts.filter((p) => p.unit === u)).map(write).join('');
  const time = TIME_UNITS.flatMap((u) => parts.filter((p) => p.unit === u)).map(write).join('');
  return `P${date}${time ? 'T' + time : ''}`;
}

/** The weekend (Saturday, Sunday) an expression means, from the reference weekday and the tense. */
function weekendOf(frame: Extract<Frame, { kind: 'weekend' }>, ref: Ymd, direction: Direction | undefined): Ymd {
  const wd = weekday(ref);
  const current = addDays(ref, 6 - wd); // the Saturday of the reference's week
  if (frame.rel !== undefined) {
    if (frame.rel < 0) return addDays(current, -7);
    return wd >= 6 ? addDays(current, 7) : current;
  }
  if (wd >= 6) return current;
  if (frame.thisOne) return wd === 1 && direction !== 'future' ? addDays(current, -7) : current;
  return direction === 'past' ? addDays(current, -7) : current;
}

/** Resolves a frame with what is known of its place in the text. */
export function make(frame: Frame, env: Env): Made[] {
  switch (frame.kind) {
    case 'date': {
      let r = resolveSpec(frame.spec, env.ref, { ...(env.direction && { direction: env.direction }), ...(env.notBefore && { notBefore: env.notBefore }) });
      // "la semaine du 10 mars": the ISO week of that day
      if (frame.asWeek && isResolved(r)) {
        const monday = addDays(r.first, 1 - weekday(r.first));
        r = { ...r, value: formatWeek(r.first), grain: 'week', first: monday, last: addDays(monday, 6) };
      }
      return [fromResolved(r, env, { ...(frame.mod && { mod: frame.mod }), ...(frame.pod && { pod: frame.pod as TimeExpression['pod'] }) })];
    }
    case 'shift': {
      const r = shiftReference(env.ref, frame.unit, frame.n);
      return [fromResolved(r, env, { ...(frame.mod && { mod: frame.mod }), ...(frame.pod && { pod: frame.pod as TimeExpression['pod'] }) })];
    }
    case 'anchored': {
      const base = env.contextDay?.day ?? env.ref;
      const r = shiftReference(base, frame.unit, frame.n);
      const made = fromResolved(r, env, { ...(frame.pod && { pod: frame.pod as TimeExpression['pod'] }) });
      if (env.contextDay) {
        made.expr.anchor = formatDay(env.contextDay.day);
        made.expr.reference = formatDay(env.contextDay.day);
      }
      return [made];
    }
    case 'pod-anchored': {
      const base = env.contextDay?.day ?? env.ref;
      const extra = { ...(frame.pod && { pod: frame.pod as TimeExpression['pod'] }), ...(frame.mod && { mod: frame.mod }) };
      if (!base) return [{ expr: { type: 'date', value: 'XXXX-XX-XX', grain: 'day', stated: false, ...extra } }];
      const made: Made = { expr: { type: 'date', value: formatDay(base), grain: 'day', stated: false, ...extra, ...referenceFields(env, false) }, first: base, last: base, day: base };
      if (env.contextDay) made.expr.anchor = formatDay(env.contextDay.day);
      return [made];
    }
    case 'time': {
      const day = frame.today ? env.ref : env.contextDay?.day ?? env.notBefore ?? env.ref;
      const stated = !frame.today && env.contextDay?.stated === true;
      const minute = frame.minute ?? 0;
      const grain: TimexGrain = frame.minute !== undefined ? 'minute' : 'hour';
      const hh = String(frame.hour).padStart(2, '0');
      const mm = String(minute).padStart(2, '0');
      const value = day ? formatTime(day, frame.hour, minute) : `XXXX-XX-XXT${hh}:${mm}`;
      return [{ expr: { type: 'time', value, grain, stated, ...(frame.pod && { pod: frame.pod as TimeExpression['pod'] }), ...referenceFields(env, stated) }, ...(day && { first: day, last: day, day }) }];
    }
    case 'duration':
      return [{ expr: { type: 'duration', value: null, duration: durationValue(frame.amount, frame.unit, frame.and), grain: GRAIN[frame.and?.unit ?? frame.unit] ?? 'year', stated: true, ...(frame.mod && { mod: frame.mod }), ...(frame.vague && { vague: true }) } }];
    case 'interval': {
      const choice = env.direction ? { direction: env.direction } : {};
      // "les neuf premiers mois de l'année": the reference's year
      const fromSpec = frame.referenceYear && env.ref ? { ...frame.from, y: env.ref.y } : frame.from;
      const a = resolveSpec(fromSpec, env.ref, choice);
      if (!isResolved(a)) return [{ expr: { type: 'interval', value: null, stated: false } }];
      const lastSpec: DateSpec = frame.last.y === undefined ? { ...frame.last, y: a.first.y + (frame.last.m !== undefined && frame.from.m !== undefined && frame.last.m < frame.from.m ? 1 : 0) } : frame.last;
      const b = resolveSpec(lastSpec, env.ref, { notBefore: a.first });
      if (!isResolved(b)) return [{ expr: { type: 'interval', value: null, stated: false } }];
      return [interval(a, b, env, a.stated && frame.last.y !== undefined)];
    }
    case 'pair': {
      const choice = env.direction ? { direction: env.direction } : {};
      const a = resolveSpec(frame.first, env.ref, choice);
      const secondSpec = isResolved(a) && frame.second.y === undefined ? { ...frame.second, y: a.first.y, rel: undefined } : frame.second;
      const b = resolveSpec(secondSpec as DateSpec, env.ref, choice);
      if (isResolved(a) && isResolved(b) && toDays(b.first) - toDays(a.first) === 1) return [interval(a, b, env, a.stated)];
      return [fromResolved(a, env), fromResolved(b, env)];
    }
    case 'weekend': {
      if (frame.days) {
        const a = resolveSpec(frame.days, env.ref, env.direction ? { direction: env.direction } : {});
        if (!isResolved(a)) return [{ expr: { type: 'interval', value: null, stated: false } }];
        const sunday = addDays(a.first, 1);
        return [interval(a, { ...a, value: formatDay(sunday), first: sunday, last: sunday }, env, a.stated)];
      }
      if (!env.ref) return [{ expr: { type: 'interval', value: 'XXXX-WXX-WE', stated: false } }];
      const saturday = weekendOf(frame, env.ref, env.direction);
      const sunday = addDays(saturday, 1);
      const day = (d: Ymd): Resolved => ({ value: formatDay(d), grain: 'day', first: d, last: d, stated: false });
      return [interval(day(saturday), day(sunday), env, false)];
    }
    case 'set': {
      const time = frame.hour !== undefined ? `T${String(frame.hour).padStart(2, '0')}:${String(frame.minute ?? 0).padStart(2, '0')}` : frame.pod ? `T${frame.pod}` : '';
      const value = frame.weekday !== undefined ? `XXXX-WXX-${frame.weekday}${time}` : time ? `XXXX-XX-XX${time}` : null;
      const duration = frame.weekday !== undefined ? 'P1W' : frame.unit ? durationValue(frame.amount, frame.unit) : 'P1D';
      return [{ expr: { type: 'set', value, duration, stated: true, ...(frame.pod && { pod: frame.pod as TimeExpression['pod'] }) } }];
    }
    case 'ref':
      return [{ expr: { type: 'date', value: frame.value, stated: true, vague: true } }];
    case 'ignore':
      return [];
  }
}

/** The day a made expression names, for the expressions after it. */
export function dayOf(made: Made): Ymd | undefined {
  if (made.day) return made.day;
  const v = made.expr.value;
  return made.expr.type === 'time' && v ? parseIsoDay(v) : undefined;
}
