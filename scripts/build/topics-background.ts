/**
 * `npx tsx scripts/build/topics-background.ts`: writes lexicons/topics/background.tsv, the
 * document frequency of content-word lemmas in general French, against which the topics
 * component measures how specific a phrase is to an article.
 *
 * Documents: UD French-Sequoia (train, dev) and UD French-GSD (dev) in runs of
 * SENTENCES_PER_DOCUMENT consecutive sentences of one source, and every French TimeBank article
 * (Est Républicain) as one document, every NewsEye article (French press 1854–1946) as one
 * document and the Europeana OCR press (1906) in runs of WORDS_PER_CHUNK tokens; these are
 * lemmatised with the lemma the UD corpora give a word form most often (forms they never saw,
 * OCR noise among them, are skipped). Deterministic output: lemmas sorted, counts only. Needs ../shared/data (or
 * EXTRAIT_SHARED).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConllu } from '../../src/conllu/index.js';
import { lexiconPath } from '../../src/core/paths.js';
import { tokenize } from '../../src/tokenize/index.js';
import { sharedDir } from '../eval/lib/shared.js';

const SENTENCES_PER_DOCUMENT = 10;
const MIN_DF = 2;
const WORDS_PER_CHUNK = 400;
const CONTENT = new Set(['NOUN', 'PROPN', 'ADJ', 'VERB', 'ADV']);
const UD_FILES = ['ud-fr-sequoia/fr_sequoia-ud-train.conllu', 'ud-fr-sequoia/fr_sequoia-ud-dev.conllu', 'ud-fr-gsd/fr_gsd-ud-dev.conllu'];

const lower = (s: string) => s.normalize('NFC').toLowerCase().replace(/’/g, "'");

function main(): void {
  const data = join(sharedDir(), 'data');
  const documents: Set<string>[] = [];
  const formLemmas = new Map<string, Map<string, number>>();

  for (const file of UD_FILES) {
    let current = new Set<string>();
    let source = '';
    let inDocument = 0;
    const close = () => {
      if (current.size) documents.push(current);
      current = new Set();
      inDocument = 0;
    };
    for (const sentence of parseConllu(readFileSync(join(data, file), 'utf8'))) {
      const from = (sentence.id ?? '').replace(/[_.]?\d+$/, '');
      if (from !== source || inDocument === SENTENCES_PER_DOCUMENT) close();
      source = from;
      inDocument++;
      for (const token of sentence.tokens) {
        for (const word of token.words) {
          if (!CONTENT.has(word.upos) || word.lemma === '_') continue;
          const lemma = lower(word.lemma);
          current.add(lemma);
          const form = lower(word.form);
          const counts = formLemmas.get(form) ?? new Map<string, number>();
          counts.set(lemma, (counts.get(lemma) ?? 0) + 1);
          formLemmas.set(form, counts);
        }
      }
    }
    close();
  }
  const udDocuments = documents.length;

  const lemmaOf = new Map<string, string>();
  for (const [form, counts] of formLemmas) lemmaOf.set(form, [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0]);
  const timebank = join(data, 'fr-timebank-dev');
  for (const file of readdirSync(timebank).filter((f) => f.endsWith('.tml')).sort()) {
    const xml = readFileSync(join(timebank, file), 'utf8');
    const body = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(xml)?.[1] ?? '';
    const text = body.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    const doc = new Set<string>();
    for (const token of tokenize(text)) {
      if (token.kind !== 'word') continue;
      const form = lower(token.text);
      const lemma = lemmaOf.get(form);
      if (lemma) doc.add(lemma);
    }
    if (doc.size) documents.push(doc);
  }
  const timebankDocuments = documents.length - udDocuments;
  const addForms = (forms: readonly string[]) => {
    const doc = new Set<string>();
    for (const form of forms) {
      const lemma = lemmaOf.get(lower(form));
      if (lemma) doc.add(lemma);
    }
    if (doc.size) documents.push(doc);
  };

  // NewsEye (HIPE TSV): one document per `# hipe2022:document_id`, the token in the first column.
  let newseye = 0;
  for (const file of ['newseye-fr-dev.tsv', 'newseye-fr-dev2.tsv']) {
    let forms: string[] = [];
    for (const line of readFileSync(join(data, 'ner', file), 'utf8').split('\n')) {
      if (line.startsWith('# hipe2022:document_id')) {
        if (forms.length) (addForms(forms), newseye++);
        forms = [];
      } else if (line && !line.startsWith('#') && !line.startsWith('TOKEN\t')) forms.push(line.split('\t')[0]!);
    }
    if (forms.length) (addForms(forms), newseye++);
  }
  // Europeana (token and tag per line, no document breaks): fixed-size chunks.
  let europeana = 0;
  let chunk: string[] = [];
  for (const line of readFileSync(join(data, 'ner', 'europeana-fr-bnf.bio'), 'utf8').split('\n')) {
    const form = line.split(' ')[0];
    if (form) chunk.push(form);
    if (chunk.length === WORDS_PER_CHUNK) (addForms(chunk), europeana++, (chunk = []));
  }
  if (chunk.length) (addForms(chunk), europeana++);

  const df = new Map<string, number>();
  for (const doc of documents) for (const lemma of doc) if (/\p{L}/u.test(lemma)) df.set(lemma, (df.get(lemma) ?? 0) + 1);
  // byte order of the lemma: src/topics/lexicon.ts searches the file in place
  const rows = [...df].filter(([, n]) => n >= MIN_DF).sort((a, b) => Buffer.compare(Buffer.from(a[0]), Buffer.from(b[0])));
  const header = [
    '# Background document frequencies of French content-word lemmas (NOUN, PROPN, ADJ, VERB, ADV), lower case.',
    `# Built by scripts/build/topics-background.ts from UD French-Sequoia train+dev and UD French-GSD dev`,
    `# (${udDocuments} documents of ${SENTENCES_PER_DOCUMENT} consecutive sentences) and French TimeBank 1.1`,
    `# (${timebankDocuments} Est Républicain articles), NewsEye FR dev+dev2 (${newseye} articles, CC BY 4.0) and Europeana FR BnF`,
    `# (${europeana} chunks of ${WORDS_PER_CHUNK} tokens, CC0). Lemmas seen in fewer than ${MIN_DF} documents are left out.`,
    `documents\t${documents.length}`,
  ];
  writeFileSync(lexiconPath('topics', 'background.tsv'), [...header, ...rows.map(([l, n]) => `${l}\t${n}`), ''].join('\n'));
  process.stdout.write(`background.tsv: ${documents.length} documents, ${rows.length} lemmas\n`);
}

main();
