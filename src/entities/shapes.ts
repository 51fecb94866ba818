import { codePoints, isLower, isNumber, isUpper } from './unicode.js';

/**
 * Word shapes the rules test, by code point: each says which `\p{…}` regular expression it
 * stands for (src/entities/unicode.ts says why none is used). tests/entities-unicode.test.ts
 * checks each against that expression.
 */

/** [\p{Lu}\p{N}] */
export const upperOrNumber = (cp: number): boolean => isUpper(cp) || isNumber(cp);
/** [\p{Lu}\p{N}&-] */
export const upperNumberAmpersandHyphen = (cp: number): boolean => isUpper(cp) || isNumber(cp) || cp === 0x26 || cp === 0x2d;
/** [\p{Ll}-] */
export const lowerOrHyphen = (cp: number): boolean => isLower(cp) || cp === 0x2d;
/** UTF-16 units of a code point. */
const width = (cp: number): number => (cp > 0xffff ? 2 : 1);

/** A word of at least `min` code points whose first passes `first` and the others `rest`. */
export function shape(w: string, first: (cp: number) => boolean, rest: (cp: number) => boolean, min = 1): boolean {
  if (!w.length) return false;
  const cp = w.codePointAt(0)!;
  if (!first(cp)) return false;
  let n = 1;
  for (let i = width(cp); i < w.length; n++) {
    const c = w.codePointAt(i)!;
    if (!rest(c)) return false;
    i += width(c);
  }
  return n >= min;
}

/** /^\p{Lu}{2,}/u: two capitals open the word (RER, SNCF). */
export function opensWithTwoCapitals(w: string): boolean {
  if (!w.length) return false;
  const cp = w.codePointAt(0)!;
  return isUpper(cp) && w.length > width(cp) && isUpper(w.codePointAt(width(cp))!);
}

/** /^\p{Lu}[\p{Lu}\p{N}]*(?:-\p{Lu}[\p{Lu}\p{N}]*)*$/u: capitals and digits, each part after a hyphen opened by a capital (RHDP, PDCI-RDA, G20). */
export function isAcronymShape(w: string): boolean {
  let partStart = true;
  for (let i = 0; i < w.length; ) {
    const cp = w.codePointAt(i)!;
    if (partStart) {
      if (!isUpper(cp)) return false;
      partStart = false;
    } else if (cp === 0x2d) partStart = true;
    else if (!upperOrNumber(cp)) return false;
    i += width(cp);
  }
  return w.length > 0 && !partStart;
}

/** w.replace(/^[\p{N}-]+/u, ''). */
export function withoutLeadingNumbers(w: string): string {
  let i = 0;
  while (i < w.length) {
    const cp = w.codePointAt(i)!;
    if (cp !== 0x2d && !isNumber(cp)) break;
    i += width(cp);
  }
  return w.slice(i);
}

/** /^\p{Lu}\.$/u: an initial (J.). */
export function isInitial(w: string): boolean {
  if (!w.length) return false;
  const cp = w.codePointAt(0)!;
  return w.length === width(cp) + 1 && w.charCodeAt(width(cp)) === 0x2e && isUpper(cp);
}

/**
 * Capitals and digits (with & . - inside), two capitals at least, 12 characters at most: CNRS,
 * G20, AT&T. By code point, as /^[\p{Lu}\p{N}][\p{Lu}\p{N}&.-]*[\p{Lu}\p{N}]$/u and /\p{Lu}.*\p{Lu}/u would.
 */
export function isAcronym(text: string): boolean {
  if (text.length > 12) return false;
  const cps = codePoints(text);
  if (cps.length < 2) return false;
  let capitals = 0;
  for (let k = 0; k < cps.length; k++) {
    const cp = cps[k]!;
    const upper = isUpper(cp);
    if (upper) capitals++;
    else if (!isNumber(cp) && (k === 0 || k === cps.length - 1 || (cp !== 0x26 && cp !== 0x2e && cp !== 0x2d))) return false;
  }
  return capitals >= 2;
}

