/**
 * UPOS and lemma accuracy (strict and case-insensitive) on the UD French dev sets, per syntactic
 * word and on gold tokens, beside fr-compromise run on the same sentences.
 *   --errors      the most frequent confusions
 *   --limit N     only the first N sentences of each corpus
 *   --no-peer     skip fr-compromise
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConllu, type ConlluSentence } from '../../src/conllu/index.js';
import { emptyAccuracy, scoreSentence, type Accuracy, type Mistake, type WordPrediction } from '../../src/pos/evaluate.js';
import { posModel, tagWords } from '../../src/pos/index.js';
import { pct } from './lib/metrics.js';
import { tokenize } from '../../src/tokenize/index.js';
import { sharedDir } from './lib/shared.js';

const CORPORA = [
  ['ud-fr-sequoia dev', 'data/ud-fr-sequoia/fr_sequoia-ud-dev.conllu'],
  ['ud-fr-gsd dev', 'data/ud-fr-gsd/fr_gsd-ud-dev.conllu'],
] as const;

interface CompromiseTerm {
  text: string;
  tags: string[];
  root?: string;
  machine?: string;
  normal?: string;
  offset: { start: number; length: number };
}
type Nlp = (text: string) => { compute(what: string): void; json(o: object): { terms: CompromiseTerm[] }[] };

/** fr-compromise's tags as UPOS (first matching row wins). */
const PEER_TAGS: [string, string][] = [
  ['Pronoun', 'PRON'], ['Determiner', 'DET'], ['Preposition', 'ADP'], ['Conjunction', 'CCONJ'],
  ['Auxiliary', 'AUX'], ['Copula', 'AUX'], ['Verb', 'VERB'], ['Adjective', 'ADJ'], ['Ordinal', 'ADJ'],
  ['Adverb', 'ADV'], ['Negative', 'ADV'], ['ProperNoun', 'PROPN'], ['Person', 'PROPN'], ['Place', 'PROPN'],
  ['Organization', 'PROPN'], ['Value', 'NUM'], ['Noun', 'NOUN'], ['Expression', 'INTJ'],
];

function peerTag(tags: readonly string[]): string {
  for (const [tag, upos] of PEER_TAGS) if (tags.includes(tag)) return upos;
  return 'X';
}

/** Gold token spans inside the sentence text (undefined when the forms cannot be found in it). */
function tokenSpans(sentence: ConlluSentence): { start: number; end: number }[] | undefined {
  const spans: { start: number; end: number }[] = [];
  let at = 0;
  for (const t of sentence.tokens) {
    while (at < sentence.text.length && /\s/.test(sentence.text[at]!)) at++;
    if (!sentence.text.startsWith(t.form, at)) return undefined;
    spans.push({ start: at, end: at + t.form.length });
    at += t.form.length;
  }
  return spans;
}

/**
 * fr-compromise on the sentence text, its terms aligned to the gold tokens by offsets. A term and
 * the empty terms it expands into (au → à + le) give one prediction per gold word when the counts
 * agree; punctuation, which it keeps outside terms, counts as PUNCT.
 */
function peerPredictions(nlp: Nlp, sentence: ConlluSentence): (WordPrediction | undefined)[] {
  const spans = tokenSpans(sentence);
  const out: (WordPrediction | undefined)[] = sentence.tokens.map((t) => (/^[\p{P}\p{S}]+$/u.test(t.form) ? { pos: 'PUNCT', lemma: t.form } : undefined));
  if (!spans) return out;
  const doc = nlp(sentence.text);
  doc.compute('root');
  const terms = doc.json({ offset: true, terms: { offset: true } }).flatMap((s) => s.terms);
  const asWord = (t: CompromiseTerm): WordPrediction => ({ pos: peerTag(t.tags), lemma: t.root ?? t.machine ?? t.normal ?? t.text });
  for (let g = 0; g < terms.length; ) {
    const head = terms[g]!;
    let end = g + 1;
    while (end < terms.length && terms[end]!.offset.length === 0) end++;
    const group = terms.slice(g, end).map(asWord);
    const from = head.offset.start;
    const to = from + Math.max(head.offset.length, 1);
    const inside = spans.map((s, i) => i).filter((i) => spans[i]!.start < to && spans[i]!.end > from && out[i] === undefined);
    const words = inside.reduce((n, i) => n + sentence.tokens[i]!.words.length, 0);
    if (words === group.length && group.length > 1) {
      let k = 0;
      for (const i of inside) {
        const n = sentence.tokens[i]!.words.length;
        const mine = group.slice(k, k + n);
        k += n;
        out[i] = n > 1 ? { pos: mine.map((m) => m.pos).join('+'), lemma: mine.map((m) => m.lemma).join('+'), parts: mine.map((m) => ({ form: '', lemma: m.lemma, pos: m.pos })) } : mine[0]!;
      }
    } else {
      for (const i of inside) out[i] = group[0]!;
    }
    g = end;
  }
  return out;
}

/**
 * Through extrait's own tokenizer, as the pipeline runs: the sentence text is tokenized and tagged,
 * and each gold surface token that is also one of extrait's tokens (same span) is scored on its
 * label (du → ADP+DET) and, for single words, its lemma.
 */
function ownTokens(sentences: readonly ConlluSentence[]): { gold: number; matched: number; labels: number; lemmas: number; words: number } {
  const out = { gold: 0, matched: 0, labels: 0, lemmas: 0, words: 0 };
  for (const s of sentences) {
    const spans = tokenSpans(s);
    if (!spans) continue;
    const tokens = tokenize(s.text);
    const tagged = tagWords(tokens.map((t) => t.text));
    const mine = new Map(tokens.map((t, i) => [`${t.start}:${t.end}`, tagged[i]!]));
    s.tokens.forEach((token, i) => {
      out.gold++;
      const p = mine.get(`${spans[i]!.start}:${spans[i]!.end}`);
      if (!p) return;
      out.matched++;
      if (p.pos === token.words.map((w) => w.upos).join('+')) out.labels++;
      if (token.words.length === 1) {
        out.words++;
        if (p.lemma === token.words[0]!.lemma) out.lemmas++;
      }
    });
  }
  return out;
}

const line = (name: string, who: string, a: Accuracy) =>
  `${name.padEnd(18)} | ${who.padEnd(13)} | ${String(a.words).padStart(6)} | ${pct(a.upos / a.words).padStart(6)} | ${pct(a.lemma / a.words).padStart(6)} | ${pct(a.lemmaNoCase / a.words).padStart(10)} | ${pct(a.tokenLabels / a.tokens).padStart(6)}`;

function topMistakes(mistakes: Mistake[], kind: Mistake['kind'], n: number): string {
  const counts = new Map<string, number>();
  for (const m of mistakes) if (m.kind === kind) counts.set(`${m.form} ${m.gold}→${m.predicted}`, (counts.get(`${m.form} ${m.gold}→${m.predicted}`) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${k} ×${v}`).join(', ');
}

export async function main(args: string[]): Promise<void> {
  const showErrors = args.includes('--errors');
  const noPeer = args.includes('--no-peer');
  const limitAt = args.indexOf('--limit');
  const limit = limitAt >= 0 ? Number(args[limitAt + 1]) : Infinity;
  const t0 = performance.now();
  posModel();
  console.log(`model loaded in ${(performance.now() - t0).toFixed(0)} ms`);
  const nlp = noPeer ? undefined : ((await import('fr-compromise')).default as unknown as Nlp);
  console.log('corpus             | tagger        |  words |   UPOS |  lemma | lemma (ci) | tokens');
  const ownLines: string[] = [];
  for (const [name, path] of CORPORA) {
    const sentences = parseConllu(readFileSync(join(sharedDir(), path), 'utf8')).slice(0, limit);
    const ours = emptyAccuracy();
    const mistakes: Mistake[] = [];
    for (const s of sentences) scoreSentence(s, tagWords(s.tokens.map((t) => t.form)), ours, mistakes);
    console.log(line(name, 'extrait', ours));
    const own = ownTokens(sentences);
    ownLines.push(
      `${name.padEnd(18)} | ${pct(own.matched / own.gold).padStart(6)}% of gold tokens are extrait tokens; on them UPOS ${pct(own.labels / own.matched)}, lemma ${pct(own.lemmas / own.words)}`,
    );
    if (nlp) {
      const peer = emptyAccuracy();
      for (const s of sentences) scoreSentence(s, peerPredictions(nlp, s), peer);
      console.log(line(name, 'fr-compromise', peer));
    }
    if (showErrors) {
      console.log('  UPOS errors: ' + topMistakes(mistakes, 'upos', 40));
      console.log('  lemma errors: ' + topMistakes(mistakes, 'lemma', 60));
    }
  }
  console.log('words: syntactic words (du = de + le counts two); tokens: surface-token labels (du → ADP+DET). Gold tokenisation.');
  console.log('\nthrough extrait\'s tokenizer (surface tokens, strict lemma):');
  for (const l of ownLines) console.log(l);
}
