/**
 * `npm run train:ner [-- --epochs N --sources wikineural,newseye --out FILE]`: trains the entity
 * labeller on the training part of the shared corpora (scripts/train/corpora.ts) and writes
 * lexicons/entities/ner-model.bin. Deterministic: fixed corpus order, seeded shuffles, sorted output.
 */
import { writeFileSync } from 'node:fs';
import { lexiconPath } from '../../src/core/paths.js';
import { trainModelFile, DEFAULT_EPOCHS, MAX_FEATURES } from '../../src/entities/training.js';
import { loadCorpora, type Source } from './corpora.js';

export const DEFAULT_SOURCES: Source[] = ['wikineural', 'newseye'];

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

export async function main(args: string[] = process.argv.slice(2)): Promise<void> {
  const epochs = Number(option(args, '--epochs') ?? DEFAULT_EPOCHS);
  const sources = (option(args, '--sources')?.split(',') ?? DEFAULT_SOURCES) as Source[];
  const out = option(args, '--out') ?? lexiconPath('entities', 'ner-model.bin');
  const t0 = performance.now();
  const corpora = loadCorpora();
  const sentences = sources.flatMap((s) => corpora.train[s]);
  console.log(`corpora read in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${sentences.length} training sentences from ${sources.join(', ')}`);
  const buffer = trainModelFile(sentences, {
    epochs,
    maxFeatures: MAX_FEATURES,
    training: {
      sources: sources.map((s) => ({ name: s, sentences: corpora.train[s].length })),
      heldOut: 'every 10th sentence/document/chunk of each source (scripts/train/corpora.ts)',
      licence:
        sources.includes('wikineural')
          ? 'trained on WikiNEuRal (CC BY-NC-SA 4.0): the model is CC BY-NC-SA 4.0, non-commercial'
          : 'CC BY 4.0 / CC0 training data',
    },
    onEpoch: (epoch, accuracy) => console.log(`epoch ${epoch}: ${(100 * accuracy).toFixed(2)}% tokens right`),
  });
  writeFileSync(out, buffer);
  console.log(`wrote ${out}: ${(buffer.length / 1024 / 1024).toFixed(2)} MB in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
