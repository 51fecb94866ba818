import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as letters from '../src/core/letters.js';

/** Each test and the regex it stands for. */
const PAIRS: [string, (s: string) => boolean, RegExp][] = [
  ['hasLetter', letters.hasLetter, /\p{L}/u],
  ['hasLetterOrNumber', letters.hasLetterOrNumber, /[\p{L}\p{N}]/u],
  ['startsUpper', letters.startsUpper, /^\p{Lu}/u],
  ['startsLower', letters.startsLower, /^\p{Ll}/u],
  ['startsLetter', letters.startsLetter, /^\p{L}/u],
  ['startsUpperLower', letters.startsUpperLower, /^\p{Lu}\p{Ll}/u],
  ['isCapitalisedWord', letters.isCapitalisedWord, /^\p{Lu}\p{Ll}+$/u],
  ['isAllUpper', letters.isAllUpper, /^\p{Lu}{2,}$/u],
];

describe('letters without Unicode property regexes', () => {
  it('classes every character up to U+017F and of General Punctuation, and a few beyond, as the regexes do', () => {
    const punctuation = Array.from({ length: 0x70 }, (_, k) => String.fromCharCode(0x2000 + k));
    const chars = [...Array.from({ length: 0x180 }, (_, c) => String.fromCharCode(c)), ...punctuation, 'ƒ', 'ǅ', 'Ω', 'ж', 'Ж', '٣', '中', '𝐀', '\u0301', '⁰', 'ⁱ'];
    for (const ch of chars) for (const [name, test, re] of PAIRS) expect(test(ch), `${name} U+${ch.codePointAt(0)!.toString(16)}`).toBe(re.test(ch));
    for (const a of [...chars.slice(0x40, 0x180), ...punctuation]) {
      for (const b of ['a', 'Z', 'é', 'É', '1', ' ', 'ß', 'ſ', 'ĸ', '’', '…']) {
        const s = a + b;
        for (const [name, test, re] of PAIRS) expect(test(s), `${name} ${JSON.stringify(s)}`).toBe(re.test(s));
      }
    }
  });

  it('agrees with the regexes on random words of French and other scripts', () => {
    const unit = fc.constantFrom(...'aZé É1 -’ßœŒÿŸıİĸŉſ×÷ªµº²¼ж中\u0301\u0327ǅ𝐀…—“”\u202f\u200b'.split(''), 'e\u0301');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 6 }).map((xs) => xs.join('')), (s) => {
        for (const [name, test, re] of PAIRS) expect(test(s), `${name} ${JSON.stringify(s)}`).toBe(re.test(s));
        expect(letters.removeMarks(s)).toBe(s.replace(/\p{M}/gu, ''));
        expect(letters.removeMarks(s.normalize('NFD'))).toBe(s.normalize('NFD').replace(/\p{M}/gu, ''));
      }),
      { numRuns: 5000 },
    );
  });

  it('drops combining marks: below U+0370 only the diacritics block, beyond by the regex', () => {
    expect(letters.removeMarks('e\u0301te\u0301')).toBe('ete');
    expect(letters.removeMarks('Ç'.normalize('NFD'))).toBe('C');
    expect(letters.removeMarks('ж\u0301')).toBe('ж');
    expect(letters.removeMarks('plain')).toBe('plain');
  });
});
