/** Throughput of decode + normalise + tokenize + sentences, start-up times, peak memory; fr-compromise's tokenizer as peer. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../src/core/paths.js';
import { normalizeText } from '../../src/input/normalize.js';
import { createDocument } from '../../src/core/document.js';
import { benchCorpus, bestOf, mbPerSecond } from './lib/corpus.js';

function medianCommandMs(args: string[], runs: number): { ms: number; rssKb: number } {
  const times: number[] = [];
  let rssKb = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], { cwd: packageRoot(), encoding: 'utf8' });
    times.push(performance.now() - t0);
    if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
    rssKb = Math.max(rssKb, Number(r.stderr.trim().split('\n').pop()));
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)]!, rssKb };
}

export async function main(): Promise<void> {
  const { bytes } = benchCorpus(8);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let tokens = 0;
  const ours = bestOf(3, () => {
    const doc = createDocument(normalizeText(decoder.decode(bytes)));
    tokens = doc.tokens.length;
  });
  const rss = process.resourceUsage().maxRSS / 1024;
  console.log(`corpus: ${(bytes.length / 1024 / 1024).toFixed(1)} MB of French text, ${tokens} tokens`);
  console.log(`extrait decode+normalise+tokenize+sentences: ${mbPerSecond(bytes.length, ours)} MB/s (best of 3), peak RSS ${rss.toFixed(0)} MB`);

  const { default: nlp } = (await import('fr-compromise')) as unknown as { default: (text: string) => { terms(): { length: number } } };
  // fr-compromise is slow on large inputs: the comparison runs on the first 200 kB of the same corpus
  const text = bytes.subarray(0, 200 * 1024).toString('utf8').replace(/\uFFFD$/, '');
  const size = Buffer.byteLength(text);
  const peer = bestOf(1, () => nlp(text).terms().length);
  const oursSample = bestOf(3, () => createDocument(text));
  console.log(
    `on the same 200 kB: extrait ${mbPerSecond(size, oursSample)} MB/s, fr-compromise nlp(text).terms() ${mbPerSecond(size, peer)} MB/s — extrait ×${(peer / oursSample).toFixed(0)} faster`,
  );

  const bin = join('bin', 'extrait.js');
  if (!existsSync(join(packageRoot(), 'dist', 'cli', 'index.js'))) {
    console.log('start-up: dist/ not built (npm run build)');
    return;
  }
  const version = medianCommandMs([bin, '--version'], 11);
  console.log(`start-up: extrait --version ${version.ms.toFixed(0)} ms (median of 11), peak RSS ${(version.rssKb / 1024).toFixed(0)} MB`);
  const article = medianCommandMs([bin, 'fixtures/lavrov-washington.txt', '-f', 'json'], 7);
  console.log(`start-up: extrait fixtures/lavrov-washington.txt -f json ${article.ms.toFixed(0)} ms (median of 7), peak RSS ${(article.rssKb / 1024).toFixed(0)} MB`);
  const tokensOnly = medianCommandMs([bin, 'tokens', '--no-pos', 'fixtures/lavrov-washington.txt', '-f', 'json'], 7);
  console.log(`start-up: extrait tokens --no-pos on the sample ${tokensOnly.ms.toFixed(0)} ms (median of 7)`);
}
