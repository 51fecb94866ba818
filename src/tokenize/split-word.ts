import { isApostrophe, isHyphen, isLetter, isLower, isUpper } from './chars.js';
import { foldApostrophes, type TokenizerLexicon } from './lexicon.js';

/** Boundaries [start, end) of the tokens a word run splits into. */
export type Piece = [number, number];

/** Longer runs are not looked up in the exception lists (keeps adversarial input linear). */
const MAX_LISTED_LENGTH = 40;
/** donne-le-moi has two; three is the most French stacks. */
const MAX_CLITICS = 3;

/**
 * Splits a run of letters, digits, inner hyphens and apostrophes into tokens:
 * elisions off the front (l’, qu’, jusqu’), inverted or imperative pronouns off the end
 * (a-t-il → a / -t-il, dit-elle → dit / -elle, donne-le-moi → donne / -le / -moi).
 * Compounds (Maison-Blanche, c’est-à-dire) and listed words (aujourd’hui) stay whole.
 */
export function splitWord(text: string, start: number, end: number, lex: TokenizerLexicon): Piece[] {
  const pieces: Piece[] = [];
  let s = start;
  while (s < end) {
    if (end - s <= MAX_LISTED_LENGTH) {
      const rest = foldApostrophes(text.slice(s, end)).toLowerCase();
      if (lex.elisionExceptions.has(rest) || lex.hyphenExceptions.has(rest)) break;
    }
    const apostrophe = elisionEnd(text, s, end, lex);
    if (apostrophe < 0) break;
    pieces.push([s, apostrophe + 1]);
    s = apostrophe + 1;
  }
  if (s >= end) return pieces;
  const tail: Piece[] = [];
  let e = end;
  for (let cuts = 0; cuts < MAX_CLITICS; cuts++) {
    const cut = cliticStart(text, s, e, lex);
    if (cut < 0) break;
    tail.unshift([cut, e]);
    e = cut;
  }
  pieces.push([s, e], ...tail);
  return pieces;
}

/** Index of the apostrophe ending an elided word at s (l’, jusqu’), or -1. */
function elisionEnd(text: string, s: number, end: number, lex: TokenizerLexicon): number {
  for (let k = s + 1; k < end && k - s <= 7; k++) {
    const c = text.charCodeAt(k);
    if (isApostrophe(c)) {
      if (k + 1 >= end || !isLetter(text.charCodeAt(k + 1))) return -1;
      return lex.elisionPrefixes.has(text.slice(s, k).toLowerCase()) ? k : -1;
    }
    if (!isLetter(c)) return -1;
  }
  return -1;
}

const SHOUTED_PRONOUNS = new Set(['je', 'tu', 'il', 'elle', 'on', 'nous', 'vous', 'ils', 'elles', 't-il', 't-elle', 't-on', 't-ils', 't-elles']);

/** Start of a trailing clitic (-il, -t-il, -moi) of text[s, e), or -1 when the word ends otherwise. */
function cliticStart(text: string, s: number, e: number, lex: TokenizerLexicon): number {
  if (e - s <= MAX_LISTED_LENGTH && lex.hyphenExceptions.has(foldApostrophes(text.slice(s, e)).toLowerCase())) return -1;
  const last = lastHyphen(text, s, e);
  if (last <= s) return -1;
  const allUpper = isAllUpper(text, s, e);
  const isClitic = (from: number) => {
    const form = text.slice(from + 1, e);
    const lower = form.toLowerCase();
    // in capitals only subject pronouns are split (A-T-IL, DIT-ELLE): PPA-CI, RN-LE are names
    return lex.clitics.has(lower) && (form === lower || (allUpper && SHOUTED_PRONOUNS.has(lower)));
  };
  // -t-il before -il: the euphonic t goes with the pronoun
  const previous = lastHyphen(text, s, last);
  let cut = -1;
  if (previous > s && isClitic(previous)) cut = previous;
  else if (isClitic(last)) cut = last;
  if (cut < 0) return -1;
  return hostLooksLikeVerb(text, s, cut, allUpper) ? cut : -1;
}

function lastHyphen(text: string, s: number, e: number): number {
  for (let k = e - 1; k > s; k--) if (isHyphen(text.charCodeAt(k))) return k;
  return -1;
}

/** Place names such as Saint-Ouen-l’Aumône or Bois-le-Roi have capitals inside; verbs do not. */
function hostLooksLikeVerb(text: string, s: number, e: number, allUpper: boolean): boolean {
  if (e - s < 1) return false;
  if (allUpper) return true;
  for (let k = s + 1; k < e; k++) if (isUpper(text.charCodeAt(k))) return false;
  return true;
}

function isAllUpper(text: string, s: number, e: number): boolean {
  for (let k = s; k < e; k++) if (isLower(text.charCodeAt(k))) return false;
  return true;
}
