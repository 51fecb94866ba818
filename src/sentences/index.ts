import type { Paragraph, Sentence, Token } from '../core/types.js';
import { readList } from '../core/lexicon-file.js';
import { tokenize, tokenizerLexicon } from '../tokenize/index.js';
import { isLower, isUpper, isDigit } from '../tokenize/chars.js';
import { splitParagraphs } from './paragraphs.js';

export { splitParagraphs } from './paragraphs.js';

/** Marks that close a sentence and stay with it: C’est fini. » */
const CLOSERS = new Set(['»', '”', '"', '’', ')', ']', '›', '>>']);
/** Marks that open a new sentence: « — ( */
const OPENERS = new Set(['«', '“', '"', '—', '–', '-', '(', '[', '‹', '‘', '„', '<<', '¿', '¡']);
/** Marks after which a line goes on: a line that ends with one is not a sentence end. */
const CONTINUERS = new Set([',', ';', ':', '(', '«', '“', '-', '–', '—', '/']);

let starters: Set<string> | undefined;
const sentenceStarters = () => (starters ??= new Set(readList('sentences', 'starters.txt')));

/** Splits text into sentences (tokenizing it first). */
export function splitSentences(text: string): Sentence[] {
  return segmentSentences(text, tokenize(text), splitParagraphs(text));
}

/**
 * Sentences of a tokenised text, never across paragraphs. A sentence ends after . ! ? … (with the
 * closing quotes and brackets that follow) when the next token opens a sentence (a capital, a digit,
 * an opening quote or dash); at a line break unless the line runs on; and at a paragraph end.
 * Paragraph sentence ranges are filled in as a side effect of building them.
 */
export function segmentSentences(text: string, tokens: readonly Token[], paragraphs: Paragraph[]): Sentence[] {
  const sentences: Sentence[] = [];
  let t = 0;
  paragraphs.forEach((paragraph, p) => {
    paragraph.sentenceStart = sentences.length;
    while (t < tokens.length && tokens[t]!.end <= paragraph.start) t++;
    let first = t;
    while (t < tokens.length && tokens[t]!.start < paragraph.end) {
      const end = boundaryAfter(text, tokens, t, paragraph.end);
      if (end >= 0) {
        sentences.push(makeSentence(text, tokens, first, end + 1, p));
        t = end + 1;
        first = t;
      } else t++;
    }
    if (t > first) sentences.push(makeSentence(text, tokens, first, t, p));
    paragraph.sentenceEnd = sentences.length;
  });
  return sentences;
}

function makeSentence(text: string, tokens: readonly Token[], first: number, last: number, paragraph: number): Sentence {
  const start = tokens[first]!.start;
  const end = tokens[last - 1]!.end;
  return { start, end, text: text.slice(start, end), tokenStart: first, tokenEnd: last, paragraph };
}

/** If a sentence ends with token t (or with the closers after it), the index of its last token; else -1. */
function boundaryAfter(text: string, tokens: readonly Token[], t: number, paragraphEnd: number): number {
  const token = tokens[t]!;
  const next = tokens[t + 1];
  if (!next || next.start >= paragraphEnd) return -1; // the paragraph end closes it
  if (isTerminal(token)) {
    let last = t;
    while (isCloserAfter(tokens[last]!, tokens[last + 1], paragraphEnd)) last++;
    const following = tokens[last + 1];
    if (!following || following.start >= paragraphEnd) return -1;
    if (newlineBetween(text, tokens[last]!, following)) return last;
    if (opensSentence(following, tokens[last + 2])) return last;
    // a full stop before a lower-case word still ends the sentence (abbreviations are tokens of their own)
    if (tokens[t]!.text === '.' && startsLower(following)) return last;
    return -1;
  }
  if (token.kind === 'abbreviation' && token.text.endsWith('.')) {
    if (!opensSentence(next, tokens[t + 2]) || next.kind === 'abbreviation') return -1;
    const word = token.text.slice(0, -1);
    if (tokenizerLexicon().abbreviations.get(word) === true) return t; // etc. Le …
    if (word.length === 1 && sentenceStarters().has(next.text.replace(/[’']$/, ''))) return t; // Jérôme L. Le procès
    return newlineBetween(text, token, next) ? t : -1;
  }
  if (newlineBetween(text, token, next)) {
    if (CONTINUERS.has(token.text) || startsLower(next)) return -1;
    return t;
  }
  return -1;
}

function isTerminal(token: Token): boolean {
  if (token.kind !== 'punct') return false;
  const last = token.text.charCodeAt(token.text.length - 1);
  return last === 0x2e || last === 0x21 || last === 0x3f || last === 0x2026;
}

/** A token that can start a sentence; an opening mark counts unless a lower-case word follows it: (cité par…). */
function opensSentence(token: Token, after: Token | undefined): boolean {
  const c = token.text.charCodeAt(0);
  if (OPENERS.has(token.text)) return !after || !startsLower(after);
  return isUpper(c) || isDigit(c) || token.kind === 'emoji' || token.kind === 'hashtag' || token.kind === 'handle';
}

/** A closing quote or bracket glued to the end of the sentence: fini. » or fini." — not a straight quote opening the next. */
function isCloserAfter(previous: Token, token: Token | undefined, paragraphEnd: number): boolean {
  if (!token || token.start >= paragraphEnd || !CLOSERS.has(token.text)) return false;
  if (token.text === '"' || token.text === '’') return token.start === previous.end;
  return true;
}

function startsLower(token: Token): boolean {
  return isLower(token.text.charCodeAt(0));
}

function newlineBetween(text: string, a: Token, b: Token): boolean {
  for (let k = a.end; k < b.start; k++) if (text.charCodeAt(k) === 0x0a) return true;
  return false;
}
