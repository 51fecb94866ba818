import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConllu } from '../src/conllu/index.js';
import { emptyAccuracy, scoreSentence } from '../src/pos/evaluate.js';
import { tagWords } from '../src/pos/index.js';
import { sharedDir } from '../scripts/eval/lib/shared.js';

/**
 * Floors a little under what `npm run eval -- pos -- --limit 200` measures on the first 200
 * sentences of each dev set (Sequoia: UPOS 97.93, lemma 98.86; GSD: UPOS 96.39, lemma 97.60;
 * whole sets in lexicons/pos/README.md). Gold tokenisation, per syntactic word.
 */
const FLOORS = [
  { path: 'data/ud-fr-sequoia/fr_sequoia-ud-dev.conllu', upos: 0.975, lemma: 0.985 },
  { path: 'data/ud-fr-gsd/fr_gsd-ud-dev.conllu', upos: 0.96, lemma: 0.972 },
];

describe('pos accuracy floor on UD French dev slices', () => {
  for (const { path, upos, lemma } of FLOORS) {
    it(`${path}: UPOS ≥ ${upos}, lemma ≥ ${lemma}`, () => {
      const sentences = parseConllu(readFileSync(join(sharedDir(), path), 'utf8')).slice(0, 200);
      const acc = emptyAccuracy();
      for (const s of sentences) scoreSentence(s, tagWords(s.tokens.map((t) => t.form)), acc);
      expect(acc.words).toBeGreaterThan(4000);
      expect(acc.upos / acc.words).toBeGreaterThanOrEqual(upos);
      expect(acc.lemma / acc.words).toBeGreaterThanOrEqual(lemma);
    });
  }

  it('scores a contraction per syntactic word', () => {
    const [s] = parseConllu(
      ['# text = au port', '1-2\tau\t_\t_\t_\t_\t_\t_\t_\t_', '1\tà\tà\tADP\t_\t_\t3\tcase\t_\t_', '2\tle\tle\tDET\t_\t_\t3\tdet\t_\t_', '3\tport\tport\tNOUN\t_\t_\t0\troot\t_\t_', ''].join('\n'),
    );
    const acc = emptyAccuracy();
    scoreSentence(s!, [{ pos: 'ADP+DET', lemma: 'à+le', parts: [{ form: 'à', lemma: 'à', pos: 'ADP' }, { form: 'le', lemma: 'le', pos: 'DET' }] }, { pos: 'VERB', lemma: 'porter' }], acc);
    expect(acc).toMatchObject({ words: 3, upos: 2, lemma: 2, tokens: 2, tokenLabels: 1 });
  });
});
