import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { evaluateBoundaries } from '../src/conllu/eval-tokens.js';
import { score } from '../scripts/eval/lib/metrics.js';

const shared = process.env.EXTRAIT_SHARED ?? join(__dirname, '..', '..', 'shared');

describe.skipIf(!existsSync(join(shared, 'data')))('token and sentence boundaries on UD French (floors)', () => {
  // measured (npm run eval -- tokens): Sequoia dev 99.75 / 98.90, GSD dev 99.82 / 98.08
  it('Sequoia dev: token F1 ≥ 99.5, sentence F1 ≥ 98', () => {
    const r = evaluateBoundaries(join(shared, 'data/ud-fr-sequoia/fr_sequoia-ud-dev.conllu'));
    expect(score(r.tokens).f1).toBeGreaterThanOrEqual(0.995);
    expect(score(r.sentences).f1).toBeGreaterThanOrEqual(0.98);
  });
  it('GSD dev: token F1 ≥ 99.5, sentence F1 ≥ 97.5', () => {
    const r = evaluateBoundaries(join(shared, 'data/ud-fr-gsd/fr_gsd-ud-dev.conllu'));
    expect(score(r.tokens).f1).toBeGreaterThanOrEqual(0.995);
    expect(score(r.sentences).f1).toBeGreaterThanOrEqual(0.975);
  });
});
