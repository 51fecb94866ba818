/**
 * Unicode general categories of code points, for the rules' word shapes. Latin-1 and the combining
 * diacritics (what French text is made of) are decided by code; any other character by the
 * engine's Unicode tables, through a one-character regular expression built the first time such a
 * character comes: a `\p{…}` pattern costs a fraction of a millisecond to build, which a
 * short-lived process running a dozen of them would pay on every start.
 * tests/entities-unicode.test.ts checks every code point against `\p{…}`.
 */

let lu: RegExp | undefined;
let ll: RegExp | undefined;
let letter: RegExp | undefined;
let number: RegExp | undefined;
let mark: RegExp | undefined;

/** \p{Lu}: A-Z, À-Þ but ×. */
export function isUpper(cp: number): boolean {
  if (cp < 0x100) return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0xc0 && cp <= 0xde && cp !== 0xd7);
  return (lu ??= /^\p{Lu}$/u).test(String.fromCodePoint(cp));
}

/** \p{Ll}: a-z, µ, ß-ÿ but ÷. */
export function isLower(cp: number): boolean {
  if (cp < 0x100) return (cp >= 0x61 && cp <= 0x7a) || cp === 0xb5 || (cp >= 0xdf && cp !== 0xf7);
  return (ll ??= /^\p{Ll}$/u).test(String.fromCodePoint(cp));
}

/** \p{L}: upper and lower case letters, ª and º. */
export function isLetter(cp: number): boolean {
  if (cp < 0x100) return isUpper(cp) || isLower(cp) || cp === 0xaa || cp === 0xba;
  return (letter ??= /^\p{L}$/u).test(String.fromCodePoint(cp));
}

/** \p{N}: 0-9, ², ³, ¹, ¼, ½, ¾. */
export function isNumber(cp: number): boolean {
  if (cp < 0x100) return (cp >= 0x30 && cp <= 0x39) || cp === 0xb2 || cp === 0xb3 || cp === 0xb9 || (cp >= 0xbc && cp <= 0xbe);
  return (number ??= /^\p{N}$/u).test(String.fromCodePoint(cp));
}

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
  if (ascii) return text;
  const nfd = text.normalize('NFD');
  let out = '';
  for (let i = 0; i < nfd.length; ) {
    const cp = nfd.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    if (!isMark(cp)) out += nfd.slice(i, i + width);
    i += width;
  }
  return out;
}
