import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBytes, htmlToText, markdownToText, normalizeText } from '../src/input/index.js';
import { ExtraitError } from '../src/core/errors.js';

const markdownPieces = ['*', '**', '_', '`', '``', '[', ']', '(', ')', '![', '](', '<', '>', '&', '&amp;', '&#233;', '\\', '#', '# ', '> ', '- ', '\n', '---', '|', ' ', 'é', 'mot', '"', "'", 'http://x.fr'];
const htmlPieces = ['<p>', '</p>', '<div>', '</div>', '<br>', '<script>', '</script>', '<article>', '</article>', '<nav>', '</nav>', '<pre>', '</pre>', '<!--', '-->', '&', '&amp;', '&#', ';', '<', '>', '"', '=', ' ', '\n', 'é', 'mot', '<td>', '<tr>', '<b>', '</b>'];
const fromPieces = (pieces: string[]) => fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((xs) => xs.join(''));

describe('inputs on random and adversarial strings', () => {
  it('markdownToText never throws and never makes a text longer', () => {
    fc.assert(
      fc.property(fc.oneof(fromPieces(markdownPieces), fc.string({ maxLength: 80 })), (md) => {
        expect(markdownToText(md).text.length).toBeLessThanOrEqual(md.length);
      }),
      { numRuns: 1000 },
    );
  });

  it('markdownToText leaves a text without markup characters as it is', () => {
    const plain = fc.string({ unit: fc.constantFrom(...'abcdé ,.;:!?«»’0123456789\u00a0\n'.split('')), maxLength: 80 });
    fc.assert(
      fc.property(plain, (text) => {
        fc.pre(!/^\s*\d+[.)]\s/.test(text) && !/\n\n\n/.test(text) && !text.endsWith('\n\n'));
        expect(markdownToText(text).text).toBe(text);
      }),
    );
  });

  it('htmlToText never throws; text without markup comes back with its white space collapsed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fromPieces(htmlPieces), fc.string({ maxLength: 80 })), async (html) => {
        const { text } = await htmlToText(html);
        expect(typeof text).toBe('string');
        if (!/[<&]/.test(html)) expect(text).toBe(html.replace(/[ \t\n\f\r]+/g, ' ').trim());
      }),
      { numRuns: 500 },
    );
  });

  it('decodeBytes either decodes or throws E_INPUT_BINARY; normalising twice changes nothing', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        try {
          const { text } = decodeBytes(bytes);
          const once = normalizeText(text);
          expect(normalizeText(once)).toBe(once);
          expect(once.includes('\r')).toBe(false);
        } catch (error) {
          expect(error).toBeInstanceOf(ExtraitError);
          expect((error as ExtraitError).code).toBe('E_INPUT_BINARY');
          expect(bytes.includes(0)).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
