/**
 * The shared NER corpora (../shared/data/ner), read into labelled sentences, cut by extrait's
 * tokenizer, mapped onto extrait's conventions, and split into training and held-out parts the
 * same way every time (the eval script measures on the held-out part).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDir } from '../eval/lib/shared.js';
import { joinTokens, labelSpans, project, readConll, spansFromTags, spansToLabels, type LabelledText, type ProjectedSentence } from '../../src/entities/corpus.js';
import { normalizeSpan, type TokenSpan } from '../../src/entities/conventions.js';

export type Source = 'wikineural' | 'newseye' | 'europeana';

export interface Corpora {
  train: Record<Source, ProjectedSentence[]>;
  heldOut: Record<Source, ProjectedSentence[]>;
}

/** Every HELD_OUT-th unit (sentence, document, chunk) is kept aside. */
const HELD_OUT = 10;

/** Maps a projected sentence onto extrait's conventions (titles out of PER, demonyms MISC…). */
export function toConventions(sentence: ProjectedSentence): ProjectedSentence {
  const spans = labelSpans(sentence.labels).flatMap((s) => normalizeSpan(sentence.tokens, beforeComma(sentence, s)) ?? []);
  return { ...sentence, labels: spansToLabels(sentence.tokens.length, spans) };
}

/**
 * NewsEye's spans run over addresses and appositions ("rue Ordener, 80", "27, quai de la
 * Tournelle", "Pautrat et Cie, fabricants…"): a name ends at its first comma (a leading number
 * and comma are dropped instead).
 */
function beforeComma(sentence: ProjectedSentence, span: TokenSpan): TokenSpan {
  const { tokens } = sentence;
  let { start } = span;
  if (tokens[start]?.kind === 'number' && tokens[start + 1]?.text === ',') start += 2;
  for (let i = start + 1; i < span.end; i++) if (tokens[i]!.text === ',') return { ...span, start, end: i };
  return { ...span, start };
}

function wikineural(dir: string): LabelledText[][] {
  // One unit per sentence.
  return readConll(readFileSync(join(dir, 'wikineural-fr-val.conllu'), 'utf8'), 'wikineural').map((s) => [s]);
}

/** NewsEye (HIPE-2022 TSV): one unit per document, sentences cut at EndOfSentence; OCR line-break hyphens (¬) joined. */
function newseye(dir: string): LabelledText[][] {
  const documents: LabelledText[][] = [];
  for (const file of ['newseye-fr-dev.tsv', 'newseye-fr-dev2.tsv']) {
    let doc: LabelledText[] = [];
    let words: string[] = [];
    let tags: string[] = [];
    let glue: boolean[] = [];
    const flushSentence = () => {
      if (words.length) {
        const { text, offsets } = joinTokens(words, glue);
        doc.push({ text, spans: spansFromTags(words, tags, offsets) });
      }
      words = [];
      tags = [];
      glue = [];
    };
    const flushDocument = () => {
      flushSentence();
      if (doc.length) documents.push(doc);
      doc = [];
    };
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      if (line.startsWith('# hipe2022:document_id')) flushDocument();
      if (!line || line.startsWith('#') || line.startsWith('TOKEN\t')) continue;
      const cols = line.split('\t');
      const misc = cols[9] ?? '';
      let token = cols[0]!;
      const tag = cols[1]!;
      const previous = words.length - 1;
      if (previous >= 0 && words[previous]!.endsWith('¬')) {
        // "Poin¬" + "caré": one word split by the end of a printed line.
        words[previous] = words[previous]!.slice(0, -1) + token;
        glue[previous] = misc.includes('NoSpaceAfter');
      } else {
        words.push(token);
        tags.push(tag);
        glue.push(misc.includes('NoSpaceAfter'));
      }
      if (misc.includes('EndOfSentence')) flushSentence();
    }
    flushDocument();
  }
  return documents;
}

/** Europeana (IO tags, no sentence breaks, OCR): chunks cut after a full stop, at most 60 tokens. */
function europeana(dir: string): LabelledText[][] {
  const chunks: LabelledText[][] = [];
  let words: string[] = [];
  let tags: string[] = [];
  const flush = () => {
    if (words.length) {
      const { text, offsets } = joinTokens(words);
      chunks.push([{ text, spans: spansFromTags(words, tags, offsets) }]);
    }
    words = [];
    tags = [];
  };
  for (const line of readFileSync(join(dir, 'europeana-fr-bnf.bio'), 'utf8').split('\n')) {
    const space = line.lastIndexOf(' ');
    if (space <= 0) continue;
    words.push(line.slice(0, space));
    tags.push(line.slice(space + 1));
    if ((line.startsWith('. ') && words.length > 8) || words.length >= 60) flush();
  }
  flush();
  return chunks;
}

let cached: Corpora | undefined;

export function loadCorpora(): Corpora {
  if (cached) return cached;
  const dir = join(sharedDir(), 'data', 'ner');
  const train = {} as Corpora['train'];
  const heldOut = {} as Corpora['heldOut'];
  const units: Record<Source, LabelledText[][]> = { wikineural: wikineural(dir), newseye: newseye(dir), europeana: europeana(dir) };
  for (const source of Object.keys(units) as Source[]) {
    train[source] = [];
    heldOut[source] = [];
    units[source].forEach((unit, i) => {
      const target = i % HELD_OUT === HELD_OUT - 1 ? heldOut[source] : train[source];
      for (const sentence of unit) target.push(toConventions(project(sentence)));
    });
  }
  return (cached = { train, heldOut });
}
