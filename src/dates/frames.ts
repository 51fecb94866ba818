import type { TokenView } from './classes.js';
import { isCapitalized } from './classes.js';
import type { Capture, PatternMatch } from './pattern.js';
import type { Rule } from './rules.js';
import { datesLexicon, type Holiday } from './lexicon.js';
import type { DateSpec } from './spec.js';
import { holidayIsName, isAge, isClockTime, isLengthOfHours, isIdiomaticOne, isMatchTime, yearIsSomethingElse } from './context.js';
import { daysInMonth } from './calendar.js';

/** What a rule found, before the reference date is known: the meaning, the span and the rule. */
export type Frame =
  | { kind: 'date'; spec: DateSpec; mod?: string; pod?: string; asWeek?: boolean }
  | { kind: 'shift'; unit: string; n: number; mod?: string; pod?: string }
  | { kind: 'anchored'; unit: string; n: number; pod?: string }
  | { kind: 'pod-anchored'; pod?: string; mod?: string }
  | { kind: 'time'; hour: number; minute?: number; pod?: string; today?: boolean }
  | { kind: 'duration'; amount?: number; unit: string; mod?: string; vague?: boolean; and?: { unit: string; amount: number } }
  | { kind: 'interval'; from: DateSpec; last: DateSpec; parts?: [TokenRange, TokenRange]; referenceYear?: boolean }
  | { kind: 'pair'; first: DateSpec; second: DateSpec; firstEnd: number }
  | { kind: 'weekend'; rel?: number; thisOne?: boolean; days?: DateSpec }
  | { kind: 'set'; unit?: string; amount?: number; weekday?: number; pod?: string; hour?: number; minute?: number }
  | { kind: 'ref'; value: string }
  | { kind: 'ignore' };

/** Tokens [start, end) of an interval end, or characters when an end sits inside one token (2010-2011). */
export interface TokenRange {
  start: number;
  end: number;
  /** Character offsets when the part is inside a token. */
  chars?: { start: number; end: number };
}

export interface Candidate {
  rule: Rule;
  match: PatternMatch;
}

export interface BuildContext {
  v: TokenView;
  /** End (token, exclusive) of the expression accepted just before, and whether it was a clock time. */
  previousEnd?: number;
  previousIsTime: boolean;
}

const num = (c: Capture | undefined): number | undefined => (c ? (c.value as number) : undefined);

function unitOf(c: Capture | undefined): { unit: string; count: number } | undefined {
  return c && c.atom === 'UNIT' ? (c.value as { unit: string; count: number }) : undefined;
}

/** Multiplies a unit into the ISO units durations are written in (un trimestre = 3 months). */
function baseUnit(u: { unit: string; count: number }, n: number): { unit: string; amount: number } | undefined {
  switch (u.unit) {
    case 'Q':
      return { unit: 'M', amount: 3 * u.count * n };
    case 'DEC':
      return { unit: 'Y', amount: 10 * u.count * n };
    case 'CENT':
      return { unit: 'Y', amount: 100 * u.count * n };
    case 'WE':
      return undefined;
    default:
      return { unit: u.unit, amount: u.count * n };
  }
}

function dateFrame(rule: Rule, m: PatternMatch, ctx: BuildContext): Frame | undefined {
  const s = m.slots;
  const spec: DateSpec = { grain: 'day' };
  let mod: string | undefined;
  const dn = s['dn']?.value as { d: number; m: number; y?: number; y2?: number } | undefined;
  if (dn) Object.assign(spec, dn);
  if (s['d']) spec.d = num(s['d']);
  if (s['m']) spec.m = num(s['m']);
  if (s['y']) spec.y = num(s['y']);
  if (s['y2']) spec.y2 = num(s['y2']);
  if (s['w']) spec.w = num(s['w']);
  if (s['r']) spec.rel = num(s['r']);
  if (s['p']) mod = s['p'].value as string;
  if (rule.params['this']) spec.thisOne = true;
  if (s['mm']) {
    mod = 'MID';
    if (s['mm'].atom === 'MIDYEAR') spec.y = num(s['mm']);
    else spec.m = num(s['mm']);
  }
  if (s['s']) {
    if (rule.params['initial'] && !(ctx.v.initial[m.start] && isCapitalized(ctx.v.tokens[m.start]!.text))) return undefined;
    spec.grain = 'season';
    spec.season = s['s'].atom === 'SEASON' ? (s['s'].value as string) : datesLexicon().seasons.get(s['s'].value as string);
  } else if (rule.params['unit'] === 'Q') {
    spec.grain = 'quarter';
    spec.quarter = num(s['o']) ?? num(s['q']);
    if (!spec.quarter || spec.quarter > 4) return undefined;
  } else if (rule.params['unit'] === 'H') {
    spec.grain = 'quarter';
    spec.half = num(s['o']);
    if (!spec.half || spec.half > 2) return undefined;
  } else if (s['c']) {
    spec.grain = 'century';
    spec.century = num(s['c'])! - 1;
  } else if (s['dec']) {
    spec.grain = 'decade';
    spec.decade = num(s['dec']);
  } else if (s['h']) {
    spec.holiday = s['h'].value as Holiday;
    if (!s['y'] && holidayIsName(ctx.v, m.start, m.end)) return undefined;
  } else if (spec.d === undefined) spec.grain = spec.m !== undefined ? 'month' : spec.y !== undefined || spec.y2 !== undefined ? 'year' : 'day';
  if (mod === '-') mod = undefined;
  if (spec.grain === 'day' && spec.d !== undefined && spec.m !== undefined && spec.d > daysInMonth(2000, spec.m)) return undefined;
  if (spec.grain === 'day' && spec.d !== undefined && spec.m !== undefined && spec.y !== undefined && spec.d > daysInMonth(spec.y, spec.m)) return undefined;
  const v = ctx.v;
  if (rule.params['bare'] && yearIsSomethingElse(v, m.start, m.end)) return undefined;
  // "Mars" mid-sentence is the planet, "Mai" a name
  if (spec.grain === 'month' && m.end - m.start === 1 && isCapitalized(v.tokens[m.start]!.text) && !v.initial[m.start]) return undefined;
  return { kind: 'date', spec, ...(mod && { mod }), ...(rule.params['week'] && { asWeek: true }) };
}

function weekdayFrame(rule: Rule, m: PatternMatch): Frame {
  const s = m.slots;
  const spec: DateSpec = { grain: 'day', w: num(s['w'])! };
  if (s['r']) spec.rel = num(s['r']);
  if (rule.params['this']) spec.thisOne = true;
  const pod = (s['p']?.value as string | undefined) ?? rule.params['pod'];
  return { kind: 'date', spec, ...(pod && { pod }) };
}

function shiftFrame(rule: Rule, m: PatternMatch): Frame {
  const s = m.slots;
  const n = rule.params['n'] !== undefined ? Number(rule.params['n']) + (num(s['r']) ?? 0) : num(s['r']) ?? 0;
  const mod = s['p']?.atom === 'PART' ? (s['p'].value as string) : undefined;
  const pod = s['p'] && s['p'].atom !== 'PART' ? (s['p'].atom === 'POD' ? (s['p'].value as string) : datesLexicon().partsOfDay.get(s['p'].value as string)) : undefined;
  return { kind: 'shift', unit: rule.params['unit'] ?? 'D', n, ...(mod && mod !== '-' && { mod }), ...(pod && { pod }) };
}

const AGO_MOD: Record<string, string> = { MORE_THAN: 'BEFORE', LESS_THAN: 'AFTER', APPROX: 'APPROX', EQUAL_OR_MORE: 'BEFORE' };
const IN_MOD: Record<string, string> = { MORE_THAN: 'AFTER', LESS_THAN: 'BEFORE', APPROX: 'APPROX', EQUAL_OR_MORE: 'AFTER' };

function agoFrame(rule: Rule, m: PatternMatch, sign: number): Frame | undefined {
  const s = m.slots;
  const u = unitOf(s['u']);
  const n = num(s['n']) ?? num(s['a']);
  if (!u || n === undefined || !Number.isInteger(n)) return undefined;
  const base = baseUnit(u, n);
  if (!base) return undefined;
  const q = s['q']?.value as string | undefined;
  const mod = s['a'] ? 'APPROX' : q ? (sign < 0 ? AGO_MOD : IN_MOD)[q] : undefined;
  // hours and minutes ago: the reference day
  const unit = ['S', 'MIN', 'H'].includes(base.unit) ? 'D' : base.unit;
  const amount = unit === 'D' && base.unit !== 'D' ? 0 : base.amount;
  return { kind: 'shift', unit, n: sign * amount, ...(mod && { mod }) };
}

function timeFrame(rule: Rule, m: PatternMatch, ctx: BuildContext): Frame | undefined {
  const s = m.slots;
  if (rule.params['hour'] !== undefined) {
    return { kind: 'time', hour: Number(rule.params['hour']), ...(rule.params['today'] && { today: true }) };
  }
  const clock = s['c']?.value as { hour: number; minute: number } | undefined;
  let hour = clock?.hour ?? num(s['hh'])!;
  const fraction: Record<string, number> = { demie: 30, demi: 30, quart: 15 };
  const minute = clock?.minute ?? num(s['mm']) ?? (s['fr'] ? fraction[s['fr'].value as string] : undefined);
  const pod = s['p']?.value as string | undefined;
  if (!clock) {
    const hToken = ctx.v.norm[s['hh']!.end]!;
    const abbreviated = hToken === 'h';
    if (minute === undefined && pod === undefined && !isClockTime(ctx.v, m.start, m.end, abbreviated, ctx.previousEnd, ctx.previousIsTime)) return undefined;
    if (minute !== undefined && abbreviated && isLengthOfHours(ctx.v, m.start, m.end)) return undefined;
  }
  if (pod && hour < 12 && (pod === 'AF' || pod === 'EV' || (pod === 'NI' && hour >= 8))) hour += 12;
  if (hour > 24) return undefined;
  return { kind: 'time', hour: hour === 24 ? 0 : hour, ...(minute !== undefined && { minute }), ...(pod && { pod }) };
}

function durationFrame(rule: Rule, m: PatternMatch, ctx: BuildContext): Frame | undefined {
  const s = m.slots;
  const v = ctx.v;
  const unit = unitOf(s['u']) ?? (s['u'] ? unitFromWord(s['u'].value as string) : undefined);
  if (!unit && !rule.params['unit']) return undefined;
  const mod = (s['q']?.value as string | undefined) ?? rule.params['mod'];
  if (isMatchTime(v, m.end)) return undefined;
  if (rule.params['vague']) {
    const base = baseUnit(unit!, 1);
    return base ? { kind: 'duration', unit: base.unit, vague: true } : undefined;
  }
  let n = rule.params['n'] !== undefined ? Number(rule.params['n']) : num(s['n']) ?? num(s['a']);
  if (n === undefined || n <= 0) return undefined;
  if (rule.params['half']) n += 0.5;
  if (rule.params['unit']) {
    const minutes = num(s['n2']);
    return { kind: 'duration', unit: rule.params['unit'], amount: n, ...(minutes !== undefined && { and: { unit: 'MIN', amount: minutes } }), ...(mod && { mod }) };
  }
  // "la guerre de Trente Ans": a name
  const unitToken = s['u'] ? v.tokens[s['u'].start]! : undefined;
  if (unitToken && isCapitalized(unitToken.text) && !v.initial[s['u']!.start]) return undefined;
  if (s['n2'] && s['u2']) {
    const second = unitOf(s['u2']);
    const n2 = num(s['n2']);
    if (!second || n2 === undefined) return undefined;
    const parts = [baseUnit(unit!, n), baseUnit(second, n2)];
    if (!parts[0] || !parts[1] || parts[0].unit === parts[1].unit) return undefined;
    return { kind: 'duration', unit: parts[0].unit, amount: parts[0].amount, and: parts[1], ...(mod && { mod }) };
  }
  const base = baseUnit(unit!, n);
  if (!base) return undefined;
  // ages are said in "ans", right after the number: "41 ans", never "quarante années" or "trois derniers ans"
  // or "une trentaine d'années" after a person ("une femme d'une trentaine d'années")
  const unitWord = v.norm[s['u']?.start ?? -1];
  const ageLike = (unitWord === 'ans' && s['n'] !== undefined && s['u']!.start === s['n'].end) || (s['a'] !== undefined && (unitWord === 'années' || unitWord === 'ans'));
  if (ageLike && isAge(v, m.start, m.end, s['q'] !== undefined)) return undefined;
  if (s['n'] && n === 1 && !s['q'] && /^une?$/.test(v.norm[s['n'].start]!) && isIdiomaticOne(v, m.start, v.norm[s['u']!.start]!)) return undefined;
  return { kind: 'duration', unit: base.unit, amount: base.amount, ...(mod && { mod }) };
}

function unitFromWord(word: string): { unit: string; count: number } | undefined {
  const map: Record<string, [string, number]> = {
    années: ['Y', 1], ans: ['Y', 1], mois: ['M', 1], semaines: ['W', 1], jours: ['D', 1], décennies: ['DEC', 1], siècles: ['CENT', 1],
    heures: ['H', 1], quinquennat: ['Y', 5], quinquennats: ['Y', 5], septennat: ['Y', 7], septennats: ['Y', 7],
  };
  const found = map[word];
  return found ? { unit: found[0], count: found[1] } : undefined;
}

function intervalFrame(rule: Rule, m: PatternMatch, v: TokenView): Frame | undefined {
  const s = m.slots;
  if (s['ys']) {
    const { y1, y2, separator } = s['ys'].value as { y1: number; y2: number; separator: number };
    const token = v.tokens[s['ys'].start]!;
    const parts: [TokenRange, TokenRange] = [
      { start: s['ys'].start, end: s['ys'].end, chars: { start: token.start, end: token.start + separator } },
      { start: s['ys'].start, end: s['ys'].end, chars: { start: token.start + separator + 1, end: token.end } },
    ];
    return { kind: 'interval', from: { grain: 'year', y: y1 }, last: { grain: 'year', y: y2 }, parts };
  }
  if (rule.params['first'] || rule.params['last']) {
    const n = num(s['n']);
    const u = unitOf(s['u']);
    if (!n || !u || u.unit !== 'M' || n > 12 || !Number.isInteger(n)) return undefined;
    const y = num(s['y']);
    const [a, b] = rule.params['first'] ? [1, n] : [13 - n, 12];
    return { kind: 'interval', from: { grain: 'month', m: a, ...(y !== undefined && { y }) }, last: { grain: 'month', m: b, ...(y !== undefined && { y }) }, ...(y === undefined && { referenceYear: true }) };
  }
  const month = num(s['m'])!;
  const y = num(s['y']);
  const span = s['ds']?.value as { d1: number; d2: number } | undefined;
  const d1 = span?.d1 ?? num(s['d'])!;
  const d2 = span?.d2 ?? num(s['d2'])!;
  if (d2 > daysInMonth(y ?? 2000, month)) return undefined;
  // du 28 au 3 mai: the first day is in April
  const firstMonth = d1 > d2 ? (month === 1 ? 12 : month - 1) : month;
  const from: DateSpec = { grain: 'day', d: d1, m: firstMonth, ...(y !== undefined && { y: d1 > d2 && month === 1 ? y - 1 : y }) };
  const last: DateSpec = { grain: 'day', d: d2, m: month, ...(y !== undefined && { y }) };
  if (s['d'] && s['d2']) {
    const firstStart = s['w']?.start ?? s['d'].start;
    const secondStart = s['w2']?.start ?? s['d2'].start;
    return { kind: 'interval', from, last, parts: [{ start: firstStart, end: s['d'].end }, { start: secondStart, end: m.end }] };
  }
  return { kind: 'interval', from, last };
}

function pairFrame(m: PatternMatch): Frame | undefined {
  const s = m.slots;
  const month = num(s['m'])!;
  const y = num(s['y']);
  const first: DateSpec = { grain: 'day', d: num(s['d'])!, m: month, ...(y !== undefined && { y }) };
  const second: DateSpec = { grain: 'day', d: num(s['d2'])!, m: month, ...(y !== undefined && { y }) };
  if (s['r']) first.rel = second.rel = num(s['r']);
  if (second.d! <= first.d! || second.d! > daysInMonth(y ?? 2000, month)) return undefined;
  return { kind: 'pair', first, second, firstEnd: s['d']!.end };
}

function weekendFrame(rule: Rule, m: PatternMatch): Frame {
  const s = m.slots;
  if (s['d'] && s['m']) {
    return { kind: 'weekend', days: { grain: 'day', d: num(s['d'])!, m: num(s['m'])! } };
  }
  return { kind: 'weekend', ...(s['r'] && { rel: num(s['r']) }), ...(rule.params['this'] && { thisOne: true }) };
}

function setFrame(m: PatternMatch): Frame | undefined {
  const s = m.slots;
  const u = unitOf(s['u']);
  const pod = s['p']?.value as string | undefined ?? (s['u']?.atom === 'POD' ? (s['u'].value as string) : undefined);
  const n = num(s['n']) ?? 1;
  const base = u ? baseUnit(u, n) : undefined;
  if (u && !base) return undefined;
  const weekday = num(s['w']);
  return {
    kind: 'set',
    ...(base && { unit: base.unit, amount: base.amount }),
    ...(weekday !== undefined && { weekday }),
    ...(pod && { pod }),
    ...(s['hh'] && { hour: num(s['hh']), minute: num(s['mm']) ?? 0 }),
  };
}

/** The meaning of a rule match, or undefined when the match is refused (an age, a quantity, an idiom). */
export function buildFrame(candidate: Candidate, ctx: BuildContext): Frame | undefined {
  const { rule, match } = candidate;
  switch (rule.action) {
    case 'date':
      return dateFrame(rule, match, ctx);
    case 'weekday':
      return weekdayFrame(rule, match);
    case 'shift':
      return shiftFrame(rule, match);
    case 'ago':
      return agoFrame(rule, match, -1);
    case 'in':
      return agoFrame(rule, match, 1);
    case 'anchored': {
      const pod = (match.slots['p']?.value as string | undefined) ?? rule.params['pod'];
      return { kind: 'anchored', unit: rule.params['unit'] ?? 'D', n: Number(rule.params['n'] ?? 0), ...(pod && { pod }) };
    }
    case 'pod-anchored': {
      const part = match.slots['pp'];
      if (part) {
        const pod = datesLexicon().partsOfDay.get(part.value as string);
        const mod = match.slots['p']!.value as string;
        return { kind: 'pod-anchored', ...(pod && { pod }), ...(mod !== '-' && { mod }) };
      }
      const p = match.slots['p']!;
      return { kind: 'pod-anchored', pod: p.atom === 'POD' ? (p.value as string) : datesLexicon().partsOfDay.get(p.value as string)! };
    }
    case 'time':
      return timeFrame(rule, match, ctx);
    case 'duration':
      return durationFrame(rule, match, ctx);
    case 'interval':
      return intervalFrame(rule, match, ctx.v);
    case 'pair':
      return pairFrame(match);
    case 'weekend':
      return weekendFrame(rule, match);
    case 'set':
      return setFrame(match);
    case 'ref':
      return { kind: 'ref', value: rule.params['value'] ?? 'PRESENT_REF' };
    case 'ignore':
      return { kind: 'ignore' };
    default:
      return undefined;
  }
}
