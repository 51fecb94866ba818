import type { Analysis } from '../core/analysis.js';
import type { Token } from '../core/types.js';
import { removeMarks } from '../core/letters.js';

/** A syntactic word of the text: a token, or one part of a multiword token (du → de + le). */
export interface Word {
  form: string;
  /** Lower-case lemma (the lower-case form when the tagger gave none). */
  lemma: string;
  pos: string;
  /** Kind of the token it comes from (a number, an ordinal "77e" are never nouns of a phrase). */
  kind: Token['kind'];
  start: number;
  end: number;
  /** Index of the token in `analysis.tokens`. */
  token: number;
  sentence: number;
  paragraph: number;
}

/**
 * Printable ASCII, no space: already NFC, without accents, apostrophes or spaces to change, so
 * `lower` and `fold` only lower its case (most words; the general path allocates several strings).
 */
const PLAIN = /^[!-~]*$/;

/** Lower case, NFC, typographic apostrophe as ASCII: the key words are compared with. */
export function lower(s: string): string {
  if (PLAIN.test(s)) return s.toLowerCase();
  const lowered = s.normalize('NFC').toLowerCase();
  return lowered.includes('’') || lowered.includes('ʼ') || lowered.includes('‘') ? lowered.replace(/[’ʼ‘]/g, "'") : lowered;
}

/** Lower case without accents, spaces collapsed: for matching lexicon terms and user input. */
export function fold(s: string): string {
  if (PLAIN.test(s)) return s.toLowerCase();
  return removeMarks(lower(s).normalize('NFD')).replace(/\s+/g, ' ').trim();
}

const KIND_POS: Partial<Record<Token['kind'], string>> = { number: 'NUM', ordinal: 'ADJ', punct: 'PUNCT', symbol: 'SYM', url: 'X', email: 'X', handle: 'PROPN', hashtag: 'X', emoji: 'SYM' };

/**
 * The words of each sentence, multiword tokens expanded. Tokens without a tag (the tagger did not
 * run) get the tag their kind implies, or X.
 */
export function sentenceWords(analysis: Readonly<Analysis>): Word[][] {
  const out: Word[][] = [];
  analysis.sentences.forEach((sentence, s) => {
    const words: Word[] = [];
    for (let t = sentence.tokenStart; t < sentence.tokenEnd; t++) {
      const token = analysis.tokens[t]!;
      const { start, end, kind } = token;
      const paragraph = sentence.paragraph;
      const tags = token.pos?.includes('+') ? token.pos.split('+') : undefined;
      if (token.parts && token.parts.length > 1) {
        token.parts.forEach((part, k) => {
          words.push({ start, end, token: t, sentence: s, paragraph, kind, form: part.form, lemma: lower(part.lemma ?? part.form), pos: part.pos ?? tags?.[k] ?? 'X' });
        });
      } else {
        const pos = tags ? tags[0]! : (token.pos ?? KIND_POS[token.kind] ?? 'X');
        words.push({ start, end, token: t, sentence: s, paragraph, kind, form: token.text, lemma: lower(token.lemma ?? token.text), pos });
      }
    }
    out.push(words);
  });
  return out;
}
