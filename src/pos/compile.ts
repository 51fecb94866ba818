/** The load-time forms of the POS files, compiled from their sources (scripts/train/pos-compile.ts writes them). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../core/paths.js';
import { watModuleText } from '../core/wat-module.js';
import { blockIndex } from './block-lines.js';
import { COMMON_WORDS_FILE, commonForms, compileCommonWords, type CommonSources } from './common-words.js';
import { CONTRACTIONS_FILE, contractionsFrom } from './contractions.js';
import { CORPUS_LEMMAS_FILE, MODEL_FILE, PRONOUN_LEMMAS_FILE, SUFFIX_RULES_FILE, TABLES_FILE, classLookup } from './index.js';
import { Lemmatizer } from './lemmatizer.js';
import { SuffixRules } from './suffix-rules.js';
import { tagDictionary } from './tag-dictionary.js';
import { LEXICON_FILE, LEXICON_INDEX_FILE, WordLexicon } from './lexicon.js';
import { decodeModels } from './model.js';
import { SortedLines } from './sorted-lines.js';
import { compileTables } from './tables.js';

/** Rows of a word list (as core/lexicon-file.ts reads them): '#' starts a comment, columns are tab-separated. */
function listRows(data: Buffer): string[][] {
  const rows: string[][] = [];
  for (const raw of data.toString('utf8').split('\n')) {
    const line = raw.includes('#') ? raw.replace(/\s+#.*$/, '').replace(/^#.*$/, '') : raw;
    if (line.trim()) rows.push(line.split('\t').map((cell) => cell.trim()));
  }
  return rows;
}

/** Each compiled file with its bytes; `read` gives a source file of lexicons/pos by name. */
export function compilePosFiles(read: (name: string) => Buffer): { file: string; data: Buffer }[] {
  const model = read(MODEL_FILE);
  const lexicon = read(LEXICON_FILE);
  const corpus = read(CORPUS_LEMMAS_FILE);
  const models = decodeModels(model, MODEL_FILE);
  // every line's first column: a key SortedLines never finds (a line of the header) is looked up all the same
  const corpusForms = corpus.toString('utf8').split('\n').filter(Boolean).map((line) => line.split('\t', 1)[0]!);
  const labels = models[models.length - 1]!.labels;
  const lexiconWords = new WordLexicon(new SortedLines(lexicon));
  const corpusWords = new WordLexicon(new SortedLines(corpus));
  const suffixRules = read(SUFFIX_RULES_FILE);
  const pronounLemmas = read(PRONOUN_LEMMAS_FILE);
  const contractions = read(CONTRACTIONS_FILE);
  const rules = new SuffixRules(listRows(suffixRules));
  const lemmatizer = new Lemmatizer(corpusWords, lexiconWords, () => rules, new Map(listRows(pronounLemmas).map(([form, lemma]) => [form!, lemma!])));
  const allowed = tagDictionary(labels, lexiconWords, corpusWords, contractionsFrom(listRows(contractions)));
  const sources: CommonSources = {
    lexicon: new SortedLines(lexicon),
    corpus: new SortedLines(corpus),
    lexClass: classLookup(lexiconWords),
    allowed: (form) => allowed({ form, lower: form.toLowerCase() }),
    lemma: (form, label) => lemmatizer.lemma(form, label),
    labels,
    rules: rules.entries(),
  };
  // the table is used only while these files are the ones it was compiled from (their sizes)
  const sizes = {
    [MODEL_FILE]: model.length,
    [LEXICON_FILE]: lexicon.length,
    [CORPUS_LEMMAS_FILE]: corpus.length,
    [SUFFIX_RULES_FILE]: suffixRules.length,
    [PRONOUN_LEMMAS_FILE]: pronounLemmas.length,
    [CONTRACTIONS_FILE]: contractions.length,
  };
  return [
    { file: TABLES_FILE, data: compileTables(models, { file: MODEL_FILE, bytes: model.length }) },
    { file: LEXICON_INDEX_FILE, data: Buffer.from(blockIndex(LEXICON_FILE, lexicon).join('\n') + '\n') },
    {
      file: COMMON_WORDS_FILE,
      data: compileCommonWords(commonForms(corpusForms, models), sources, sizes),
    },
  ];
}

/** The WebAssembly core's source and the module that embeds it compiled (paths from the package root). */
export const CORE_SOURCE = 'src/pos/core.wat';
export const CORE_MODULE = 'src/pos/core-wasm.ts';

/** The text of CORE_MODULE, compiled from CORE_SOURCE. */
export function compileCore(): Promise<string> {
  return watModuleText(CORE_SOURCE, 'CORE_WASM', 'npm run compile:pos');
}
