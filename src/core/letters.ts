/**
 * Unicode letter, case and number tests without compiling a Unicode property regex: the first
 * /\p{L}/u of a process costs a fraction of a millisecond, a union such as [\p{L}\p{N}] or a
 * case-insensitive one a millisecond or two. Characters of French text (U+0000–U+017F: ASCII,
 * Latin-1, Latin Extended-A; and the General Punctuation block, U+2000–U+206F: ’ “ ” … – —, where
 * no character is a letter, a number or a mark) are classed by rule; a string holding any other
 * character is tested by the regex, compiled only then. tests/letters.test.ts checks every
 * character of both ranges, and random strings, against the regexes.
 */

const NONE = 0;
const UPPER = 1; // Lu
const LOWER = 2; // Ll
const OTHER_LETTER = 3; // Lo (ª º)
const NUMBER = 4; // N

/** Whether a character is classed by rule: below U+0180, or in General Punctuation. */
export function isRuledCode(c: number): boolean {
  return c < 0x180 || (c >= 0x2000 && c < 0x2070);
}

/** The class of a character classed by rule (isRuledCode); NaN (no character) is none. */
function ruled(c: number): number {
  if (!(c >= 0) || c >= 0x2000) return NONE;
  if (c < 0x80) return c >= 0x41 && c <= 0x5a ? UPPER : c >= 0x61 && c <= 0x7a ? LOWER : c >= 0x30 && c <= 0x39 ? NUMBER : NONE;
  if (c < 0xc0) {
    if (c === 0xaa || c === 0xba) return OTHER_LETTER;
    if (c === 0xb5) return LOWER;
    return c === 0xb2 || c === 0xb3 || c === 0xb9 || (c >= 0xbc && c <= 0xbe) ? NUMBER : NONE;
  }
  if (c < 0xdf) return c === 0xd7 ? NONE : UPPER;
  if (c < 0x100) return c === 0xf7 ? NONE : LOWER;
  // Latin Extended-A: upper and lower case letters in pairs, a few lower-case letters alone
  if (c === 0x138 || c === 0x149 || c === 0x17f) return LOWER;
  if (c === 0x178) return UPPER;
  const evenUpper = c < 0x138 || (c >= 0x14a && c < 0x178);
  return (c % 2 === 0) === evenUpper ? UPPER : LOWER;
}

const isLetterClass = (k: number): boolean => k === UPPER || k === LOWER || k === OTHER_LETTER;

const LETTER = /\p{L}/u;
const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;
const STARTS_UPPER = /^\p{Lu}/u;
const STARTS_LOWER = /^\p{Ll}/u;
const STARTS_LETTER = /^\p{L}/u;
const STARTS_UPPER_LOWER = /^\p{Lu}\p{Ll}/u;
const CAPITALISED_WORD = /^\p{Lu}\p{Ll}+$/u;
const ALL_UPPER_2 = /^\p{Lu}{2,}$/u;
const MARKS = /\p{M}/gu;

let upperCode: RegExp | undefined;
let lowerCode: RegExp | undefined;
let letterCode: RegExp | undefined;
let numberCode: RegExp | undefined;

/** Whether one code point matches a one-character property regex, compiled on first need. */
const codeMatches = (pattern: RegExp, cp: number): boolean => pattern.test(String.fromCodePoint(cp));

/** /^\p{Lu}$/u for one code point (NaN: false). */
export function isUpperCode(cp: number): boolean {
  return !isRuledCode(cp) ? codeMatches((upperCode ??= /^\p{Lu}$/u), cp) : ruled(cp) === UPPER;
}

/** /^\p{Ll}$/u for one code point (NaN: false). */
export function isLowerCode(cp: number): boolean {
  return !isRuledCode(cp) ? codeMatches((lowerCode ??= /^\p{Ll}$/u), cp) : ruled(cp) === LOWER;
}

/** /^\p{L}$/u for one code point (NaN: false). */
export function isLetterCode(cp: number): boolean {
  return !isRuledCode(cp) ? codeMatches((letterCode ??= /^\p{L}$/u), cp) : isLetterClass(ruled(cp));
}

/** /^\p{N}$/u for one code point (NaN: false). */
export function isNumberCode(cp: number): boolean {
  return !isRuledCode(cp) ? codeMatches((numberCode ??= /^\p{N}$/u), cp) : ruled(cp) === NUMBER;
}

/** Whether every character of s is below U+0180 (classed by rule). */
function ruledOnly(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isRuledCode(s.charCodeAt(i))) return false;
  return true;
}

/** /\p{L}/u.test(s) */
export function hasLetter(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!isRuledCode(c)) return LETTER.test(s);
    if (isLetterClass(ruled(c))) return true;
  }
  return false;
}

/** /[\p{L}\p{N}]/u.test(s) */
export function hasLetterOrNumber(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!isRuledCode(c)) return LETTER_OR_NUMBER.test(s);
    if (ruled(c) !== NONE) return true;
  }
  return false;
}

/** /^\p{Lu}/u.test(s) */
export function startsUpper(s: string): boolean {
  const c = s.charCodeAt(0);
  return !isRuledCode(c) ? STARTS_UPPER.test(s) : ruled(c) === UPPER;
}

/** /^\p{Ll}/u.test(s) */
export function startsLower(s: string): boolean {
  const c = s.charCodeAt(0);
  return !isRuledCode(c) ? STARTS_LOWER.test(s) : ruled(c) === LOWER;
}

/** /^\p{L}/u.test(s) */
export function startsLetter(s: string): boolean {
  const c = s.charCodeAt(0);
  return !isRuledCode(c) ? STARTS_LETTER.test(s) : isLetterClass(ruled(c));
}

/** /^\p{Lu}\p{Ll}/u.test(s) */
export function startsUpperLower(s: string): boolean {
  if (s.length < 2 || !isRuledCode(s.charCodeAt(0)) || !isRuledCode(s.charCodeAt(1))) return STARTS_UPPER_LOWER.test(s);
  return ruled(s.charCodeAt(0)) === UPPER && ruled(s.charCodeAt(1)) === LOWER;
}

/** /^\p{Lu}\p{Ll}+$/u.test(s): a capital, then lower-case letters only. */
export function isCapitalisedWord(s: string): boolean {
  if (!ruledOnly(s)) return CAPITALISED_WORD.test(s);
  if (s.length < 2 || ruled(s.charCodeAt(0)) !== UPPER) return false;
  for (let i = 1; i < s.length; i++) if (ruled(s.charCodeAt(i)) !== LOWER) return false;
  return true;
}

/** /^\p{Lu}{2,}$/u.test(s): two capitals or more, nothing else. */
export function isAllUpper(s: string): boolean {
  if (!ruledOnly(s)) return ALL_UPPER_2.test(s);
  if (s.length < 2) return false;
  for (let i = 0; i < s.length; i++) if (ruled(s.charCodeAt(i)) !== UPPER) return false;
  return true;
}

/** s.replace(/\p{M}/gu, ''): below U+0370 and in General Punctuation the only marks are the combining diacritics U+0300–U+036F. */
export function removeMarks(s: string): string {
  let marks = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x370 && !(c >= 0x2000 && c < 0x2070)) return s.replace(MARKS, '');
    if (c >= 0x300 && c < 0x370) marks = true;
  }
  if (!marks) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x300 || c >= 0x370) out += s[i];
  }
  return out;
}
