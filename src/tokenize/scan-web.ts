import { isAlnum, isLetter, isSpaceCode } from './chars.js';

const SCHEMES = ['https://', 'http://', 'ftp://', 'www.'];
/** Characters that end a URL: spaces, quotes and angle brackets. */
const URL_STOP = new Set([0x3c, 0x3e, 0x22, 0xab, 0xbb, 0x201c, 0x201d, 0x60]);
/** Punctuation that closes the sentence rather than the URL when it comes last. */
const URL_TRAILING = new Set([0x2e, 0x2c, 0x3b, 0x3a, 0x21, 0x3f, 0x27, 0x2019, 0x29, 0x5d, 0x2026]);

export function startsWithScheme(text: string, i: number): boolean {
  const first = text.charCodeAt(i) | 0x20;
  if (first !== 0x68 && first !== 0x66 && first !== 0x77) return false; // h f w
  for (const scheme of SCHEMES) {
    if (text.length - i >= scheme.length && text.slice(i, i + scheme.length).toLowerCase() === scheme) {
      const after = text.charCodeAt(i + scheme.length);
      return !Number.isNaN(after) && isAlnum(after);
    }
  }
  return false;
}

/** End of a URL starting at i: up to a space or quote, without trailing sentence punctuation. */
export function scanUrl(text: string, i: number): number {
  let j = i;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (isSpaceCode(c) || URL_STOP.has(c)) break;
    j++;
  }
  return trimUrlEnd(text, i, j);
}

function trimUrlEnd(text: string, start: number, end: number): number {
  let j = end;
  while (j > start + 1 && URL_TRAILING.has(text.charCodeAt(j - 1))) {
    const c = text.charCodeAt(j - 1);
    if (c === 0x29 && count(text, start, j, 0x28) >= count(text, start, j, 0x29)) break; // wiki_(page)
    j--;
  }
  return j;
}

function count(text: string, start: number, end: number, code: number): number {
  let n = 0;
  for (let k = start; k < end; k++) if (text.charCodeAt(k) === code) n++;
  return n;
}

/** service-public.gouv.fr has three labels; more dotted words are prose, not a bare domain. */
const MAX_DOMAIN_LABELS = 4;

const isHostChar = (c: number) => isAlnum(c) || c === 0x2d || c === 0x2e || c === 0x5f;

/** End of an e-mail address whose local part is text[i, at), or -1. */
export function scanEmail(text: string, i: number, at: number): number {
  let j = at + 1;
  let lastDot = -1;
  while (j < text.length && isHostChar(text.charCodeAt(j))) {
    if (text.charCodeAt(j) === 0x2e) lastDot = j;
    j++;
  }
  while (j > at + 1 && (text.charCodeAt(j - 1) === 0x2e || text.charCodeAt(j - 1) === 0x2d)) j--;
  if (lastDot <= at + 1 || lastDot >= j - 1) return -1;
  for (let k = lastDot + 1; k < j; k++) if (!isLetter(text.charCodeAt(k))) return -1;
  return j;
}

/** Characters allowed in the local part of an e-mail address before the @. */
export const isEmailLocalChar = (c: number): boolean => isAlnum(c) || c === 0x2e || c === 0x5f || c === 0x2d || c === 0x2b;

/**
 * A bare domain such as lemonde.fr or service-public.gouv.fr/particuliers: text[i, dot) is its
 * first label. Returns the end of the URL, or -1 when what follows the dot is no known domain.
 */
export function scanBareDomain(text: string, i: number, dot: number, tlds: Set<string>): number {
  let j = dot;
  let labelStart = dot + 1;
  let lastLabel = '';
  let lastLabelEnd = -1;
  for (let labels = 0; labels < MAX_DOMAIN_LABELS && j < text.length && text.charCodeAt(j) === 0x2e; labels++) {
    labelStart = j + 1;
    let k = labelStart;
    while (k < text.length && (isAlnum(text.charCodeAt(k)) || text.charCodeAt(k) === 0x2d)) k++;
    if (k === labelStart) break;
    lastLabel = text.slice(labelStart, k).toLowerCase();
    lastLabelEnd = k;
    j = k;
  }
  if (lastLabelEnd < 0 || !tlds.has(lastLabel)) return -1;
  for (let k = i; k < lastLabelEnd; k++) {
    const c = text.charCodeAt(k);
    if (c > 0x7f && isLetter(c)) return -1; // accented words glued by a missing space: "fin.Il"
  }
  if (isLetter(text.charCodeAt(lastLabelEnd))) return -1;
  if (text.charCodeAt(lastLabelEnd) === 0x2f) return scanUrl(text, i);
  return lastLabelEnd;
}
