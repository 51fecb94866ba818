/**
 * `npm run eval -- entities [--errors] [--set heldout|dev|seed]`: exact-span micro and per-type
 * P/R/F1 of extrait's entities on the held-out part of the training corpora, on the dev gold
 * articles and on the seed article, beside fr-compromise's person/place/organization tags on the
 * same texts in the same run. A prediction counts when its start, end and type are all right.
 * `--errors` lists the misses and false alarms of extrait on the news texts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDocument } from '../../src/core/document.js';
import { segmentSentences, splitParagraphs } from '../../src/sentences/index.js';
import { entitiesComponent } from '../../src/entities/index.js';
import { labelSpans, type ProjectedSentence } from '../../src/entities/corpus.js';
import { recognize } from '../../src/entities/recognize.js';
import type { EntityType } from '../../src/entities/types.js';
import { add, pct, score, type Counts } from './lib/metrics.js';
import { sharedDir } from './lib/shared.js';
import { loadCorpora, type Source } from '../train/corpora.js';

export interface TypedSpan {
  start: number;
  end: number;
  type: EntityType;
  text?: string;
}

const TYPES: EntityType[] = ['PER', 'LOC', 'ORG', 'MISC'];
type Tally = Record<EntityType | 'all', Counts>;

const emptyTally = (): Tally => ({ all: zero(), PER: zero(), LOC: zero(), ORG: zero(), MISC: zero() });
function zero(): Counts {
  return { tp: 0, fp: 0, fn: 0 };
}

/** Counts exact (start, end, type) matches into a tally: overall and per type. */
export function tallySpans(tally: Tally, gold: readonly TypedSpan[], predicted: readonly TypedSpan[]): void {
  const key = (s: TypedSpan) => `${s.start}:${s.end}:${s.type}`;
  const goldKeys = new Set(gold.map(key));
  for (const type of TYPES) {
    const g = gold.filter((s) => s.type === type).map(key);
    const p = new Set(predicted.filter((s) => s.type === type).map(key));
    let tp = 0;
    for (const k of p) if (goldKeys.has(k)) tp++;
    const c = { tp, fp: p.size - tp, fn: new Set(g).size - tp };
    tally[type] = add(tally[type], c);
    tally.all = add(tally.all, c);
  }
}

/** fr-compromise's people, places and organizations as typed spans (trailing punctuation trimmed). */
async function compromiseTagger(): Promise<(text: string) => TypedSpan[]> {
  type Match = { text: string; offset: { start: number; length: number } };
  type Doc = { people(): { json(o: object): Match[] }; places(): { json(o: object): Match[] }; organizations(): { json(o: object): Match[] } };
  const { default: nlp } = (await import('fr-compromise')) as unknown as { default: (text: string) => Doc };
  return (text: string) => {
    const doc = nlp(text);
    const out: TypedSpan[] = [];
    const take = (matches: Match[], type: EntityType) => {
      for (const m of matches) {
        let start = m.offset.start;
        let end = start + m.offset.length;
        while (end > start && /[\s.,;:!?»)"'’]/.test(text[end - 1]!)) end--;
        while (start < end && /[\s«("'’]/.test(text[start]!)) start++;
        if (end > start) out.push({ start, end, type, text: text.slice(start, end) });
      }
    };
    take(doc.people().json({ offset: true }), 'PER');
    take(doc.places().json({ offset: true }), 'LOC');
    take(doc.organizations().json({ offset: true }), 'ORG');
    return out;
  };
}

function goldOfProjected(s: ProjectedSentence): TypedSpan[] {
  return labelSpans(s.labels).map((sp) => ({ start: s.tokens[sp.start]!.start, end: s.tokens[sp.end - 1]!.end, type: sp.type }));
}

/** Our mentions of a held-out sentence: the sentence as the model sees it (one sentence). */
function predictProjected(s: ProjectedSentence): TypedSpan[] {
  const sentences = segmentSentences(s.text, s.tokens, splitParagraphs(s.text));
  return recognize(s.text, s.tokens, sentences).map((m) => ({ start: s.tokens[m.start]!.start, end: s.tokens[m.end - 1]!.end, type: m.type }));
}

interface GoldDoc {
  id: string;
  text: string;
  entities: { start: number; end: number; text: string; type: EntityType; canonical: string }[];
}

export function readNewsGold(): { dev: GoldDoc[]; seed: GoldDoc[] } {
  const shared = sharedDir();
  const dev = readFileSync(join(shared, 'dev-gold', 'news-dev.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as GoldDoc);
  const seed = [JSON.parse(readFileSync(join(shared, 'seed', 'lavrov-washington.gold.json'), 'utf8')) as GoldDoc];
  return { dev, seed };
}

/** Mentions of a whole article, by the pipeline component (what `extrait entities` shows), with their canonical names. */
export function predictArticle(text: string): (TypedSpan & { canonical: string })[] {
  const doc = { ...createDocument(text), warnings: [] };
  const added = entitiesComponent.run(doc, {});
  const canonical = new Map((added.entities ?? []).map((e) => [e.id, e.canonical]));
  return (added.mentions ?? []).map((m) => ({ start: m.start, end: m.end, type: m.type, text: m.text, canonical: canonical.get(m.entity) ?? '' }));
}

/** Share of the rightly found mentions whose entity has the gold canonical name. */
export const canonicalTally = { right: 0, total: 0, wrong: [] as string[] };

function row(dataset: string, system: string, t: Tally): string {
  const cells = (['all', ...TYPES] as const).map((k) => {
    const s = score(t[k]);
    return k === 'all' ? `P ${pct(s.precision)} R ${pct(s.recall)} F1 ${pct(s.f1)}` : `${k} ${t[k].tp + t[k].fn ? pct(s.f1) : '  -  '}`;
  });
  return `${dataset.padEnd(20)} ${system.padEnd(13)} ${cells.join('  ')}`;
}

export interface EntityScores {
  heldOut: Record<Source | 'all', Tally>;
  dev: Tally;
  seed: Tally;
}

export function scoreHeldOut(): Record<Source | 'all', Tally> {
  const corpora = loadCorpora();
  const result = { all: emptyTally() } as Record<Source | 'all', Tally>;
  for (const source of Object.keys(corpora.heldOut) as Source[]) {
    const tally = emptyTally();
    for (const s of corpora.heldOut[source]) tallySpans(tally, goldOfProjected(s), predictProjected(s));
    result[source] = tally;
    if (source !== 'europeana') for (const k of ['all', ...TYPES] as const) result.all[k] = add(result.all[k], tally[k]);
  }
  return result;
}

export function scoreNews(docs: readonly GoldDoc[], errors?: string[]): Tally {
  const tally = emptyTally();
  for (const d of docs) {
    const predicted = predictArticle(d.text);
    tallySpans(tally, d.entities, predicted);
    const byKey = new Map(predicted.map((p) => [`${p.start}:${p.end}:${p.type}`, p]));
    for (const g of d.entities) {
      const p = byKey.get(`${g.start}:${g.end}:${g.type}`);
      if (!p) continue;
      canonicalTally.total++;
      if (p.canonical === g.canonical) canonicalTally.right++;
      else canonicalTally.wrong.push(`${d.id} ${JSON.stringify(g.text)} → ${JSON.stringify(p.canonical)} (gold ${JSON.stringify(g.canonical)})`);
    }
    if (errors) {
      const key = (s: TypedSpan) => `${s.start}:${s.end}:${s.type}`;
      const g = new Set(d.entities.map(key));
      const p = new Set(predicted.map(key));
      for (const s of d.entities) if (!p.has(key(s))) errors.push(`${d.id} MISS ${s.type} ${JSON.stringify(s.text)} @${s.start}  ctx: ${JSON.stringify(d.text.slice(Math.max(0, s.start - 30), s.end + 30))}`);
      for (const s of predicted) if (!g.has(key(s))) errors.push(`${d.id} FALSE ${s.type} ${JSON.stringify(s.text)} @${s.start}  ctx: ${JSON.stringify(d.text.slice(Math.max(0, s.start - 30), s.end + 30))}`);
    }
  }
  return tally;
}

export async function main(args: string[] = []): Promise<void> {
  const showErrors = args.includes('--errors');
  const only = args.includes('--set') ? args[args.indexOf('--set') + 1] : undefined;
  const peer = await compromiseTagger();
  const { dev, seed } = readNewsGold();
  console.log('exact-span P/R/F1 (start, end and type must match); fr-compromise tags only PER/LOC/ORG\n');
  if (!only || only === 'heldout') {
    const t0 = performance.now();
    const ours = scoreHeldOut();
    const ms = performance.now() - t0;
    const corpora = loadCorpora();
    for (const source of Object.keys(corpora.heldOut) as Source[]) {
      const theirs = emptyTally();
      for (const s of corpora.heldOut[source]) tallySpans(theirs, goldOfProjected(s), peer(s.text));
      console.log(row(`held-out ${source}`, 'extrait', ours[source]));
      console.log(row(`  (${corpora.heldOut[source].length} sent.)`, 'fr-compromise', theirs));
    }
    console.log(row('held-out wiki+news', 'extrait', ours.all));
    console.log(`  (held-out scored in ${(ms / 1000).toFixed(1)} s; europeana — 1906 OCR, IO tags — is shown apart)`);
  }
  const errors: string[] = [];
  for (const [name, docs] of [['news-dev (15 art.)', dev], ['seed lavrov', seed]] as const) {
    if (only && only !== (name.startsWith('news') ? 'dev' : 'seed')) continue;
    const theirs = emptyTally();
    for (const d of docs) tallySpans(theirs, d.entities, peer(d.text));
    canonicalTally.right = canonicalTally.total = 0;
    canonicalTally.wrong = [];
    console.log(row(name, 'extrait', scoreNews(docs, showErrors ? errors : undefined)));
    console.log(row('', 'fr-compromise', theirs));
    console.log(`${''.padEnd(20)} canonical name right for ${canonicalTally.right}/${canonicalTally.total} of extrait's correct mentions (${pct(canonicalTally.right / Math.max(1, canonicalTally.total))}%)`);
    if (showErrors) errors.push(...canonicalTally.wrong.map((w) => `CANONICAL ${w}`));
  }
  if (showErrors) console.log('\n' + errors.join('\n'));
}
