import type { Token } from '../core/types.js';
import { ExtraitError } from '../core/errors.js';
import { tokenize } from '../tokenize/index.js';
import { LABELS } from './model.js';
import type { EntityType } from './types.js';

/** An annotated span of a training text (UTF-16 offsets). */
export interface LabelledSpan {
  start: number;
  end: number;
  type: EntityType;
}

/** A training sentence as text with its entity spans, independent of any tokenisation. */
export interface LabelledText {
  text: string;
  spans: LabelledSpan[];
}

/** A training sentence cut by extrait's tokenizer, with one label index (into LABELS) per token. */
export interface ProjectedSentence {
  text: string;
  tokens: Token[];
  labels: number[];
}

/** Entity type of a corpus tag's type part (PER, pers, LOC, GPE, HumanProd…); undefined = not an entity we keep. */
export function mapType(raw: string): EntityType | undefined {
  const t = raw.toLowerCase().split('.')[0]!;
  if (t === 'per' || t === 'pers' || t === 'person') return 'PER';
  if (t === 'loc' || t === 'gpe' || t === 'location' || t === 'fac') return 'LOC';
  if (t === 'org' || t === 'organization' || t === 'organisation') return 'ORG';
  if (t === 'misc' || t === 'humanprod' || t === 'prod' || t === 'event' || t === 'work') return 'MISC';
  return undefined;
}

/** Joins corpus tokens into text the way French is written: no space before , . ) or after ( and elisions. */
export function joinTokens(words: readonly string[], noSpaceAfter?: readonly boolean[]): { text: string; offsets: number[] } {
  let text = '';
  const offsets: number[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (i > 0) {
      const prev = words[i - 1]!;
      // Two words are never glued in French: a "no space after" between letters is an OCR slip.
      const glue = noSpaceAfter
        ? noSpaceAfter[i - 1] && !(/\p{L}$/u.test(prev) && /^\p{L}/u.test(w))
        : /^[,.)\]…]$/.test(w) || /^[(\[]$/.test(prev) || /['’]$/.test(prev);
      if (!glue) text += ' ';
    }
    offsets.push(text.length);
    text += w;
  }
  return { text, offsets };
}

/**
 * Spans of a tagged token sequence. Accepts IOB2 (B- starts), IOB1/IO (a span runs while the type
 * stays the same) and BIOES (S-, E-). Types that mapType does not know (dates…) are dropped.
 */
export function spansFromTags(words: readonly string[], tags: readonly string[], offsets: readonly number[]): LabelledSpan[] {
  const spans: LabelledSpan[] = [];
  let open: { start: number; type: string; end: number } | undefined;
  const close = () => {
    if (open) {
      const type = mapType(open.type);
      if (type) spans.push({ start: open.start, end: open.end, type });
    }
    open = undefined;
  };
  for (let i = 0; i < words.length; i++) {
    const tag = tags[i]!;
    const end = offsets[i]! + words[i]!.length;
    if (tag === 'O' || tag === '_' || tag === '') {
      close();
      continue;
    }
    const dash = tag.indexOf('-');
    const prefix = dash === 1 ? tag[0]!.toUpperCase() : 'I';
    const type = dash === 1 ? tag.slice(2) : tag;
    if (prefix === 'B' || prefix === 'S' || !open || open.type !== type) {
      close();
      open = { start: offsets[i]!, type, end };
    } else open.end = end;
    if (prefix === 'E' || prefix === 'S') close();
  }
  close();
  return spans;
}

/**
 * Reads a CoNLL-style file: one token per line, columns separated by tabs or spaces, blank lines
 * between sentences, `#` and -DOCSTART- lines skipped. The token is the first column (the second
 * when the first is a number and there are three or more), the tag the last column.
 */
export function readConll(content: string, name = 'data'): LabelledText[] {
  const sentences: LabelledText[] = [];
  let words: string[] = [];
  let tags: string[] = [];
  const flush = () => {
    if (words.length) {
      const { text, offsets } = joinTokens(words);
      sentences.push({ text, spans: spansFromTags(words, tags, offsets) });
    }
    words = [];
    tags = [];
  };
  const lines = content.split(/\r?\n/);
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!.trim();
    if (!line || line.startsWith('-DOCSTART-')) {
      flush();
      continue;
    }
    if (line.startsWith('#')) continue;
    const cols = line.split(/\t| +/);
    if (cols.length < 2) throw new ExtraitError('E_INPUT_PARSE', `${name}:${n + 1}: expected a token and a tag`);
    const token = cols.length >= 3 && /^\d+$/.test(cols[0]!) ? cols[1]! : cols[0]!;
    words.push(token);
    tags.push(cols[cols.length - 1]!);
  }
  flush();
  return sentences;
}

/**
 * Cuts a labelled text with extrait's tokenizer and gives each token its BIO label: the model
 * learns on the tokens it will see at run time. A token that overlaps a span belongs to it.
 */
export function project(sentence: LabelledText): ProjectedSentence {
  const tokens = tokenize(sentence.text);
  const labels = new Array<number>(tokens.length).fill(0);
  const spans = [...sentence.spans].sort((a, b) => a.start - b.start);
  let k = 0;
  for (const span of spans) {
    while (k < tokens.length && tokens[k]!.end <= span.start) k++;
    let first = true;
    for (let j = k; j < tokens.length && tokens[j]!.start < span.end; j++) {
      if (labels[j] !== 0 && first) break; // overlaps the previous span: keep that one
      labels[j] = LABELS.indexOf(`${first ? 'B' : 'I'}-${span.type}` as (typeof LABELS)[number]);
      first = false;
    }
  }
  return { text: sentence.text, tokens, labels };
}

/** Entity spans of labelled tokens, as token ranges. */
export function labelSpans(labels: readonly number[]): { start: number; end: number; type: EntityType }[] {
  const spans: { start: number; end: number; type: EntityType }[] = [];
  for (let i = 0; i < labels.length; i++) {
    const label = LABELS[labels[i]!]!;
    if (label === 'O') continue;
    const type = label.slice(2) as EntityType;
    if (label.startsWith('I-') && spans.length && spans[spans.length - 1]!.end === i && spans[spans.length - 1]!.type === type) {
      spans[spans.length - 1]!.end = i + 1;
    } else spans.push({ start: i, end: i + 1, type });
  }
  return spans;
}

/** Labels of token spans (the inverse of labelSpans). */
export function spansToLabels(n: number, spans: readonly { start: number; end: number; type: EntityType }[]): number[] {
  const labels = new Array<number>(n).fill(0);
  for (const s of spans) {
    for (let i = s.start; i < s.end; i++) labels[i] = LABELS.indexOf(`${i === s.start ? 'B' : 'I'}-${s.type}` as (typeof LABELS)[number]);
  }
  return labels;
}
