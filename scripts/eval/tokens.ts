/** Token-boundary and sentence-boundary P/R/F1 on UD French dev sets (and fr-compromise's tokens as peer). */
import { join } from 'node:path';
import { evaluateBoundaries } from '../../src/conllu/eval-tokens.js';
import { pct, score } from './lib/metrics.js';
import { sharedDir } from './lib/shared.js';

const CORPORA = [
  ['ud-fr-sequoia dev', 'data/ud-fr-sequoia/fr_sequoia-ud-dev.conllu'],
  ['ud-fr-gsd dev', 'data/ud-fr-gsd/fr_gsd-ud-dev.conllu'],
] as const;

export async function main(args: string[]): Promise<void> {
  const showErrors = args.includes('--errors');
  console.log('corpus              | tokens P / R / F1         | sentences P / R / F1');
  for (const [name, path] of CORPORA) {
    const r = evaluateBoundaries(join(sharedDir(), path));
    const t = score(r.tokens);
    const s = score(r.sentences);
    console.log(
      `${name.padEnd(19)} | ${pct(t.precision)} / ${pct(t.recall)} / ${pct(t.f1)} | ${pct(s.precision)} / ${pct(s.recall)} / ${pct(s.f1)}` +
        (r.misaligned ? `  (${r.misaligned} sentences not aligned, left out)` : ''),
    );
    if (showErrors) {
      const freq = (xs: string[]) => [...xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>())].sort((a, b) => b[1] - a[1]).slice(0, 40);
      console.log('  missed gold tokens:', JSON.stringify(freq(r.tokenErrors.missed)));
      console.log('  extra tokens:', JSON.stringify(freq(r.tokenErrors.extra)));
    }
  }
}
