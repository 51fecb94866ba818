import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateTopics, keyphraseScores, loadTopicsGold } from '../scripts/eval/topics.js';

const shared = process.env.EXTRAIT_SHARED ?? resolve(import.meta.dirname, '..', '..', 'shared');
const hasGold = existsSync(join(shared, 'dev-gold', 'news-dev.jsonl'));

// Floors a little under what `npm run eval -- topics` measures on the development gold
// (top category 15/15, R@10 0.61, P@10 0.39, R@5 0.34; keyword-extractor R@10 0.14).
describe.skipIf(!hasGold)('topics on the development gold (floors)', () => {
  const f = evaluateTopics(loadTopicsGold());
  it('the top category is a gold category in at least 85 % of the articles', () => {
    expect(f.topInGold / f.articles).toBeGreaterThanOrEqual(0.85);
  });
  it('key-phrase recall at 10 (lemma match) ≥ 0.55, P@10 ≥ 0.33, R@5 ≥ 0.30, and at least twice keyword-extractor’s', () => {
    const ours = keyphraseScores(f.extrait);
    const peer = Math.max(keyphraseScores(f.peerWords).r10, keyphraseScores(f.peerChained).r10);
    expect(ours.r10).toBeGreaterThanOrEqual(0.55);
    expect(ours.r10).toBeGreaterThanOrEqual(2 * peer);
    expect(ours.p10).toBeGreaterThanOrEqual(0.33);
    expect(ours.r5).toBeGreaterThanOrEqual(0.3);
  });
});
