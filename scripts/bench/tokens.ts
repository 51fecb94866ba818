/** Throughput of decode + normalise + tokenize + sentences, peak memory; fr-compromise's tokenizer as peer (start-up: startup.ts). */
import { normalizeText } from '../../src/input/normalize.js';
import { createDocument } from '../../src/core/document.js';
import { benchCorpus, bestOf, mbPerSecond } from './lib/corpus.js';

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
}
