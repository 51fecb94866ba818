import { isDigit, isGroupingSpace, isLetter } from './chars.js';
import type { TokenKind } from '../core/types.js';

/** Ordinal endings after digits: 1er, 1re, 1ère, 2e, 2ème, 2nd, 2nde, 3es. */
const ORDINAL_SUFFIXES = new Set(['er', 're', 'ère', 'ers', 'res', 'ères', 'e', 'es', 'ème', 'èmes', 'eme', 'emes', 'nd', 'nde', 'nds', 'ndes', 'd']);

function digitsEnd(text: string, i: number): number {
  while (i < text.length && isDigit(text.charCodeAt(i))) i++;
  return i;
}

/**
 * Scans a number starting at a digit: French thousands grouped by (no-break) spaces (10 000),
 * decimals (3,5 / 3.5), dates and scores written with / . : (14/07/2023, 14.07.2023, 20:30),
 * clock times (14h30, 8h), ordinals (1er, 2e, 3ème). Letters glued to the digits (5G, A320 is a word)
 * make an alphanumeric word.
 */
export function scanNumber(text: string, i: number): { end: number; kind: TokenKind | 'clock' } {
  let j = digitsEnd(text, i);
  // thousands: only after a first group of 1 to 3 digits, each group exactly 3 digits
  if (j - i <= 3) {
    while (
      j + 4 <= text.length &&
      isGroupingSpace(text.charCodeAt(j)) &&
      isDigit(text.charCodeAt(j + 1)) &&
      digitsEnd(text, j + 1) === j + 4
    ) {
      j += 4;
    }
  }
  // decimals, dates, ranges and scores: 3,5 — 14/07/2023 — 14.07.2023 — 20:30 — 1990-1991 — 4-3
  for (;;) {
    const c = text.charCodeAt(j);
    if ((c === 0x2c || c === 0x2e || c === 0x2f || c === 0x3a || c === 0x2d) && isDigit(text.charCodeAt(j + 1))) {
      j = digitsEnd(text, j + 1);
    } else break;
  }
  // letters glued to the number
  let k = j;
  while (k < text.length && isLetter(text.charCodeAt(k))) k++;
  if (k === j) return { end: j, kind: 'number' };
  const suffix = text.slice(j, k).toLowerCase();
  if (ORDINAL_SUFFIXES.has(suffix)) return { end: k, kind: 'ordinal' };
  // 14h30, 8h: the hour alone, then h and the minutes as their own tokens (as UD French does)
  if (suffix === 'h' && (digitsEnd(text, k) === k || digitsEnd(text, k) - k === 2)) return { end: j, kind: 'clock' };
  // 10km, 160km: a number and its unit
  if (k - j >= 2 && !isDigit(text.charCodeAt(k))) return { end: j, kind: 'number' };
  // 5G, 3D, 4x4: one alphanumeric word, with any further digits
  while (k < text.length && (isLetter(text.charCodeAt(k)) || isDigit(text.charCodeAt(k)))) k++;
  return { end: k, kind: 'word' };
}
