import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createDocument } from '../src/core/document.js';
import { extractDates } from '../src/dates/extract.js';
import { expectLinear } from './helpers.js';

/** Words and numbers that start or continue temporal expressions, mixed with ordinary ones. */
const words = [
  'le', 'la', 'l’', 'les', 'du', 'au', 'de', 'd’', 'entre', 'et', 'à', 'vers', 'depuis', 'il', 'y', 'a', 'dans', 'ce', 'cette', 'chaque', 'tous',
  '3', '14', '1er', '31', '2024', '98', '14/07/2023', '2010-2011', '12-13', '14:30', 'h', 'heures', '30', '2-1', '30,4', '1 500',
  'mai', 'juin', 'mardi', 'dimanches', 'prochain', 'dernière', 'semaine', 'mois', 'an', 'ans', 'années', 'siècle', 'XXe', 'matin', 'soir',
  'début', 'fin', 'mi-mars', 'vingt', 'et', 'un', 'quatre-vingt-dix', 'trimestre', 'troisième', 'week-end', 'Noël', 'Pâques', 'hier',
  'demain', 'veille', 'lendemain', 'plus', 'moins', 'près', 'été', 'hiver', '«', '»', ',', '.', '\n\n', 'euros', 'CAN', 'désormais',
];
const text = fc.array(fc.constantFrom(...words), { maxLength: 60 }).map((xs) => xs.join(' '));
const refs = fc.constantFrom(undefined, '2024-03-14', '1999-12-31', '2025-01-01');

describe('dates: properties on random word salads', () => {
  it('never throws; spans are text, ordered, non-overlapping; values are well formed', () => {
    fc.assert(
      fc.property(text, refs, (t, ref) => {
        const doc = { ...createDocument(t), warnings: [] };
        const found = extractDates(doc, ref ? { refDate: ref } : {});
        let at = 0;
        for (const d of found) {
          expect(t.slice(d.start, d.end)).toBe(d.text);
          expect(d.start).toBeGreaterThanOrEqual(at);
          at = d.end;
          if (d.type === 'duration') expect(d.duration).toMatch(/^P(?:[\dX.]+[YMWD])*(?:T(?:[\dX.]+[HMS])+)?$/);
          else if (d.value !== null) expect(d.value).toMatch(/^(?:[\dX]{4}(?:-(?:[\dX]{2}(?:-[\dX]{2}(?:T\d{2}:\d{2})?)?|W[\dX]{2}(?:-\d|-WE)?|SP|SU|FA|WI|Q[\dX]|H[12]))?|\d{2,3}|XX|XXX|[A-Z]+_REF|XXXX-XX-XXT(?:\d{2}:\d{2}|MO|AF|EV|NI))(?:\/.+)?$/);
          for (const p of d.parts ?? []) expect(t.slice(p.start, p.end)).toBe(p.text);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never reads the clock: without a reference, relative values stay unresolved', () => {
    fc.assert(
      fc.property(text, (t) => {
        for (const d of extractDates({ ...createDocument(t), warnings: [] })) {
          if (!d.stated && d.type !== 'duration' && d.type !== 'set' && d.value) expect(d.value).toMatch(/X/);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('runs in linear time on adversarial repetitions', async () => {
    // ranges left open, number words left hanging, years in a row, quantities without units
    for (const unit of ['du 3 au vingt et le 1er 2024 2025 il y a plus de mardi 14 h ']) {
      const cache = new Map<number, ReturnType<typeof createDocument>>();
      await expectLinear((size) => {
        let doc = cache.get(size);
        if (!doc) cache.set(size, (doc = createDocument(unit.repeat(Math.ceil(size / unit.length)).slice(0, size))));
        return extractDates({ ...doc, warnings: [] }, { refDate: '2024-03-14' });
      }, unit);
    }
  }, 60_000);
});
