/** Tagging throughput (tokenize + sentences + pos) beside fr-compromise's tagger on the same text. */
import { createDocument } from '../../src/core/document.js';
import { posModel, tagTokens } from '../../src/pos/index.js';
import { benchCorpus, bestOf, mbPerSecond } from './lib/corpus.js';

export async function main(): Promise<void> {
  const { text, bytes } = benchCorpus(4);
  const t0 = performance.now();
  posModel();
  const loadMs = performance.now() - t0;
  const doc = createDocument(text);
  let tagged = 0;
  const tagOnly = bestOf(3, () => {
    tagged = tagTokens(doc.tokens, doc.sentences).length;
  });
  const withTokenizer = bestOf(3, () => {
    const d = createDocument(text);
    tagTokens(d.tokens, d.sentences);
  });
  console.log(`corpus: ${(bytes.length / 1024 / 1024).toFixed(1)} MB, ${tagged} tokens; model load ${loadMs.toFixed(0)} ms`);
  console.log(`extrait pos tagging: ${mbPerSecond(bytes.length, tagOnly)} MB/s (best of 3); with tokenizer and sentences: ${mbPerSecond(bytes.length, withTokenizer)} MB/s`);

  const { default: nlp } = (await import('fr-compromise')) as unknown as { default: (text: string) => { compute(w: string): void; json(): unknown } };
  // fr-compromise is slow on large inputs: the comparison runs on the first 200 kB of the same corpus
  const sample = bytes.subarray(0, 200 * 1024).toString('utf8').replace(/\uFFFD$/, '');
  const size = Buffer.byteLength(sample);
  const peer = bestOf(1, () => {
    const d = nlp(sample);
    d.compute('root');
    d.json();
  });
  const ours = bestOf(3, () => {
    const d = createDocument(sample);
    tagTokens(d.tokens, d.sentences);
  });
  console.log(
    `on the same 200 kB: extrait tokenize+pos ${mbPerSecond(size, ours)} MB/s, fr-compromise nlp(text) with roots ${mbPerSecond(size, peer)} MB/s — extrait ×${(peer / ours).toFixed(0)} faster`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
