import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { tokenize } from '../src/tokenize/index.js';
import { splitSentences } from '../src/sentences/index.js';
import { isSpaceCode } from '../src/tokenize/chars.js';
import { expectLinear } from './helpers.js';

/** Characters that exercise every branch: French letters, marks, apostrophes, hyphens, dots, digits, spaces, emoji. */
const pieces = [
  'a', 'É', 'ç', 'l', 'q', 'u', 't', 'i', 'M', 'J', 'e', 'r', 'n', 'h', 'X', '1', '0', '9', ' ', '\u00a0', '\u202f', '\n', '\n\n',
  '’', "'", '-', '.', ',', '?', '!', '…', '«', '»', '"', '(', ')', '@', '#', '/', ':', '°', '€', '%', '😀', '🏽', '\u200d', '🇫', '\u0301',
  'http://', 'www.', '.fr', 'etc.', 'M.', 'a-t-il', 'aujourd’hui', '(e)', '\ud800', '\udc00',
];
const arbitraryText = fc.array(fc.constantFrom(...pieces), { maxLength: 80 }).map((xs) => xs.join(''));

describe('tokenize: properties on random and adversarial text', () => {
  it('gives valid, ordered, non-overlapping spans that rebuild the text with the spaces between them', () => {
    fc.assert(
      fc.property(fc.oneof(arbitraryText, fc.string({ unit: 'grapheme', maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 60 })), (text) => {
        const tokens = tokenize(text);
        let at = 0;
        let rebuilt = '';
        for (const token of tokens) {
          expect(token.start).toBeGreaterThanOrEqual(at);
          expect(token.end).toBeGreaterThan(token.start);
          expect(text.slice(token.start, token.end)).toBe(token.text);
          for (let k = at; k < token.start; k++) expect(isSpaceCode(text.charCodeAt(k))).toBe(true);
          rebuilt += text.slice(at, token.start) + token.text;
          at = token.end;
        }
        for (let k = at; k < text.length; k++) expect(isSpaceCode(text.charCodeAt(k))).toBe(true);
        expect(rebuilt + text.slice(at)).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });

  it('gives sentences that are ordered, inside the text, and made of whole tokens', () => {
    fc.assert(
      fc.property(arbitraryText, (text) => {
        let at = 0;
        for (const sentence of splitSentences(text)) {
          expect(sentence.start).toBeGreaterThanOrEqual(at);
          expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
          expect(sentence.tokenEnd).toBeGreaterThan(sentence.tokenStart);
          at = sentence.end;
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('tokenize: linear time on adversarial input', () => {
  const adversarial: Record<string, (n: number) => string> = {
    guillemets: (n) => '«'.repeat(n),
    dots: (n) => '.'.repeat(n),
    'dotted words': (n) => 'a.'.repeat(n / 2),
    'dotted local part': (n) => 'ab.'.repeat(n / 3),
    'long hyphenated word': (n) => 'a-'.repeat(n / 2) + 'il',
    'long elided word': (n) => "l'".repeat(n / 2) + 'a',
    digits: (n) => '1 234'.repeat(n / 5),
    apostrophes: (n) => '’'.repeat(n),
    'initials': (n) => 'A. '.repeat(n / 3),
  };
  for (const [name, make] of Object.entries(adversarial)) {
    it(`handles 1 MB of ${name}`, async () => {
      await expectLinear((n) => splitSentences(make(n)), name);
    });
  }
});
