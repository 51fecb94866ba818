/**
 * Throughput of the entity step alone (labeller, rules, clustering) on tokenised documents, the
 * model's and lexicons' load times, and fr-compromise's people/places/organizations on the same text.
 */
import { createDocument } from '../../src/core/document.js';
import { entitiesComponent } from '../../src/entities/index.js';
import { entitiesLexicon } from '../../src/entities/lexicon.js';
import { clearWordCache } from '../../src/entities/features.js';
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

  // Every shared text once (UD French news and Wikipedia sentences in 25-sentence documents, the
  // dev articles, the seed): no document is seen twice, and the word cache starts cold each run.
  const { documents: chunks } = benchCorpus(1);
  const bytes = Buffer.byteLength(chunks.join('\n\n'));
  const docs = chunks.map((text) => ({ ...createDocument(text), warnings: [] }));
  let mentions = 0;
  let cpuMs = Infinity;
  for (const doc of docs) entitiesComponent.run(doc, {}); // warm-up: compiled code, not the word cache (cleared below)
  const ours = bestOf(5, () => {
    clearWordCache();
    mentions = 0;
    const cpu = process.cpuUsage();
    for (const doc of docs) mentions += entitiesComponent.run(doc, {}).mentions!.length;
    const used = process.cpuUsage(cpu);
    cpuMs = Math.min(cpuMs, (used.user + used.system) / 1000);
  });
  console.log(
    `entity step on ${(bytes / 1024 / 1024).toFixed(1)} MB (${docs.length} documents, ${mentions} mentions): ` +
      `${mbPerSecond(bytes, ours)} MB/s wall clock, ${mbPerSecond(bytes, cpuMs)} MB/s of CPU time (best of 5; the two differ on a busy machine)`,
  );

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
