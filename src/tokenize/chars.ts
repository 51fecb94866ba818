import { isLetterCode, isRuledCode } from '../core/letters.js';

/** Character classes of the tokenizer, computed once per code unit and cached. */
export const enum CharClass {
  Unknown = 0,
  Letter = 1,
  Digit = 2,
  Space = 3,
  Other = 4,
}

const cache = new Uint8Array(0x10000);
const LETTER_OR_MARK = /[\p{L}\p{M}]/u;
const DIGIT = /\p{Nd}/u;

function classify(code: number): CharClass {
  if (isSpaceCode(code)) return CharClass.Space;
  if (code >= 0x30 && code <= 0x39) return CharClass.Digit;
  // no marks nor other digits there: a rule answers without compiling a Unicode property regex
  if (isRuledCode(code)) return isLetterCode(code) ? CharClass.Letter : CharClass.Other;
  const ch = String.fromCharCode(code);
  // other scripts' digits (٣, ३) read as word characters: numbers are ASCII digits in French text
  if (LETTER_OR_MARK.test(ch) || DIGIT.test(ch)) return CharClass.Letter;
  return CharClass.Other;
}

/** Class of the UTF-16 code unit; surrogates are `Other` (emoji are handled apart). */
export function charClass(code: number): CharClass {
  let cls = cache[code]!;
  if (cls === CharClass.Unknown) {
    cls = code >= 0xd800 && code <= 0xdfff ? CharClass.Other : classify(code);
    cache[code] = cls;
  }
  return cls;
}

/** Spaces, including the no-break (U+00A0), narrow no-break (U+202F) and thin spaces of French typography. */
export function isSpaceCode(c: number): boolean {
  return (
    c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x202f || (c >= 0x2000 && c <= 0x200b) ||
    c === 0x85 || c === 0x1680 || c === 0x2028 || c === 0x2029 || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** Spaces that may group thousands: 1 234, 1 234 (no-break), 1 234 (narrow no-break), thin space. */
export function isGroupingSpace(c: number): boolean {
  return c === 0x20 || c === 0xa0 || c === 0x202f || c === 0x2009 || c === 0x2008;
}

export const isLetter = (c: number): boolean => charClass(c) === CharClass.Letter;
export const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
export const isAlnum = (c: number): boolean => {
  const cls = charClass(c);
  return cls === CharClass.Letter || cls === CharClass.Digit;
};

/** ' ’ ʼ: the apostrophes French text uses for elision. */
export const isApostrophe = (c: number): boolean => c === 0x27 || c === 0x2019 || c === 0x2bc;

/** Hyphens that join compounds: - ‐ ‑. */
export const isHyphen = (c: number): boolean => c === 0x2d || c === 0x2010 || c === 0x2011;

export function isUpper(c: number): boolean {
  const ch = String.fromCharCode(c);
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

export function isLower(c: number): boolean {
  const ch = String.fromCharCode(c);
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

/** Emoji presentation: pictographs, regional indicators and their modifiers, read by code point. */
const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;
/** ‼ and ⁉, the only pictographs of General Punctuation (U+2000–U+206F: ’ “ ” … – —). */
const PICTOGRAPHIC_PUNCTUATION = [0x203c, 0x2049];
export function isPictographic(codePoint: number): boolean {
  if (codePoint <= 0xff) return false;
  if (codePoint >= 0x2000 && codePoint < 0x2070) return PICTOGRAPHIC_PUNCTUATION.includes(codePoint);
  return PICTOGRAPHIC.test(String.fromCodePoint(codePoint));
}
export const isRegionalIndicator = (cp: number): boolean => cp >= 0x1f1e6 && cp <= 0x1f1ff;
export const isEmojiModifier = (cp: number): boolean =>
  (cp >= 0x1f3fb && cp <= 0x1f3ff) || cp === 0xfe0f || cp === 0xfe0e || cp === 0x20e3 || (cp >= 0xe0020 && cp <= 0xe007f);
