/**
 * Topics on the development gold (shared/dev-gold/news-dev.jsonl: gold `topics.categories`, 1–2
 * labels, and `topics.keyphrases`, 5–8 noun phrases from the text, most important first):
 * - categories: top label in the gold set (the target), top label = gold first, multi-label P/R/F1;
 * - key phrases: precision and recall at 5 and 10 with lemma-level matching (both sides reduced
 *   to the lemma key of their words in the tagged text: "hectares brûlés" = "hectare brûlé");
 * beside the npm package keyword-extractor on the same texts in the same run (its keywords
 * ranked by frequency, then first occurrence; single words and chained words).
 * `--errors` lists misses per article; `--json` prints the figures.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type { Analysis } from '../../src/core/analysis.js';
import { normalizeText } from '../../src/input/normalize.js';
import { analyze } from '../../src/pipeline/analyze.js';
import { registry } from '../../src/pipeline/registry.js';
import { phraseKey } from '../../src/topics/candidates.js';
import type { Topics } from '../../src/topics/types.js';
import { fold, lower, sentenceWords, type Word } from '../../src/topics/words.js';
import { pct } from './lib/metrics.js';
import { sharedDir } from './lib/shared.js';

const require = createRequire(import.meta.url);

export interface TopicsGold {
  id: string;
  date?: string;
  text: string;
  topics: { categories: string[]; keyphrases: string[] };
}

export function loadTopicsGold(): TopicsGold[] {
  return readFileSync(join(sharedDir(), 'dev-gold', 'news-dev.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as TopicsGold);
}

/** Runs the pipeline up to topics (with entities when that component is registered). */
export function analyzeRecord(record: TopicsGold): Analysis {
  // entities first: the pipeline runs the requested components in order (topics reads the entities)
  const components = [...(registry.some((c) => c.name === 'entities') ? ['entities'] : []), 'topics'];
  return analyze(record.text, { components, meta: { id: record.id, ...(record.date && { date: record.date }) } });
}

/** Lemma key of the words of [start, end): what phrases are compared by. */
export function spanKey(words: readonly Word[], start: number, end: number): string {
  return fold(phraseKey(words.filter((w) => w.start >= start && w.end <= end)).key);
}

/** The first occurrence of a phrase in the text (case-insensitive) that starts and ends on token boundaries. */
export function locate(analysis: Analysis, phrase: string): { start: number; end: number } | undefined {
  const hay = lower(analysis.text);
  const needle = lower(phrase.normalize('NFC')).trim();
  const starts = new Set(analysis.tokens.map((t) => t.start));
  const ends = new Set(analysis.tokens.map((t) => t.end));
  let first: { start: number; end: number } | undefined;
  for (let i = hay.indexOf(needle); i !== -1; i = hay.indexOf(needle, i + 1)) {
    const span = { start: i, end: i + needle.length };
    first ??= span;
    if (starts.has(span.start) && ends.has(span.end)) return span;
  }
  return first;
}

/** Ranked predictions: each one answers to one or more keys (an entity to each of its names). */
interface RankedKeys {
  keys: string[][];
}

interface Counts {
  matched5: number;
  matched10: number;
  predicted5: number;
  predicted10: number;
  found5: number;
  found10: number;
  gold: number;
}

const zero = (): Counts => ({ matched5: 0, matched10: 0, predicted5: 0, predicted10: 0, found5: 0, found10: 0, gold: 0 });

function compare(gold: readonly string[], ranked: RankedKeys, c: Counts, misses?: string[]): void {
  const goldSet = new Set(gold);
  for (const k of [5, 10] as const) {
    const predicted = ranked.keys.slice(0, k);
    const top = predicted.flat();
    const matched = predicted.filter((keys) => keys.some((key) => goldSet.has(key))).length;
    if (k === 5) {
      c.matched5 += matched;
      c.predicted5 += Math.min(k, ranked.keys.length);
      c.found5 += gold.filter((g) => top.includes(g)).length;
    } else {
      c.matched10 += matched;
      c.predicted10 += Math.min(k, ranked.keys.length);
      c.found10 += gold.filter((g) => top.includes(g)).length;
      misses?.push(...gold.filter((g) => !top.includes(g)));
    }
  }
  c.gold += gold.length;
}

/** keyword-extractor's keywords ranked by frequency, then first occurrence, as lemma keys. */
function peerKeys(analysis: Analysis, words: readonly Word[], chained: boolean): RankedKeys {
  const extractor = require('keyword-extractor') as { extract(s: string, o: Record<string, unknown>): string[] };
  const found = extractor.extract(analysis.text, { language: 'french', remove_digits: true, return_changed_case: true, remove_duplicates: false, return_chained_words: chained });
  const freq = new Map<string, { n: number; first: number }>();
  found.forEach((w, i) => {
    const f = freq.get(w);
    if (f) f.n++;
    else freq.set(w, { n: 1, first: i });
  });
  const ranked = [...freq].sort((a, b) => b[1].n - a[1].n || a[1].first - b[1].first).map(([w]) => w);
  const keys: string[][] = [];
  for (const w of ranked) {
    const span = locate(analysis, w);
    const key = span ? spanKey(words, span.start, span.end) : fold(w);
    if (key && !keys.some((k) => k[0] === key)) keys.push([key]);
    if (keys.length >= 10) break;
  }
  return { keys };
}

export interface TopicsFigures {
  articles: number;
  topInGold: number;
  topIsFirst: number;
  labels: { tp: number; fp: number; fn: number };
  extrait: Counts;
  peerWords: Counts;
  peerChained: Counts;
  errors: string[];
}

export function evaluateTopics(records: readonly TopicsGold[] = loadTopicsGold(), analyzeFn: (record: TopicsGold) => Analysis = analyzeRecord): TopicsFigures {
  const f: TopicsFigures = { articles: 0, topInGold: 0, topIsFirst: 0, labels: { tp: 0, fp: 0, fn: 0 }, extrait: zero(), peerWords: zero(), peerChained: zero(), errors: [] };
  for (const record of records) {
    const analysis = analyzeFn({ ...record, text: normalizeText(record.text) });
    const topics = analysis.topics as Topics;
    const words = sentenceWords(analysis).flat();
    f.articles++;
    const labels = topics.categories.map((c) => c.label);
    if (labels[0] && record.topics.categories.includes(labels[0])) f.topInGold++;
    if (labels[0] === record.topics.categories[0]) f.topIsFirst++;
    const tp = labels.filter((l) => record.topics.categories.includes(l)).length;
    f.labels.tp += tp;
    f.labels.fp += labels.length - tp;
    f.labels.fn += record.topics.categories.length - tp;
    if (!labels[0] || !record.topics.categories.includes(labels[0])) {
      f.errors.push(`${record.id} category ${labels.join(', ') || '(none)'} ≠ gold ${record.topics.categories.join(', ')}`);
    }
    const gold = record.topics.keyphrases.map((p) => {
      const span = locate(analysis, p);
      return span ? spanKey(words, span.start, span.end) : fold(p);
    });
    // a phrase answers to the key of each of its spans: an entity to each of its names (CAQ, Coalition avenir Québec)
    const ours = topics.keyphrases.map((p) => [...new Set([fold(p.lemma), ...p.spans.map((s) => spanKey(words, s.start, s.end))])]);
    const misses: string[] = [];
    compare(gold, { keys: ours }, f.extrait, misses);
    compare(gold, peerKeys(analysis, words, false), f.peerWords);
    compare(gold, peerKeys(analysis, words, true), f.peerChained);
    f.errors.push(`${record.id} missed  ${misses.join(' | ') || '-'}`);
    f.errors.push(`${record.id} ours    ${ours.map((k) => k.join(' / ')).join(' | ')}`);
  }
  return f;
}

export const rate = (a: number, b: number) => (b ? a / b : 0);

export function keyphraseScores(c: Counts) {
  return { p5: rate(c.matched5, c.predicted5), r5: rate(c.found5, c.gold), p10: rate(c.matched10, c.predicted10), r10: rate(c.found10, c.gold) };
}

export async function main(args: string[]): Promise<void> {
  if (!registry.some((c) => c.name === 'topics')) {
    process.stderr.write('topics component not registered (it needs the pos component)\n');
    process.exitCode = 1;
    return;
  }
  const f = evaluateTopics();
  const rows = [
    ['extrait topics', keyphraseScores(f.extrait)],
    ['keyword-extractor (words)', keyphraseScores(f.peerWords)],
    ['keyword-extractor (chained)', keyphraseScores(f.peerChained)],
  ] as const;
  if (args.includes('--json')) {
    console.log(JSON.stringify({ articles: f.articles, topInGold: rate(f.topInGold, f.articles), topIsFirst: rate(f.topIsFirst, f.articles), labels: f.labels, keyphrases: Object.fromEntries(rows) }, null, 2));
    return;
  }
  const entities = registry.some((c) => c.name === 'entities') ? 'with entities' : 'no entities component';
  console.log(`topics: ${f.articles} articles of dev-gold (${entities}), ${f.extrait.gold} gold key phrases`);
  const lp = rate(f.labels.tp, f.labels.tp + f.labels.fp);
  const lr = rate(f.labels.tp, f.labels.tp + f.labels.fn);
  console.log(
    `categories: top label in gold ${pct(rate(f.topInGold, f.articles))} % (${f.topInGold}/${f.articles}), top = gold first ${pct(rate(f.topIsFirst, f.articles))} %, ` +
      `multi-label P/R/F1 ${pct(lp)} / ${pct(lr)} / ${pct(lp + lr ? (2 * lp * lr) / (lp + lr) : 0)}`,
  );
  console.log('key phrases (lemma match)    |   P@5  |   R@5  |  P@10  |  R@10');
  for (const [name, s] of rows) {
    console.log(`${name.padEnd(28)} | ${pct(s.p5).padStart(6)} | ${pct(s.r5).padStart(6)} | ${pct(s.p10).padStart(6)} | ${pct(s.r10).padStart(6)}`);
  }
  if (args.includes('--errors')) for (const e of f.errors) console.log('  ' + e);
}
