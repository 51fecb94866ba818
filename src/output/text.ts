import { lineColumn } from '../core/position.js';

/** Text shortened to at most `max` characters with … in the middle of a word boundary; newlines shown as ⏎. */
export function shorten(text: string, max = 60): string {
  const flat = text.replace(/\s*\n\s*/g, ' ⏎ ');
  if (flat.length <= max) return flat;
  const cut = flat.lastIndexOf(' ', max - 1);
  return flat.slice(0, cut > max / 2 ? cut : max - 1) + '…';
}

/** "line:column" of an offset, 1-based, as editors and grep -n show positions. */
export function position(text: string, offset: number): string {
  const { line, column } = lineColumn(text, offset);
  return `${line}:${column}`;
}
