import type { Token } from '../core/types.js';
import { lowerBound } from '../core/search.js';
import { tokenizerLexicon } from '../tokenize/index.js';
import type { Region } from './marks.js';
import { norm } from './lexicon.js';
import { startsUpper } from '../core/letters.js';

/** A word of the narrator's text around quotations, or a placeholder standing for a whole quotation. */
export interface Item {
  start: number;
  end: number;
  text: string;
  /** Lower case with straight apostrophes. */
  norm: string;
  /** The quotation this placeholder stands for. */
  region?: number;
  /** Index of the (first) document token. */
  token?: number;
  cap: boolean;
}

/** The items of one stretch of text (a paragraph, or a part of a quotation) and its sentences. */
export interface Frame {
  items: Item[];
  /** [first, end) item ranges of the sentences, quotations counted as single items. */
  sentences: [number, number][];
  /** Sentence index of each item. */
  sentenceOf: number[];
}

const TERMINAL = /^(?:[.!?…]+|\.\.\.)$/;

/** First token whose start is at or after `offset` (binary search). */
export function firstTokenAt(tokens: readonly Token[], offset: number): number {
  return lowerBound(tokens.length, (i) => tokens[i]!.start < offset);
}

/** The stretch of text a region covers in one of its parts, marks included. */
export function regionRange(region: Region, part: number): [number, number] {
  const p = region.parts[part]!;
  const from = part === 0 ? region.open : p.start;
  const last = part === region.parts.length - 1;
  const to = last && !region.unterminated ? Math.max(region.close + 1, p.end) : p.end;
  return [from, to];
}

/**
 * Items of text[from, to): the document tokens, with each child quotation folded into one
 * placeholder, and elisions the tokenizer left apart (d + ’ before «) joined.
 */
export function buildFrame(text: string, tokens: readonly Token[], from: number, to: number, children: readonly Region[]): Frame {
  const ranges: [number, number, number][] = [];
  for (const child of children) {
    child.parts.forEach((_, k) => {
      const [s, e] = regionRange(child, k);
      if (s < to && e > from) ranges.push([s, e, child.id]);
    });
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const items: Item[] = [];
  let r = 0;
  for (let t = firstTokenAt(tokens, from); t < tokens.length && tokens[t]!.start < to; t++) {
    const token = tokens[t]!;
    while (r < ranges.length && ranges[r]![1] <= token.start) r++;
    const range = ranges[r];
    if (range && token.start >= range[0] && token.start < range[1]) {
      const last = items[items.length - 1];
      if (!last || last.region !== range[2] || last.start !== range[0]) {
        items.push({ start: range[0], end: range[1], text: text.slice(range[0], range[1]), norm: '«»', region: range[2], cap: false });
      }
      continue;
    }
    const last = items[items.length - 1];
    if (last && last.region === undefined && (token.text === '’' || token.text === "'") && last.end === token.start && tokenizerLexicon().elisionPrefixes.has(last.text.toLowerCase())) {
      last.end = token.end;
      last.text = text.slice(last.start, last.end);
      last.norm = norm(last.text);
      continue;
    }
    items.push({ start: token.start, end: token.end, text: token.text, norm: norm(token.text), token: t, cap: startsUpper(token.text) });
  }
  // a placeholder of a child with no token inside (« »): still one item
  for (const [s, e, id] of ranges) {
    if (!items.some((it) => it.region === id && it.start === s)) {
      const at = items.findIndex((it) => it.start > s);
      const item: Item = { start: s, end: e, text: text.slice(s, e), norm: '«»', region: id, cap: false };
      if (at < 0) items.push(item);
      else items.splice(at, 0, item);
    }
  }
  return withSentences(items, text);
}

function withSentences(items: Item[], text: string): Frame {
  const sentences: [number, number][] = [];
  const sentenceOf: number[] = new Array(items.length);
  let first = 0;
  for (let i = 0; i < items.length; i++) {
    const next = items[i + 1];
    if (next && endsSentence(items[i]!, next, text)) {
      sentences.push([first, i + 1]);
      first = i + 1;
    }
  }
  if (first < items.length) sentences.push([first, items.length]);
  sentences.forEach(([a, b], s) => sentenceOf.fill(s, a, b));
  return { items, sentences, sentenceOf };
}

function endsSentence(item: Item, next: Item, text: string): boolean {
  if (item.region !== undefined) {
    // « … fait. » L'élue … : the quotation closed a sentence of its own
    const inner = text.slice(item.start, item.end).replace(/[\s»”"›’']+$/u, '');
    return /[.!?…]$/.test(inner) && opensSentence(next);
  }
  if (!TERMINAL_START.has(item.text[0]!) || !TERMINAL.test(item.text)) return false;
  if (item.text === '...' || item.text === '…') return opensSentence(next) && next.cap;
  return opensSentence(next);
}

/** The item can open a sentence: a capital, a quotation, a dash. */
function opensSentence(next: Item): boolean {
  return next.cap || next.region !== undefined || next.text === '—' || next.text === '–';
}

/** First characters of a sentence-ending token. */
const TERMINAL_START = new Set(['.', '!', '?', '…']);


