/**
 * Temporal expressions on French TimeBank (ISO-TimeML, each article's creation time as reference) and
 * on the development gold (shared/dev-gold/news-dev.jsonl + the seed article, publication date as
 * reference): strict span P/R/F1 (same offsets), relaxed span P/R/F1 (overlap, one to one) and value
 * P/R/F1 (an overlapping pair with the same normalised value). chrono-node's French parser runs on the
 * same texts in the same run as the peer.
 *
 * Conventions differ between the two corpora, and each is scored by its own:
 * - TimeBank writes an interval as its two ends (du [3 avril] au [6 avril]): our intervals are scored
 *   by their parts; a part of day is a TIME value (2003-02-18TEV), a weekend a week (2003-W05-WE),
 *   a duration's value is the duration; sets and vague references (désormais → PRESENT_REF) are tagged.
 * - ANNOTATION.md (dev-gold) annotates an interval as one span, a part of day as `pod` on a day-grain
 *   date, and leaves sets and vague references out: they are dropped from our output before scoring
 *   (`withinAnnotationScope`; the unfiltered figure is printed too).
 *
 * `--errors` lists misses and false alarms; `--json` prints the figures as JSON.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as chrono from 'chrono-node';
import { analyze } from '../../src/pipeline/analyze.js';
import { parseTimeml } from '../../src/dates/timeml.js';
import { withinAnnotationScope } from '../../src/dates/scope.js';
import type { TimeExpression } from '../../src/dates/types.js';
import { addDays, parseIsoDay, formatWeek, toDays, weekday } from '../../src/dates/calendar.js';
import { pct, score, type Scores } from './lib/metrics.js';
import { sharedDir } from './lib/shared.js';

/** One expression as a corpus scores it: a span and a normalised value. */
export interface Item {
  start: number;
  end: number;
  text: string;
  value: string | null;
}

export interface Doc {
  id: string;
  text: string;
  reference: string;
  gold: Item[];
}

export interface CorpusScores {
  strict: Scores;
  relaxed: Scores;
  value: Scores;
}

// ── Corpora ──────────────────────────────────────────────────────────────────

export function timebankDocs(dir = join(sharedDir(), 'data', 'fr-timebank-dev')): Doc[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.tml'))
    .sort()
    .map((f) => {
      const doc = parseTimeml(readFileSync(join(dir, f), 'utf8'), f);
      return {
        id: doc.id,
        text: doc.text,
        reference: doc.creationTime ?? f.slice(0, 10),
        gold: doc.timexes.map((t) => ({ start: t.start, end: t.end, text: t.text, value: t.value })),
      };
    });
}

interface GoldDate {
  start: number;
  end: number;
  text: string;
  type: string;
  value: string | null;
  duration?: string;
}

/** The value a gold or predicted expression is compared by in ANNOTATION.md conventions. */
function annotationValue(e: { type: string; value: string | null; duration?: string }): string | null {
  return e.type === 'duration' ? e.duration ?? null : e.value;
}

export function devGoldDocs(): Doc[] {
  const dir = sharedDir();
  const records = readFileSync(join(dir, 'dev-gold', 'news-dev.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { id: string; date: string; text: string; dates: GoldDate[] });
  records.push(JSON.parse(readFileSync(join(dir, 'seed', 'lavrov-washington.gold.json'), 'utf8')) as (typeof records)[number]);
  return records.map((r) => ({
    id: r.id,
    text: r.text,
    reference: r.date,
    gold: r.dates.map((d) => ({ start: d.start, end: d.end, text: d.text, value: annotationValue(d) })),
  }));
}

// ── Our output in each corpus's conventions ──────────────────────────────────

/** A weekend interval as TimeML writes it (2003-W05-WE), when from is a Saturday and last the next day. */
function weekendValue(e: TimeExpression): string | undefined {
  const from = parseIsoDay(e.from);
  const last = parseIsoDay(e.last);
  if (!from || !last || e.from!.length !== 10 || weekday(from) !== 6 || toDays(last) !== toDays(addDays(from, 1))) return undefined;
  return `${formatWeek(from)}-WE`;
}

export function asTimeml(dates: readonly TimeExpression[]): Item[] {
  const out: Item[] = [];
  for (const e of dates) {
    if (e.type === 'interval' && e.parts?.length) {
      out.push(...asTimeml(e.parts));
      continue;
    }
    let value = e.type === 'duration' || (e.type === 'set' && !e.value) ? e.duration ?? null : e.value;
    if (e.type === 'interval') value = weekendValue(e) ?? value;
    if (e.pod && value && !value.includes('T')) value = `${value}T${e.pod}`;
    out.push({ start: e.start, end: e.end, text: e.text, value });
  }
  return out;
}

export function asAnnotation(dates: readonly TimeExpression[]): Item[] {
  return dates.map((e) => ({ start: e.start, end: e.end, text: e.text, value: annotationValue(e) }));
}

// ── chrono-node, the peer ────────────────────────────────────────────────────

const pad = (n: number): string => String(n).padStart(2, '0');

function chronoValue(c: chrono.ParsedComponents, certainOnly: boolean): string {
  const y = c.get('year');
  const m = c.get('month');
  const d = c.get('day');
  const known = (k: chrono.Component) => c.isCertain(k);
  if (c.isCertain('hour')) return `${y}-${pad(m!)}-${pad(d!)}T${pad(c.get('hour')!)}:${pad(c.get('minute') ?? 0)}`;
  if (certainOnly && !known('day') && known('month')) return `${y}-${pad(m!)}`;
  if (certainOnly && !known('day') && !known('month') && known('year')) return String(y);
  return `${y}-${pad(m!)}-${pad(d!)}`;
}

export function chronoItems(text: string, reference: string, intervalsAsParts: boolean): Item[] {
  const ref = parseIsoDay(reference)!;
  const results = chrono.fr.parse(text, { instant: new Date(ref.y, ref.m - 1, ref.d, 12), timezone: undefined });
  const items: Item[] = [];
  for (const r of results) {
    const start = chronoValue(r.start, true);
    if (r.end && !intervalsAsParts) {
      items.push({ start: r.index, end: r.index + r.text.length, text: r.text, value: `${start}/${chronoValue(r.end, true)}` });
    } else items.push({ start: r.index, end: r.index + r.text.length, text: r.text, value: start });
  }
  return items;
}

// ── Scoring ──────────────────────────────────────────────────────────────────

interface Tally {
  strict: { tp: number; fp: number; fn: number };
  relaxed: { tp: number; fp: number; fn: number };
  value: { tp: number; fp: number; fn: number };
}

const emptyTally = (): Tally => ({ strict: { tp: 0, fp: 0, fn: 0 }, relaxed: { tp: 0, fp: 0, fn: 0 }, value: { tp: 0, fp: 0, fn: 0 } });

/** Pairs predicted and gold items: exact spans first, then overlapping ones, each item used once. */
export function pairItems(gold: readonly Item[], predicted: readonly Item[]): { exact: [Item, Item][]; overlap: [Item, Item][]; missed: Item[]; extra: Item[] } {
  const goldLeft = new Set(gold);
  const predLeft = new Set(predicted);
  const exact: [Item, Item][] = [];
  const overlap: [Item, Item][] = [];
  for (const g of gold) {
    const p = [...predLeft].find((x) => x.start === g.start && x.end === g.end);
    if (p) {
      exact.push([g, p]);
      goldLeft.delete(g);
      predLeft.delete(p);
    }
  }
  for (const g of [...goldLeft]) {
    const p = [...predLeft].find((x) => x.start < g.end && g.start < x.end);
    if (p) {
      overlap.push([g, p]);
      goldLeft.delete(g);
      predLeft.delete(p);
    }
  }
  return { exact, overlap, missed: [...goldLeft], extra: [...predLeft] };
}

function tallyDoc(t: Tally, gold: readonly Item[], predicted: readonly Item[]): ReturnType<typeof pairItems> {
  const pairs = pairItems(gold, predicted);
  const matched = pairs.exact.length + pairs.overlap.length;
  t.strict.tp += pairs.exact.length;
  t.strict.fp += predicted.length - pairs.exact.length;
  t.strict.fn += gold.length - pairs.exact.length;
  t.relaxed.tp += matched;
  t.relaxed.fp += predicted.length - matched;
  t.relaxed.fn += gold.length - matched;
  const right = [...pairs.exact, ...pairs.overlap].filter(([g, p]) => g.value === p.value).length;
  t.value.tp += right;
  t.value.fp += predicted.length - right;
  t.value.fn += gold.length - right;
  return pairs;
}

const finish = (t: Tally): CorpusScores => ({ strict: score(t.strict), relaxed: score(t.relaxed), value: score(t.value) });

export interface Run {
  name: string;
  predict(doc: Doc): Item[];
}

export function evaluate(docs: readonly Doc[], run: Run, errors?: string[]): CorpusScores {
  const t = emptyTally();
  for (const doc of docs) {
    const predicted = run.predict(doc);
    const pairs = tallyDoc(t, doc.gold, predicted);
    if (!errors) continue;
    for (const g of pairs.missed) errors.push(`${doc.id}\tmissed\t${g.text}\t${g.value}\t…${context(doc.text, g)}`);
    for (const p of pairs.extra) errors.push(`${doc.id}\textra\t${p.text}\t${p.value}\t…${context(doc.text, p)}`);
    for (const [g, p] of pairs.overlap) errors.push(`${doc.id}\tspan\t${p.text} ≠ ${g.text}\t${p.value}${p.value === g.value ? '' : ' ≠ ' + g.value}`);
    for (const [g, p] of pairs.exact) if (g.value !== p.value) errors.push(`${doc.id}\tvalue\t${g.text}\t${p.value} ≠ ${g.value}\t…${context(doc.text, g)}`);
  }
  return finish(t);
}

function context(text: string, i: { start: number; end: number }): string {
  return (text.slice(Math.max(0, i.start - 50), i.start) + '[' + text.slice(i.start, i.end) + ']' + text.slice(i.end, i.end + 30)).replace(/\s+/g, ' ');
}

// ── Runs ─────────────────────────────────────────────────────────────────────

export function ourDates(doc: Doc): TimeExpression[] {
  const analysis = analyze(doc.text, { components: ['dates'], meta: { id: doc.id, date: doc.reference } });
  if (analysis.text !== doc.text) throw new Error(`${doc.id}: the pipeline changed the text; offsets would not compare`);
  return analysis.dates ?? [];
}

export const runs = {
  timebank: [
    { name: 'extrait', predict: (doc: Doc) => asTimeml(ourDates(doc)) },
    { name: 'chrono-node fr', predict: (doc: Doc) => chronoItems(doc.text, doc.reference, true) },
  ] as Run[],
  devGold: [
    { name: 'extrait', predict: (doc: Doc) => asAnnotation(ourDates(doc).filter(withinAnnotationScope)) },
    { name: 'extrait, sets and vague kept', predict: (doc: Doc) => asAnnotation(ourDates(doc)) },
    { name: 'chrono-node fr', predict: (doc: Doc) => chronoItems(doc.text, doc.reference, false) },
  ] as Run[],
};

function row(name: string, s: CorpusScores): string {
  const f = (x: Scores) => `${pct(x.precision).padStart(6)} ${pct(x.recall).padStart(6)} ${pct(x.f1).padStart(6)}`;
  return `${name.padEnd(30)} ${f(s.strict)}   ${f(s.relaxed)}   ${f(s.value)}`;
}

export async function main(args: string[]): Promise<void> {
  const wantErrors = args.includes('--errors');
  const corpora = [
    { name: 'French TimeBank dev (TimeML conventions)', docs: timebankDocs(), runs: runs.timebank },
    { name: 'dev-gold + seed (ANNOTATION.md conventions)', docs: devGoldDocs(), runs: runs.devGold },
  ];
  const json: Record<string, Record<string, CorpusScores>> = {};
  const errors: string[] = [];
  for (const corpus of corpora) {
    const gold = corpus.docs.reduce((n, d) => n + d.gold.length, 0);
    json[corpus.name] = {};
    if (!args.includes('--json')) {
      console.log(`\n${corpus.name}: ${corpus.docs.length} documents, ${gold} expressions`);
      console.log(`${''.padEnd(30)} ${'strict P/R/F1'.padEnd(20)}   ${'relaxed P/R/F1'.padEnd(20)}   value P/R/F1`);
    }
    for (const run of corpus.runs) {
      const scores = evaluate(corpus.docs, run, wantErrors && run.name === 'extrait' ? errors : undefined);
      json[corpus.name]![run.name] = scores;
      if (!args.includes('--json')) console.log(row(run.name, scores));
    }
  }
  if (args.includes('--json')) console.log(JSON.stringify(json, null, 2));
  if (wantErrors) console.log('\n' + errors.join('\n'));
}
