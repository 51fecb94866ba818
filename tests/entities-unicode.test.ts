import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAcronym, isAcronymShape, isInitial, lowerOrHyphen, opensWithTwoCapitals, shape, upperNumberAmpersandHyphen, upperOrNumber, withoutLeadingNumbers } from '../src/entities/shapes.js';
import { codePoints, everyCodePoint, isLetter, isLower, isMark, isNumber, isUpper, stripAccents } from '../src/entities/unicode.js';

describe('Unicode categories by code point', () => {
  it('agree with \\p{…} on every code point', () => {
    const categories: [string, (cp: number) => boolean, RegExp][] = [
      ['Lu', isUpper, /^\p{Lu}$/u],
      ['Ll', isLower, /^\p{Ll}$/u],
      ['L', isLetter, /^\p{L}$/u],
      ['N', isNumber, /^\p{N}$/u],
      ['M', isMark, /^\p{M}$/u],
    ];
    for (const [name, test, re] of categories) {
      const wrong: string[] = [];
      for (let cp = 0; cp <= 0x10ffff; cp += cp < 0x3000 ? 1 : 97) if (test(cp) !== re.test(String.fromCodePoint(cp))) wrong.push(cp.toString(16));
      expect(wrong, name).toEqual([]);
    }
  });

  it('read strings by code point, lone surrogates included', () => {
    expect(codePoints('a𝒜\ud800b')).toEqual([0x61, 0x1d49c, 0xd800, 0x62]);
    expect(everyCodePoint('', isLower)).toBe(false);
    expect(everyCodePoint('élysée', isLower)).toBe(true);
  });
});

/** Characters of the shapes: French letters, digits, other scripts, astral letters, marks, punctuation, lone surrogates. */
const CHARS = [...'aAzZéÉèçÇœŒßÿµªº09²¼-&.’\' «»ΩωЖж', '𝒜', '𝒶', '\u0301', '\u0663', '\ud800', '\udc00', ' ', '\n'];
/** … and the few characters of acronyms and initials, so that near misses come often. */
const SHAPE_CHARS = [...'ABÉa0²&.-', '𝒜', 'Ω'];
const words = fc.oneof(
  fc.array(fc.constantFrom(...CHARS), { maxLength: 8 }).map((cs) => cs.join('')),
  fc.array(fc.constantFrom(...SHAPE_CHARS), { maxLength: 6 }).map((cs) => cs.join('')),
);
const SAMPLES = ['CNRS', 'G20', 'AT&T', 'PDCI-RDA', 'PPA-CI', 'A-', 'A--B', '-CI', 'J.', 'É.', 'RER', 'Ré', 'élysée', 'vice-président', 'ŁÓDŹ', 'ΑΒΓ', '𝒜𝒜', '20-A', '2A', 'ÉTAT', 'Bolloré', 'S.N.C.F.', '', 'A\nB'];

/** Each shape beside the regular expression it stands for, on generated and sample words. */
function agrees(name: string, ours: (w: string) => unknown, theirs: (w: string) => unknown): void {
  it(`${name} reads words as the regular expression does`, () => {
    for (const w of SAMPLES) expect(ours(w), JSON.stringify(w)).toEqual(theirs(w));
    fc.assert(
      fc.property(words, (w) => {
        expect(ours(w), JSON.stringify(w)).toEqual(theirs(w));
      }),
      { numRuns: 3000 },
    );
  });
}

describe('word shapes', () => {
  agrees('lower-case word', (w) => everyCodePoint(w, isLower), (w) => /^\p{Ll}+$/u.test(w));
  agrees('letters', (w) => everyCodePoint(w, isLetter), (w) => /^\p{L}+$/u.test(w));
  agrees('two capitals first', opensWithTwoCapitals, (w) => /^\p{Lu}{2,}/u.test(w));
  agrees('bracketed acronym', (w) => shape(w, isUpper, upperNumberAmpersandHyphen, 2), (w) => /^\p{Lu}[\p{Lu}\p{N}&-]+$/u.test(w));
  agrees('acronym parts', isAcronymShape, (w) => /^\p{Lu}[\p{Lu}\p{N}]*(?:-\p{Lu}[\p{Lu}\p{N}]*)*$/u.test(w));
  agrees('leading numbers and hyphens dropped', withoutLeadingNumbers, (w) => w.replace(/^[\p{N}-]+/u, ''));
  agrees('hyphenated acronym part', (w) => w.charCodeAt(0) === 0x2d && shape(w.slice(1), isUpper, upperOrNumber), (w) => /^-\p{Lu}[\p{Lu}\p{N}]*$/u.test(w));
  agrees('lower-case word with hyphens', (w) => shape(w, isLower, lowerOrHyphen), (w) => /^\p{Ll}[\p{Ll}-]*$/u.test(w));
  agrees('initial', isInitial, (w) => /^\p{Lu}\.$/u.test(w));
  agrees('capital first', (w) => w.length > 0 && isUpper(w.codePointAt(0)!), (w) => /^\p{Lu}/u.test(w));
  agrees('letter first', (w) => w.length > 0 && isLetter(w.codePointAt(0)!), (w) => /^\p{L}/u.test(w));
  agrees('acronym (cluster)', isAcronym, (w) => /^[\p{Lu}\p{N}][\p{Lu}\p{N}&.-]*[\p{Lu}\p{N}]$/u.test(w) && /\p{Lu}.*\p{Lu}/u.test(w) && w.length <= 12);
  agrees('accents stripped', stripAccents, (w) => w.normalize('NFD').replace(/\p{M}/gu, ''));

  it('name the shapes of the press', () => {
    expect(['CNRS', 'G20', 'PDCI-RDA', 'A-', 'Ré'].map(isAcronymShape)).toEqual([true, true, true, false, false]);
    expect(['CNRS', 'AT&T', 'G20', 'A', 'Cnrs'].map(isAcronym)).toEqual([true, true, false, false, false]);
    expect(stripAccents('Élysée, Œuvre')).toBe('Elysee, Œuvre');
  });
});
