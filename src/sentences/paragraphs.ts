import type { Paragraph } from '../core/types.js';

/**
 * Paragraphs: blocks separated by blank lines. A text with no blank line at all but several lines
 * (one paragraph per line, as many news feeds write) has one paragraph per non-empty line.
 * Sentence ranges are left empty for the sentence splitter to fill.
 */
export function splitParagraphs(text: string): Paragraph[] {
  const hasBlankLine = /\n[^\S\n]*\n/.test(text);
  const separator = hasBlankLine ? /\n(?:[^\S\n]*\n)+/g : /\n+/g;
  const paragraphs: Paragraph[] = [];
  let from = 0;
  const add = (start: number, end: number) => {
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end > start) paragraphs.push({ start, end, text: text.slice(start, end), sentenceStart: 0, sentenceEnd: 0 });
  };
  for (const match of text.matchAll(separator)) {
    add(from, match.index);
    from = match.index + match[0].length;
  }
  add(from, text.length);
  return paragraphs;
}
