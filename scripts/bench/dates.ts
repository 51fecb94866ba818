/** Throughput of temporal expression extraction, beside chrono-node's French parser on the same text. */
import * as chrono from 'chrono-node';
import { createDocument } from '../../src/core/document.js';
import { normalizeText } from '../../src/input/normalize.js';
import { extractDates } from '../../src/dates/extract.js';
import { benchCorpus, bestOf, mbPerSecond } from './lib/corpus.js';

export async function main(): Promise<void> {
  const { documents } = benchCorpus(1);
  // articles of a few kilobytes, as extrait reads them
  const texts: string[] = [];
  let current = '';
  for (const d of documents) {
    current += (current ? '\n\n' : '') + d;
    if (current.length > 4000) (texts.push(normalizeText(current)), (current = ''));
  }
  if (current) texts.push(normalizeText(current));
  const corpus = [...texts, ...texts, ...texts, ...texts];
  const bytes = corpus.reduce((n, t) => n + Buffer.byteLength(t), 0);
  const docs = corpus.map((t) => ({ ...createDocument(t, { date: '2024-03-14' }), warnings: [] }));

  let found = 0;
  extractDates(docs[0]!); // lexicons and rules load once, outside the timing
  const datesOnly = bestOf(3, () => {
    found = 0;
    for (const d of docs) found += extractDates(d).length;
  });
  const withTokens = bestOf(3, () => {
    for (const t of corpus) extractDates({ ...createDocument(t, { date: '2024-03-14' }), warnings: [] });
  });
  console.log(`corpus: ${(bytes / 1024 / 1024).toFixed(1)} MB of French text in ${corpus.length} documents, ${found} expressions`);
  console.log(`extrait dates (tokens given): ${mbPerSecond(bytes, datesOnly)} MB/s (best of 3)`);
  console.log(`extrait tokenize + sentences + dates: ${mbPerSecond(bytes, withTokens)} MB/s (best of 3)`);

  const instant = new Date(2024, 2, 14, 12);
  let peerFound = 0;
  const peer = bestOf(1, () => {
    peerFound = 0;
    for (const t of corpus) peerFound += chrono.fr.parse(t, instant).length;
  });
  console.log(`chrono-node fr.parse: ${mbPerSecond(bytes, peer)} MB/s, ${peerFound} expressions (extrait with tokenizing: ×${(peer / withTokens).toFixed(2)} its speed)`);
}
