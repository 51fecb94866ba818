import type { Token, TokenKind } from '../core/types.js';
import {
  CharClass,
  charClass,
  isAlnum,
  isApostrophe,
  isDigit,
  isEmojiModifier,
  isHyphen,
  isLetter,
  isLower,
  isPictographic,
  isRegionalIndicator,
  isUpper,
} from './chars.js';
import { tokenizerLexicon, type TokenizerLexicon } from './lexicon.js';
import { scanNumber } from './scan-number.js';
import { isEmailLocalChar, scanBareDomain, scanEmail, scanUrl, startsWithScheme } from './scan-web.js';
import { splitWord } from './split-word.js';

export { tokenizerLexicon } from './lexicon.js';

/**
 * Splits French text into tokens. Every character that is not a space belongs to exactly one
 * token, so tokens and the gaps between them rebuild the text. One pass, linear in the text.
 */
export function tokenize(text: string): Token[] {
  const lex = tokenizerLexicon();
  const tokens: Token[] = [];
  const push = (start: number, end: number, kind: TokenKind) => {
    tokens.push({ start, end, text: text.slice(start, end), kind });
  };
  const n = text.length;
  let i = 0;
  while (i < n) {
    const from = i;
    const c = text.charCodeAt(i);
    const cls = charClass(c);
    if (cls === CharClass.Space) {
      i++;
    } else if ((cls === CharClass.Letter || cls === CharClass.Digit) && startsWithScheme(text, i)) {
      const end = scanUrl(text, i);
      push(i, end, 'url');
      i = end;
    } else if (cls === CharClass.Digit) {
      i = scanDigitStart(text, i, lex, push);
    } else if (cls === CharClass.Letter) {
      i = scanWordStart(text, i, lex, tokens, push);
    } else {
      i = scanOther(text, i, push);
    }
    if (i <= from) throw new Error(`tokenizer made no progress at offset ${from}`);
  }
  return tokens;
}

type Push = (start: number, end: number, kind: TokenKind) => void;

function scanDigitStart(text: string, i: number, lex: TokenizerLexicon, push: Push): number {
  const email = tryEmail(text, i);
  if (email > 0) {
    push(i, email, 'email');
    return email;
  }
  const { end, kind } = scanNumber(text, i);
  if (kind === 'word') return scanWordStart(text, i, lex, [], push);
  if (kind === 'clock') {
    push(i, end, 'number');
    push(end, end + 1, 'word');
    return end + 1;
  }
  push(i, end, kind);
  return end;
}

/**
 * End of a word run: letters, digits, and hyphens or apostrophes between them, and the inclusive
 * endings of French gender-neutral writing: candidat(e)s, AUTRE(S).
 */
function wordRunEnd(text: string, i: number): number {
  let j = i;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (isAlnum(c)) j++;
    else if ((isHyphen(c) || isApostrophe(c)) && j > i && isAlnum(text.charCodeAt(j + 1))) j++;
    else if (c === 0x28 && j > i && isLetter(text.charCodeAt(j - 1))) {
      const close = inclusiveEnding(text, j);
      if (close < 0) break;
      j = close;
    } else break;
  }
  return j;
}

/** "(e)", "(s)", "(es)", "(S)" glued to a word: the end after ")", or -1. */
function inclusiveEnding(text: string, open: number): number {
  let k = open + 1;
  while (k < text.length && k - open <= 3 && isLetter(text.charCodeAt(k))) k++;
  if (k === open + 1 || text.charCodeAt(k) !== 0x29) return -1;
  const inner = text.slice(open + 1, k).toLowerCase();
  return inner === 'e' || inner === 's' || inner === 'es' || inner === 'x' ? k + 1 : -1;
}

function scanWordStart(text: string, i: number, lex: TokenizerLexicon, tokens: Token[], push: Push): number {
  const j = wordRunEnd(text, i);
  const next = text.charCodeAt(j);
  if (next === 0x40 || next === 0x2e || next === 0x5f || next === 0x2b) {
    const email = tryEmail(text, i);
    if (email > 0) {
      push(i, email, 'email');
      return email;
    }
  }
  if (next === 0x2e) {
    const initials = scanInitials(text, i);
    if (initials > 0) {
      push(i, initials, 'abbreviation');
      return initials;
    }
  }
  if (next === 0x2e) {
    const word = text.slice(i, j);
    if (lex.abbreviations.has(word)) {
      push(i, j + 1, 'abbreviation');
      return j + 1;
    }
    if (j - i === 1 && isUpper(text.charCodeAt(i)) && isInitial(text, j + 1, tokens)) {
      push(i, j + 1, 'abbreviation');
      return j + 1;
    }
    const domainEnd = scanBareDomain(text, i, j, lex.tlds);
    if (domainEnd > 0 && isAsciiWord(text, i, j)) {
      push(i, domainEnd, 'url');
      return domainEnd;
    }
  }
  if (isApostrophe(next) && lex.elisionPrefixes.has(text.slice(i, j).toLowerCase())) {
    push(i, j + 1, 'word'); // d’« affaire interne » : the elision before a quotation mark
    return j + 1;
  }
  if ((next === 0xb0 || next === 0xba) && j - i === 1 && (text[i] === 'n' || text[i] === 'N')) {
    push(i, j + 1, 'abbreviation'); // n°, Nº
    return j + 1;
  }
  if (!hasJoiner(text, i, j)) push(i, j, wordKind(text, i, j));
  else for (const [start, end] of splitWord(text, i, j, lex)) push(start, end, wordKind(text, start, end));
  return j;
}

/** XXe, XIXe, Ier, Ve — but not Le or Ce. */
const ROMAN_ORDINAL = /^(?:[IVX]|[IVXLC]{2,})(?:e|er|ème|eme)$/;

function wordKind(text: string, start: number, end: number): TokenKind {
  const first = text.charCodeAt(start);
  if (isDigit(first)) return 'word';
  if (isUpper(first) && ROMAN_ORDINAL.test(text.slice(start, end))) return 'ordinal';
  return 'word';
}

/** Whether a word run holds an apostrophe or a hyphen, the only places it can split. */
function hasJoiner(text: string, i: number, j: number): boolean {
  for (let k = i + 1; k < j; k++) {
    const c = text.charCodeAt(k);
    if (isApostrophe(c) || isHyphen(c)) return true;
  }
  return false;
}

function isAsciiWord(text: string, i: number, j: number): boolean {
  for (let k = i; k < j; k++) if (text.charCodeAt(k) > 0x7f) return false;
  return true;
}

/**
 * user.name@example.org starting at i, or -1. A scan that found no @ is remembered: every start
 * inside that run would find none either, which keeps long dotted runs linear.
 */
let noAtBefore = -1;
let noAtText = '';
function tryEmail(text: string, i: number): number {
  if (text === noAtText && i < noAtBefore) return -1;
  let j = i;
  while (j < text.length && isEmailLocalChar(text.charCodeAt(j))) j++;
  if (text.charCodeAt(j) !== 0x40 || j === i) {
    noAtText = text;
    noAtBefore = j;
    return -1;
  }
  return scanEmail(text, i, j);
}

/** U.S.A. has three; longer dotted runs are not one acronym. */
const MAX_INITIALS = 8;

/**
 * Dotted acronyms and compound initials as one token: U.S.A., J.-C., J.-L., R.-G.
 * A single letter with a dot is decided by `isInitial`.
 */
function scanInitials(text: string, i: number): number {
  let j = i;
  let units = 0;
  while (units < MAX_INITIALS) {
    let k = j;
    if (units > 0 && isHyphen(text.charCodeAt(k))) k++;
    const letterStart = k;
    while (k < text.length && isLetter(text.charCodeAt(k)) && k - letterStart < 2) k++;
    if (k === letterStart || text.charCodeAt(k) !== 0x2e) break;
    if (k - letterStart === 2 && !(isUpper(text.charCodeAt(letterStart)) && isLower(text.charCodeAt(letterStart + 1)))) break;
    j = k + 1;
    units++;
  }
  if (units < 2) return -1;
  // "p.ex." and "U.S.A." yes; "fin.Il" is not: the second unit would need its dot
  return j;
}

/**
 * A capital letter followed by a dot is an initial (J. K. Rowling, Jérôme L. a déclaré) unless it
 * ends a sentence (le plan B. Ensuite…): an initial is followed by a lower-case word, another
 * initial, or a capitalised name after a capitalised word or at the start.
 */
function isInitial(text: string, afterDot: number, tokens: Token[]): boolean {
  let k = afterDot;
  while (k < text.length && (text.charCodeAt(k) === 0x20 || text.charCodeAt(k) === 0xa0 || text.charCodeAt(k) === 0x202f)) k++;
  if (k >= text.length) return false;
  const c = text.charCodeAt(k);
  if (isLower(c) || c === 0x2c) return true;
  if (!isUpper(c)) return false;
  if (k === afterDot) return false;
  const prev = tokens[tokens.length - 1];
  if (!prev) return true;
  if (prev.kind === 'abbreviation') return true;
  if (prev.kind === 'word') return isUpper(prev.text.charCodeAt(0));
  return prev.kind === 'punct';
}

/** Punctuation, symbols, emoji, hashtags and handles. */
function scanOther(text: string, i: number, push: Push): number {
  const c = text.charCodeAt(i);
  if ((c === 0x23 || c === 0x40) && isAlnum(text.charCodeAt(i + 1)) && !isAlnum(text.charCodeAt(i - 1))) {
    let j = i + 1;
    while (j < text.length && (isAlnum(text.charCodeAt(j)) || text.charCodeAt(j) === 0x5f)) j++;
    push(i, j, c === 0x23 ? 'hashtag' : 'handle');
    return j;
  }
  if (c === 0x2e || c === 0x3f || c === 0x21) {
    // ellipsis "..." and runs such as "?!" or "!!!" are one token
    let j = i + 1;
    const same = c === 0x2e ? (d: number) => d === 0x2e : (d: number) => d === 0x3f || d === 0x21;
    while (j < text.length && same(text.charCodeAt(j))) j++;
    push(i, j, 'punct');
    return j;
  }
  if ((c === 0x3c || c === 0x3e || c === 0x2d) && text.charCodeAt(i + 1) === c) {
    let j = i + 2;
    while (text.charCodeAt(j) === c) j++;
    push(i, j, 'punct'); // << >> typed for « », -- for a dash
    return j;
  }
  if ((c === 0x2d || c === 0x2212 || c === 0x2b) && isDigit(text.charCodeAt(i + 1)) && !isAlnum(text.charCodeAt(i - 1))) {
    const { end } = scanNumber(text, i + 1); // -6, -0,8, +3
    push(i, end, 'number');
    return end;
  }
  if (c === 0xb0 && (text[i + 1] === 'C' || text[i + 1] === 'F') && !isAlnum(text.charCodeAt(i + 2))) {
    push(i, i + 2, 'symbol'); // °C
    return i + 2;
  }
  const cp = text.codePointAt(i)!;
  if (isPictographic(cp) || isRegionalIndicator(cp)) {
    const end = scanEmoji(text, i);
    push(i, end, 'emoji');
    return end;
  }
  const width = cp > 0xffff ? 2 : 1;
  push(i, i + width, PUNCT.has(c) ? 'punct' : 'symbol');
  return i + width;
}

const PUNCT = new Set(
  Array.from(',;:.!?…«»‹›“”„‘’"\'()[]{}—–-‐‑/\\·•¡¿', (ch) => ch.charCodeAt(0)),
);

/** An emoji with its modifiers, variation selectors, zero-width-joined parts, or a flag pair. */
function scanEmoji(text: string, i: number): number {
  const first = text.codePointAt(i)!;
  let j = i + (first > 0xffff ? 2 : 1);
  if (isRegionalIndicator(first)) {
    const second = text.codePointAt(j);
    return second !== undefined && isRegionalIndicator(second) ? j + 2 : j;
  }
  for (;;) {
    const cp = text.codePointAt(j);
    if (cp === undefined) break;
    if (isEmojiModifier(cp)) j += cp > 0xffff ? 2 : 1;
    else if (cp === 0x200d) {
      const joined = text.codePointAt(j + 1);
      if (joined === undefined || !isPictographic(joined)) break;
      j += 1 + (joined > 0xffff ? 2 : 1);
    } else break;
  }
  return j;
}
