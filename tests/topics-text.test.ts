import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareText } from '../src/topics/collate.js';
import { fold, lower } from '../src/topics/words.js';

const sign = (n: number) => Math.sign(n);
/** Letters, accents, case and punctuation of French lemmas and labels, and characters outside them. */
const units = [..." -,:.'0123456789abceioyzAEOYZéèêëàâäîïôöùûüÿçÉÈÊËÀÂÇŸœ’_&ñ"];

describe('topics: text order without the ICU collator', () => {
  it('orders lemmas and labels as localeCompare does', () => {
    const words = ['économie', 'Économie', 'écologie', 'ecole', 'école', 'élection', 'élections', 'election', 'faits divers', 'faits-divers', 'faits', 'fait', 'santé', 'sante', 'société', 'sport', 'entity:e12', 'entity:e2', 'côte', 'cote', 'coté', 'côté', "côte d'ivoire", 'cœur', 'coeur', 'garçon', 'garcon', 'Paris', 'paris', 'pâris', '2024', '20e', 'a', 'à', 'ä'];
    for (const a of words) for (const b of words) expect(sign(compareText(a, b)), `${a} / ${b}`).toBe(sign(a.localeCompare(b)));
    expect([...words].sort(compareText)).toEqual([...words].sort((a, b) => a.localeCompare(b)));
  });

  it('agrees with localeCompare on random strings of similar words', () => {
    const word = fc.array(fc.constantFrom(...units), { minLength: 0, maxLength: 6 }).map((cs) => cs.join(''));
    const pair = word.chain((a) => fc.tuple(fc.constant(a), fc.oneof(word, fc.constant(a.toUpperCase()), fc.constant(a.normalize('NFD').replace(/\p{M}/gu, '')), fc.constant(a + 'e'), fc.constant(a.slice(1)))));
    fc.assert(
      fc.property(pair, ([a, b]) => {
        expect(sign(compareText(a, b))).toBe(sign(a.localeCompare(b)));
      }),
      { numRuns: 20000 },
    );
  });
});

describe('topics: lower and fold keys', () => {
  const general = {
    lower: (s: string) => s.normalize('NFC').toLowerCase().replace(/[’ʼ‘]/g, "'"),
    fold: (s: string) => general.lower(s).normalize('NFD').replace(/\p{M}/gu, '').replace(/\s+/g, ' ').trim(),
  };

  it('lower-cases, composes accents and straightens apostrophes; fold also drops accents and spaces', () => {
    expect(lower('L’Élysée')).toBe("l'élysée");
    expect(lower('E\u0301COLE')).toBe('école');
    expect(fold(' Côte  d’Ivoire ')).toBe("cote d'ivoire");
    expect(fold('COVID-19')).toBe('covid-19');
  });

  it('plain ASCII words take a shortcut with the same result as the general path', () => {
    const unit = fc.constantFrom(...'aZ09-\'.’ \tÉéœ\u0301'.split(''), ...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)));
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 8 }).map((cs) => cs.join('')), (s) => {
        expect(lower(s)).toBe(general.lower(s));
        expect(fold(s)).toBe(general.fold(s));
      }),
      { numRuns: 5000 },
    );
  });
});
