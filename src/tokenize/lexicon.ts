import { readList, readListRows } from '../core/lexicon-file.js';

export interface TokenizerLexicon {
  /** Abbreviations (without the dot) → whether they may also end a sentence. */
  abbreviations: Map<string, boolean>;
  elisionPrefixes: Set<string>;
  elisionExceptions: Set<string>;
  clitics: Set<string>;
  hyphenExceptions: Set<string>;
  tlds: Set<string>;
}

let lexicon: TokenizerLexicon | undefined;

/** Apostrophes folded to ' and lower case: the form the word lists are written in. */
export function foldApostrophes(word: string): string {
  return word.replace(/[’ʼ]/g, "'");
}

export function tokenizerLexicon(): TokenizerLexicon {
  if (lexicon) return lexicon;
  const lower = (list: string[]) => new Set(list.map((w) => foldApostrophes(w).toLowerCase()));
  lexicon = {
    abbreviations: new Map(readListRows('tokenize', 'abbreviations.txt').map((r) => [r[0]!, r[1] === 'end'])),
    elisionPrefixes: lower(readList('tokenize', 'elision-prefixes.txt')),
    elisionExceptions: lower(readList('tokenize', 'elision-exceptions.txt')),
    clitics: lower(readList('tokenize', 'clitics.txt')),
    hyphenExceptions: lower(readList('tokenize', 'hyphen-exceptions.txt')),
    tlds: lower(readList('tokenize', 'tlds.txt')),
  };
  return lexicon;
}
