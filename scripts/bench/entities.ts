/**
 * Throughput of the entity step alone (labeller, rules, clustering) on tokenised documents, the
 * model's and lexicons' load times, and fr-compromise's people/places/organizations on the same text.
 */
import { createDocument } from '../../src/core/document.js';
import { entitiesComponent } from '../../src/entities/index.js';
import { entitiesLexicon } from '../../src/entities/lexicon.js';
import { loadModel, modelPath } from '../../src/entities/recognize.js';
import { NerModel } from '../../src/entities/model.js';
import { benchCorpus, bestOf, mbPerSecond } from './lib/corpus.js';

export async function main(): Promise<void> {
  let t0 = performance.now();
  entitiesLexicon();
  const lexiconMs = performance.now() - t0;
  t0 = performance.now();
  loadModel();
  const modelMs = performance.now() - t0;
  const reload = bestOf(5, () => NerModel.load(modelPath()));
  console.log(`load: lexicons ${lexiconMs.toFixed(0)} ms, model ${modelMs.toFixed(0)} ms (re-read ${reload.toFixed(0)} ms)`);

  const { documents } = benchCorpus(1);
  let base = documents.join('\n\n');
  const chunks: string[] = [];
  // Documents of news-article size, about 2 MB in all.
  while (Buffer.byteLength(chunks.join('')) < 2 * 1024 * 1024) chunks.push(...documents);
  base = chunks.join('\n\n');
  const bytes = Buffer.byteLength(base);
  const docs = chunks.map((text) => ({ ...createDocument(text), warnings: [] }));
  let mentions = 0;
  const ours = bestOf(3, () => {
    mentions = 0;
    for (const doc of docs) mentions += entitiesComponent.run(doc, {}).mentions!.length;
  });
  console.log(`entity step on ${(bytes / 1024 / 1024).toFixed(1)} MB (${docs.length} documents, ${mentions} mentions): ${mbPerSecond(bytes, ours)} MB/s (best of 3)`);

  type Doc = { people(): { length: number }; places(): { length: number }; organizations(): { length: number } };
  const { default: nlp } = (await import('fr-compromise')) as unknown as { default: (text: string) => Doc };
  const sample = chunks.slice(0, Math.max(1, Math.floor(chunks.length / 4)));
  const sampleBytes = Buffer.byteLength(sample.join('\n\n'));
  const peer = bestOf(1, () => {
    for (const text of sample) {
      const d = nlp(text);
      void (d.people().length + d.places().length + d.organizations().length);
    }
  });
  console.log(`fr-compromise people+places+organizations (tokenising included) on ${(sampleBytes / 1024 / 1024).toFixed(1)} MB: ${mbPerSecond(sampleBytes, peer)} MB/s`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
