import type { Analysis } from '../core/analysis.js';
import type { TimeExpression } from './types.js';
import { CLASSES, CONTEXT_CLASSES, classStartWords, tokenView, type TokenView } from './classes.js';
import { firstKeys, matchPattern } from './pattern.js';
import { datesRules, type Rule } from './rules.js';
import { buildFrame, type Candidate, type Frame, type TokenRange } from './frames.js';
import { prepositionBefore } from './context.js';
import { clauseTense } from './tense.js';
import { make, dayOf, exclusiveEndAfter, type Env, type Made } from './make.js';
import { formatDay, toDays, type Ymd } from './calendar.js';
import { findReference, type Reference } from './reference.js';
import { insideRanges, speechRanges } from './speech.js';
import type { Direction } from './spec.js';

/** An accepted match: its meaning and where it is. */
interface Found {
  rule: Rule;
  /** Token range of the expression, end exclusive. */
  start: number;
  end: number;
  frame: Frame;
  /** An interval written with two expressions (du 3 avril au 6 mai, de 14 h à 18 h). */
  ends?: [Found, Found];
  parts?: [TokenRange, TokenRange];
}

/** Rules worth trying, by token kind and text (a word's classes follow from its form). */
const rulesByForm = new Map<string, Map<string, readonly Rule[]>>();
let contextStarts: Map<string, Set<string>> | undefined;

/**
 * The rules worth trying at token i. A word's classes depend on its form (and, for holidays and
 * quantity phrases, on the words after it: those rules are kept whenever the first word fits), so
 * the list is computed once per form and reused.
 */
function rulesAt(v: TokenView, i: number): readonly Rule[] {
  const token = v.tokens[i]!;
  let forms = rulesByForm.get(token.kind);
  if (!forms) rulesByForm.set(token.kind, (forms = new Map()));
  const known = forms.get(token.text);
  if (known) return known;
  const list = computeRulesAt(v, i);
  if (forms.size > 50_000) forms.clear();
  forms.set(token.text, list);
  return list;
}

const NO_RULES: readonly Rule[] = [];

const leads = new Map<Rule, { words: Set<string>; rest: Set<string> } | null>();
/** The optional words a rule may start with (le?, le|ce?), and the words its rest may start with. */
function leadOf(rule: Rule): { words: Set<string>; rest: Set<string> } | null {
  let lead = leads.get(rule);
  if (lead !== undefined) return lead;
  const [first, ...rest] = rule.pattern.body;
  lead = null;
  if (first && first.optional && first.atoms.every((a) => a.kind === 'word') && rule.pattern.before.length === 0) {
    const words = new Set(first.atoms.map((a) => (a.kind === 'word' ? a.word : '')));
    lead = { words, rest: new Set(firstKeys({ before: [], body: rest }).words) };
  }
  leads.set(rule, lead);
  return lead;
}

/**
 * What a rule that starts with words (la semaine, le lendemain, un|une jour…) needs of the tokens
 * after them: the words its rest can start with. Null when that rest can start with a class or
 * be empty, or when the rule starts with a class (which may read several tokens).
 */
interface WordStart {
  first: Set<string>;
  firstOptional: boolean;
  rest: Set<string>;
}

const wordStarts = new Map<Rule, WordStart | null>();
function wordStartOf(rule: Rule): WordStart | null {
  let start = wordStarts.get(rule);
  if (start !== undefined) return start;
  const [first, ...rest] = rule.pattern.body;
  start = null;
  if (first && first.atoms.every((a) => a.kind === 'word') && rest.some((e) => !e.optional)) {
    const keys = firstKeys({ before: [], body: rest });
    if (!keys.classes.length) start = { first: new Set(first.atoms.map((a) => (a.kind === 'word' ? a.word : ''))), firstOptional: first.optional, rest: new Set(keys.words) };
  }
  wordStarts.set(rule, start);
  return start;
}

/** The rule cannot match at i: neither its first word with the next token starting its rest, nor (first word optional) token i starting its rest. */
function cannotStart(start: WordStart, v: TokenView, i: number, norm: string): boolean {
  if (start.firstOptional && start.rest.has(norm)) return false;
  return !(start.first.has(norm) && i + 1 < v.tokens.length && !v.breakBefore[i + 1] && start.rest.has(v.norm[i + 1]!));
}

function computeRulesAt(v: TokenView, i: number): readonly Rule[] {
  const rules = datesRules();
  const token = v.tokens[i]!;
  const norm = v.norm[i]!;
  // most words start nothing: no rule word, no class form (hyphenated numbers start with a number word)
  if (token.kind === 'word' && !rules.byWord.has(norm) && !classStartWords().has(norm) && !classStartWords().has(norm.split('-')[0]!) && !/^(?:mi-|t[1-4]$)/.test(norm)) return NO_RULES;
  if (token.kind === 'punct' && !rules.byWord.has(norm)) return NO_RULES;
  contextStarts ??= new Map(Object.entries(CONTEXT_CLASSES).map(([c, words]) => [c, words()]));
  const seen = new Set<Rule>(rules.byWord.get(norm) ?? []);
  for (const c of rules.startClasses) {
    const starts = contextStarts.get(c);
    if (starts ? !starts.has(norm) : !CLASSES[c]!(v, i)) continue;
    for (const r of rules.byClass.get(c)!) seen.add(r);
  }
  return [...seen].sort((a, b) => a.order - b.order);
}

/** Candidate rule matches starting at token i: longest first, then in file order. */
function candidatesAt(v: TokenView, i: number): Candidate[] {
  const list = rulesAt(v, i);
  if (!list.length) return [];
  const out: Candidate[] = [];
  // "le", "la", "ce": a rule that starts with an optional determiner can only go on if the next token can start its rest
  const next = i + 1 < v.tokens.length && !v.breakBefore[i + 1] ? rulesAt(v, i + 1) : NO_RULES;
  const norm = v.norm[i]!;
  for (let r = 0; r < list.length; r++) {
    const rule = list[r]!;
    const lead = leadOf(rule);
    if (lead && lead.words.has(norm) && !lead.rest.has(norm) && !next.includes(rule)) continue;
    const start = wordStartOf(rule);
    if (start && cannotStart(start, v, i, norm)) continue;
    const matches = matchPattern(rule.pattern, v, i);
    for (let k = 0; k < matches.length; k++) out.push({ rule, match: matches[k]! });
  }
  return out.sort((a, b) => b.match.end - a.match.end || a.rule.order - b.rule.order);
}

/** Leftmost-longest scan: at each token the longest accepted match wins and the scan resumes after it. */
function scan(v: TokenView): Found[] {
  const found: Found[] = [];
  let i = 0;
  while (i < v.tokens.length) {
    let accepted: Found | undefined;
    const previous = found[found.length - 1];
    const candidates = candidatesAt(v, i);
    for (let k = 0; k < candidates.length; k++) {
      const candidate = candidates[k]!;
      const notAfter = candidate.rule.params['notafter'];
      if (notAfter && i > 0 && !v.breakBefore[i] && notAfter.split('|').includes(v.norm[i - 1]!)) continue;
      const frame = buildFrame(candidate, {
        v,
        ...(previous && { previousEnd: previous.end }),
        previousIsTime: previous?.frame.kind === 'time',
      });
      if (frame) {
        accepted = { rule: candidate.rule, start: candidate.match.start, end: candidate.match.end, frame, ...(frame.kind === 'interval' && frame.parts && { parts: frame.parts }) };
        break;
      }
    }
    if (accepted) {
      found.push(accepted);
      i = accepted.end;
    } else i++;
  }
  return found;
}

const RANGE_CONNECTORS: Record<string, string[][]> = {
  du: [['au'], ["jusqu'", 'au']],
  de: [['à'], ['au'], ["jusqu'", 'à'], ["jusqu'", 'au']],
  "d'": [['à'], ['au'], ["jusqu'", 'à'], ["jusqu'", 'au']],
  entre: [['et']],
};

const yearless = (f: Frame): f is Extract<Frame, { kind: 'date' }> =>
  f.kind === 'date' && f.spec.y === undefined && f.spec.y2 === undefined && f.spec.m !== undefined && f.spec.rel === undefined && !f.spec.thisOne;
const yearOf = (f: Frame): number | undefined => (f.kind === 'date' && f.spec.m !== undefined ? f.spec.y : undefined);

/**
 * "en mai et juin 2004", "du 3 mai au 5 juin 2024", "lundi 3 et mardi 4 mars": a date without its
 * month or year takes them from the next one when they are coordinated (written once for both).
 */
function shareYears(v: TokenView, found: Found[]): void {
  const lend = (a: Found, b: Found) => {
    if (a.frame.kind === 'date' && b.frame.kind === 'date' && a.frame.spec.d !== undefined && a.frame.spec.m === undefined && b.frame.spec.m !== undefined && b.frame.spec.d !== undefined) {
      const m = a.frame.spec.d > b.frame.spec.d ? (b.frame.spec.m === 1 ? 12 : b.frame.spec.m - 1) : b.frame.spec.m;
      a.frame = { ...a.frame, spec: { ...a.frame.spec, m } };
    }
    if (!yearless(a.frame)) return;
    const y = yearOf(b.frame);
    if (y === undefined || b.frame.kind !== 'date') return;
    const later = b.frame.spec.m !== undefined && a.frame.spec.m! > b.frame.spec.m;
    a.frame = { ...a.frame, spec: { ...a.frame.spec, y: later ? y - 1 : y } };
  };
  for (let k = 0; k + 1 < found.length; k++) {
    const a = found[k]!;
    const b = found[k + 1]!;
    if (a.ends) lend(a.ends[0], a.ends[1]);
    const between = v.norm.slice(a.end, b.start).join(' ');
    if (['et', 'ou', ',', ', et', 'et en', 'ou en', 'puis', 'puis en'].includes(between)) lend(a, b.ends ? b.ends[0] : b);
  }
  const last = found[found.length - 1];
  if (last?.ends) lend(last.ends[0], last.ends[1]);
}

const endKind = (f: Frame): 'date' | 'time' | undefined => (f.kind === 'date' ? 'date' : f.kind === 'time' ? 'time' : undefined);

/** Joins "du X au Y", "de X à Y", "entre X et Y" into intervals whose two ends the scan found. */
function joinRanges(v: TokenView, found: Found[]): Found[] {
  const out: Found[] = [];
  for (let k = 0; k < found.length; k++) {
    const a = found[k]!;
    const b = found[k + 1];
    const opener = a.start > 0 && !v.breakBefore[a.start] ? v.norm[a.start - 1]! : '';
    const connectors = RANGE_CONNECTORS[opener];
    const kind = endKind(a.frame);
    if (b && connectors && kind && endKind(b.frame) === kind) {
      const between = v.norm.slice(a.end, b.start);
      const onOneLine = !v.breakBefore.slice(a.start, b.end + 1).some((x, j) => j > 0 && j + a.start < b.end && x);
      if (onOneLine && connectors.some((c) => c.length === between.length && c.every((w, j) => w === between[j]))) {
        out.push({ rule: { ...a.rule, name: `range.${opener === 'entre' ? 'between' : 'from-to'}` }, start: a.start - 1, end: b.end, frame: a.frame, ends: [a, b] });
        k++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}

/** How many expressions back the day a time or « la veille » refers to is looked for: bounds the work per expression. */
const LOOKBACK = 60;

const needsDirection = (f: Frame): boolean =>
  (f.kind === 'date' && f.spec.y === undefined && f.spec.y2 === undefined && f.spec.century === undefined && f.spec.decade === undefined) ||
  f.kind === 'interval' || f.kind === 'pair' || f.kind === 'weekend';

const dependsOnReference = (f: Frame): boolean => needsDirection(f) || f.kind === 'shift';
const inContext = (f: Frame): boolean => f.kind === 'time' || f.kind === 'anchored' || f.kind === 'pod-anchored';

interface Placed {
  found: Found;
  charStart: number;
  charEnd: number;
  sentence: number;
  paragraph: number;
  quote?: { start: number; end: number };
  made?: Made[];
}

/** Finds and normalises the temporal expressions of an analysed document. */
export function extractDates(analysis: Readonly<Analysis>, options: { refDate?: string; explain?: boolean } = {}): TimeExpression[] {
  const v = tokenView(analysis);
  if (!v.tokens.length) return [];
  const reference = findReference(analysis, options.refDate);
  const quotes = speechRanges(analysis.text);
  const paragraphOf = (sentence: number) => analysis.sentences[sentence]?.paragraph ?? 0;
  const joined = joinRanges(v, scan(v));
  shareYears(v, joined);
  const placed: Placed[] = joined.map((found) => {
    const charStart = v.tokens[found.start]!.start;
    const charEnd = v.tokens[found.end - 1]!.end;
    const sentence = v.sentenceOf[found.start]!;
    const quote = insideRanges(quotes, charStart);
    return { found, charStart, charEnd, sentence, paragraph: paragraphOf(sentence), ...(quote && { quote }) };
  });

  const baseEnv = (p: Placed): Env => {
    const env: Env = reference ? { ref: reference.date, refSource: reference.source } : {};
    const prep = prepositionBefore(v, p.found.start);
    const direction: Direction | undefined = prep?.direction ?? (needsDirection(p.found.frame) ? clauseTense(v, p.found.start, p.found.end) : undefined);
    if (direction) env.direction = direction;
    return env;
  };

  const dayBefore = (k: number, sameWindow: (q: Placed) => boolean, excludeAnchored: boolean): { day: Ymd; stated: boolean } | undefined => {
    // the nearest day named before, looking back at most LOOKBACK expressions
    for (let j = k - 1; j >= 0 && j >= k - LOOKBACK; j--) {
      const q = placed[j]!;
      if (!sameWindow(q)) break;
      if (!q.made || (excludeAnchored && q.found.frame.kind === 'anchored')) continue;
      for (let m = q.made.length - 1; m >= 0; m--) {
        const day = dayOf(q.made[m]!);
        if (day) return { day, stated: q.made[m]!.expr.stated };
      }
    }
    return undefined;
  };

  const resolveOne = (k: number, env: Env): void => {
    const p = placed[k]!;
    p.made = resolveFound(p.found, env, v);
  };

  const resolveInContext = (p: Placed, k: number): void => {
    const env = baseEnv(p);
    const frame = p.found.frame;
    const context =
      frame.kind === 'anchored'
        ? dayBefore(k, () => true, true)
        : sameSentenceDay(placed, k) ?? dayBefore(k, (q) => p.paragraph - q.paragraph <= 1, false);
    if (context) env.contextDay = context;
    resolveOne(k, env);
  };
  const quotedRelative = (p: Placed) => p.quote !== undefined && dependsOnReference(p.found.frame);
  // 1. the narrative: expressions that need no context, and those counted from the reference
  placed.forEach((p, k) => {
    if (!inContextFound(p.found) && !quotedRelative(p)) resolveOne(k, baseEnv(p));
  });
  // 2. the narrative's clock times and days counted from another day, in text order
  placed.forEach((p, k) => {
    if (inContextFound(p.found) && !p.quote) resolveInContext(p, k);
  });
  // 3. relative expressions in quotes count from the speech time when the narrative gives it
  placed.forEach((p, k) => {
    if (inContextFound(p.found) || !quotedRelative(p)) return;
    const env = baseEnv(p);
    const anchor = reference ? speechTime(placed, k, reference) : undefined;
    if (anchor && toDays(anchor) !== toDays(reference!.date)) {
      env.ref = anchor;
      env.speechAnchor = anchor;
    }
    resolveOne(k, env);
  });
  // 4. clock times and anchored days inside quotes
  placed.forEach((p, k) => {
    if (inContextFound(p.found) && p.quote) resolveInContext(p, k);
  });

  const out: TimeExpression[] = [];
  for (const p of placed) {
    const made = p.made ?? [];
    if (p.found.frame.kind === 'pair' && made.length === 2) {
      const split = p.found.frame.firstEnd;
      out.push(withSpan(made[0]!, v, p.found.start, split, p.found.rule, options.explain));
      out.push(withSpan(made[1]!, v, split + 1, p.found.end, p.found.rule, options.explain));
      continue;
    }
    for (const m of made) out.push(withSpan(m, v, p.found.start, p.found.end, p.found.rule, options.explain, p));
  }
  return out;

  function sameSentenceDay(list: Placed[], k: number): { day: Ymd; stated: boolean } | undefined {
    const p = list[k]!;
    for (let j = k - 1; j >= 0 && j >= k - LOOKBACK && list[j]!.sentence === p.sentence; j--) {
      const made = list[j]!.made;
      const day = made && made.length ? dayOf(made[made.length - 1]!) : undefined;
      if (day) return { day, stated: made![made!.length - 1]!.expr.stated };
    }
    for (let j = k + 1; j < list.length && j <= k + 3 && list[j]!.sentence === p.sentence; j++) {
      const made = list[j]!.made;
      const day = made && made.length ? dayOf(made[0]!) : undefined;
      if (day && list[j]!.found.start - p.found.end <= 3) return { day, stated: made![0]!.expr.stated };
    }
    return undefined;
  }

  function speechTime(list: Placed[], k: number, ref: Reference): Ymd | undefined {
    const p = list[k]!;
    const quote = p.quote!;
    const lo = toDays(ref.date) - 14;
    const hi = toDays(ref.date);
    const fits = (d: Ymd | undefined) => d !== undefined && toDays(d) >= lo && toDays(d) <= hi;
    const narrative = (q: Placed) => !q.quote && q.made && q.found.frame.kind !== 'anchored';
    const closing = sentenceAt(quote.end);
    for (let j = k + 1; j < list.length && list[j]!.sentence <= closing && j <= k + LOOKBACK; j++) {
      const q = list[j]!;
      if (q.charStart >= quote.end && q.sentence === closing && narrative(q)) {
        const d = q.made!.map(dayOf).find(fits);
        if (d) return d;
      }
    }
    for (let j = k - 1; j >= 0 && j >= k - LOOKBACK; j--) {
      const q = list[j]!;
      if (p.paragraph - q.paragraph > 1) break;
      if (q.charStart >= quote.start || !narrative(q)) continue;
      const d = [...q.made!].reverse().map(dayOf).find(fits);
      if (d) return d;
    }
    return undefined;
  }

  function sentenceAt(offset: number): number {
    const list = analysis.sentences;
    let lo = 0;
    let hi = list.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (list[mid]!.start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

function inContextFound(f: Found): boolean {
  return inContext(f.frame) || (f.ends !== undefined && f.ends.some((e) => inContext(e.frame)));
}

/** Resolves one found expression (an interval joined from two expressions resolves its ends in turn). */
function resolveFound(found: Found, env: Env, v: TokenView): Made[] {
  const made = found.ends ? joinEnds(found.ends, env, v) : make(found.frame, env);
  const prep = prepositionBefore(v, found.start);
  for (const m of made) {
    if (m.expr.type === 'duration') {
      if (!m.expr.mod && prep?.words.join(' ').startsWith("jusqu'")) m.expr.mod = 'EQUAL_OR_LESS';
    } else if (prep?.mod && !m.expr.mod && m.expr.type !== 'set') m.expr.mod = prep.mod;
  }
  return made;
}

function joinEnds([a, b]: [Found, Found], env: Env, v: TokenView): Made[] {
  const first = make(a.frame, env)[0]!;
  const secondEnv: Env = { ...env };
  if (first.first) secondEnv.notBefore = first.first;
  if (first.day) secondEnv.contextDay = { day: first.day, stated: first.expr.stated };
  delete secondEnv.direction;
  const second = make(b.frame, secondEnv)[0]!;
  const stated = first.expr.stated && second.expr.stated;
  const grain = second.expr.grain ?? first.expr.grain;
  const to = exclusiveEndOf(second);
  const expr: Made['expr'] = {
    type: 'interval',
    value: first.expr.value && second.expr.value ? `${first.expr.value}/${second.expr.value}` : null,
    ...(first.expr.value && { from: first.expr.value }),
    ...(second.expr.value && { last: second.expr.value }),
    ...(to && { to }),
    ...(grain && { grain }),
    stated,
    ...(!stated && env.ref && { reference: formatDay(env.ref) }),
    ...(!stated && env.refSource && { referenceSource: env.refSource }),
    parts: [
      { ...first.expr, ...spanOf(v, a.start, a.end) } as TimeExpression,
      { ...second.expr, ...spanOf(v, b.start, b.end) } as TimeExpression,
    ],
  };
  return [{ expr, ...(first.first && { first: first.first }), ...(second.last && { last: second.last }) }];
}

/** Exclusive end of the last unit of an interval; clock times are points, so it is the time itself. */
function exclusiveEndOf(m: Made): string | undefined {
  const { grain, value } = m.expr;
  if (!value || !m.last || grain === 'minute' || grain === 'hour') return value ?? undefined;
  return exclusiveEndAfter(grain, m.last);
}

function spanOf(v: TokenView, start: number, end: number): { start: number; end: number; text: string } {
  const s = v.tokens[start]!.start;
  const e = v.tokens[end - 1]!.end;
  return { start: s, end: e, text: v.text.slice(s, e) };
}

function withSpan(m: Made, v: TokenView, start: number, end: number, rule: Rule, explain: boolean | undefined, placed?: Placed): TimeExpression {
  const expr: TimeExpression = { ...spanOf(v, start, end), ...m.expr };
  if (explain) expr.rule = rule.name;
  const tokenParts = placed?.found.parts;
  if (tokenParts && m.expr.type === 'interval' && !expr.parts) {
    const from = m.expr.from ?? null;
    const last = m.expr.last ?? null;
    expr.parts = tokenParts.map((range, index) => {
      const span = range.chars ? { start: range.chars.start, end: range.chars.end, text: v.text.slice(range.chars.start, range.chars.end) } : spanOf(v, range.start, range.end);
      const value = index === 0 ? from : last;
      return { ...span, type: 'date', value, grain: expr.grain, stated: expr.stated } as TimeExpression;
    }) as TimeExpression[];
  }
  if (!explain && expr.parts) expr.parts = expr.parts.map(({ rule: _rule, ...rest }) => rest as TimeExpression);
  else if (explain && expr.parts) expr.parts = expr.parts.map((p) => ({ ...p, rule: rule.name }));
  return expr;
}
