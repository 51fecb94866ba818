import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, loadGold } from '../scripts/eval/quotes.js';
import { score } from '../scripts/eval/lib/metrics.js';

const shared = process.env.EXTRAIT_SHARED ?? resolve(import.meta.dirname, '..', '..', 'shared');
const hasGold = existsSync(join(shared, 'dev-gold', 'news-dev.jsonl'));

// Floors a little under what `npm run eval -- quotes` measures (exact F1 1.00, speakers 0.99 with gold entities).
describe.skipIf(!hasGold)('quotation extraction on the development gold (floors)', () => {
  const records = loadGold();
  it('with gold entities: exact span F1 ≥ 0.97, speaker accuracy ≥ 0.95, every non-speech quote kept out', () => {
    const f = evaluate(records, 'gold-entities');
    expect(score(f.exact).f1).toBeGreaterThanOrEqual(0.97);
    expect(f.speakerCorrect / f.speakerTotal).toBeGreaterThanOrEqual(0.95);
    expect(f.nonQuotesKeptOut).toBe(f.nonQuotes);
    expect(f.nullCorrect / f.nullTotal).toBeGreaterThanOrEqual(0.9);
  });
  it('with the pipeline: exact span F1 ≥ 0.95', () => {
    const f = evaluate(records, 'pipeline');
    expect(score(f.exact).f1).toBeGreaterThanOrEqual(0.95);
    expect(f.speakerCorrect / f.speakerTotal).toBeGreaterThanOrEqual(0.75);
  });
});
