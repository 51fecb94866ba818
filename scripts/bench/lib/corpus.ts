import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDir } from '../../eval/lib/shared.js';
import { parseConllu } from '../../../src/conllu/index.js';
import { rebuildText } from '../../../src/conllu/rebuild.js';

/**
 * A French corpus made from the shared texts: UD sentences (news, Wikipedia, Europarl, leaflets),
 * the dev-gold articles and the sample article, repeated up to `megabytes` of UTF-8.
 */
export function benchCorpus(megabytes = 8): { text: string; bytes: Buffer; documents: string[] } {
  const shared = sharedDir();
  const documents: string[] = [];
  for (const path of ['data/ud-fr-sequoia/fr_sequoia-ud-train.conllu', 'data/ud-fr-gsd/fr_gsd-ud-dev.conllu']) {
    const sentences = parseConllu(readFileSync(join(shared, path), 'utf8'));
    for (let i = 0; i < sentences.length; i += 25) documents.push(rebuildText(sentences.slice(i, i + 25)).text);
  }
  for (const line of readFileSync(join(shared, 'dev-gold/news-dev.jsonl'), 'utf8').split('\n')) {
    if (line.trim()) documents.push((JSON.parse(line) as { text: string }).text);
  }
  documents.push(readFileSync(join(shared, 'seed/lavrov-washington.txt'), 'utf8'));
  const base = documents.join('\n\n');
  const target = megabytes * 1024 * 1024;
  let text = base;
  while (Buffer.byteLength(text) < target) text += '\n\n' + base;
  return { text, bytes: Buffer.from(text, 'utf8'), documents };
}

export function listFiles(dir: string, suffix: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith(suffix)).map((f) => join(dir, f));
}

/** Best of `runs` timings of fn, in milliseconds. */
export function bestOf(runs: number, fn: () => void): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

export const mbPerSecond = (bytes: number, ms: number): string => (bytes / 1024 / 1024 / (ms / 1000)).toFixed(2);
