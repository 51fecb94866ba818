import { removeMarks } from '../core/letters.js';

/**
 * Unicode categories of code points, for the rules' word shapes: the letter, case and number tests
 * are core/letters.ts's (French characters by rule, any other by a regex compiled on first need).
 * tests/entities-unicode.test.ts checks every code point against `\p{…}`.
 */
export { isLetterCode as isLetter, isLowerCode as isLower, isNumberCode as isNumber, isUpperCode as isUpper } from '../core/letters.js';

let mark: RegExp | undefined;

/** \p{M}: none in Latin-1; U+0300–U+036F, the combining diacritics NFD leaves after a letter. */
export function isMark(cp: number): boolean {
  if (cp < 0x300) return false;
  if (cp <= 0x36f) return true;
  return (mark ??= /^\p{M}$/u).test(String.fromCodePoint(cp));
}

/** Code points of a string one after the other, the way a `u` regular expression reads it (a lone surrogate is one). */
export function codePoints(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    out.push(cp);
    i += cp > 0xffff ? 2 : 1;
  }
  return out;
}

/** The first code point of a string (NaN when empty). */
export const firstCodePoint = (text: string): number => (text.length ? text.codePointAt(0)! : NaN);

/** Does every code point pass the test (and is there at least one)? */
export function everyCodePoint(text: string, test: (cp: number) => boolean): boolean {
  if (!text.length) return false;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    if (!test(cp)) return false;
    i += cp > 0xffff ? 2 : 1;
  }
  return true;
}

/** The text without its accents: NFD, then the marks dropped (Élysée → Elysee). */
export function stripAccents(text: string): string {
  let ascii = true;
  for (let i = 0; i < text.length && ascii; i++) ascii = text.charCodeAt(i) < 0x80;
  return ascii ? text : removeMarks(text.normalize('NFD'));
}
