import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalTally, readNewsGold, scoreHeldOut, scoreNews } from '../scripts/eval/entities.js';
import { score } from '../scripts/eval/lib/metrics.js';

const shared = process.env.EXTRAIT_SHARED ?? resolve(import.meta.dirname, '..', '..', 'shared');
const hasData = existsSync(join(shared, 'dev-gold', 'news-dev.jsonl')) && existsSync(join(shared, 'data', 'ner', 'wikineural-fr-val.conllu'));

// Floors a little under what `npm run eval -- entities` measures
// (news dev 0.95, seed 0.99, WikiNEuRal held-out 0.885, canonical names 0.996).
describe.skipIf(!hasData)('named entities against the gold (floors)', () => {
  it('news dev gold: exact-span micro F1 ≥ 0.92, canonical names ≥ 0.97 of the right mentions', () => {
    canonicalTally.right = canonicalTally.total = 0;
    const tally = scoreNews(readNewsGold().dev);
    expect(score(tally.all).f1).toBeGreaterThanOrEqual(0.92);
    expect(score(tally.PER).f1).toBeGreaterThanOrEqual(0.95);
    expect(canonicalTally.right / canonicalTally.total).toBeGreaterThanOrEqual(0.97);
  });
  it('seed article: exact-span micro F1 ≥ 0.95', () => {
    expect(score(scoreNews(readNewsGold().seed).all).f1).toBeGreaterThanOrEqual(0.95);
  });
  it('held-out WikiNEuRal: exact-span micro F1 ≥ 0.86', () => {
    expect(score(scoreHeldOut().wikineural.all).f1).toBeGreaterThanOrEqual(0.86);
  });
});
