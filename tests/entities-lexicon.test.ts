import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lexiconPath } from '../src/core/paths.js';
import { demonymForms, entitiesLexicon, nameKeys } from '../src/entities/lexicon.js';
import { tokenize } from '../src/tokenize/index.js';

const TYPES = ['PER', 'LOC', 'ORG', 'MISC'];

function rows(...parts: string[]): string[][] {
  return readFileSync(lexiconPath('entities', ...parts), 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.split('\t'));
}

describe('entity lexicons as data', () => {
  for (const file of ['organisations.tsv', 'events.tsv', 'places.tsv', 'heads.tsv', 'cues.tsv']) {
    it(`${file}: every row has a name and a known type, no name twice`, () => {
      const list = rows(file);
      expect(list.length).toBeGreaterThan(10);
      for (const r of list) {
        expect(r[0], JSON.stringify(r)).toBeTruthy();
        expect(TYPES, JSON.stringify(r)).toContain(r[1]);
      }
      const names = list.map((r) => r[0]);
      expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
    });
  }

  it('acronyms with a long name spell its initials or are known abbreviations', () => {
    const withLong = rows('organisations.tsv').filter((r) => r[2]);
    expect(withLong.length).toBeGreaterThan(50);
    for (const r of withLong) expect(r[2]!.split(' ').length, r[0]).toBeGreaterThan(1);
  });

  it('titles, roles and first names carry a gender of m, f, mf or -', () => {
    for (const r of rows('titles.tsv')) expect(['m', 'f', '-']).toContain(r[1]);
    for (const r of rows('roles.tsv')) expect(['m', 'f', '-']).toContain(r[1]);
    for (const r of [...rows('first-names.tsv'), ...rows('generated', 'first-names.tsv')]) expect(['m', 'f', 'mf']).toContain(r[1]);
  });

  it('the generated gazetteers hold countries, French communes and first names', () => {
    const lex = entitiesLexicon();
    expect(lex.firstNames.get('Sandrine')).toBe('f');
    expect(lex.firstNames.get('Ludovic')).toBe('m');
    const places = new Map(rows('generated', 'places.tsv').map((r) => [r[0], r[2]]));
    expect(places.get('Russie')).toBe('country');
    expect(places.get('Montluçon')).toBe('commune');
    expect(places.get('Haute-Vienne')).toBe('department');
    expect(places.get('Nouvelle-Aquitaine')).toBe('region');
  });

  it('a name keyed as one word is one token for the tokenizer', () => {
    const names = [...rows('places.tsv'), ...rows('organisations.tsv'), ...rows('generated', 'places.tsv').filter((_, i) => i % 20 === 0)].map((r) => r[0]!);
    for (const name of names) {
      expect(nameKeys(name), name).toEqual(tokenize(name).map((t) => t.text.replace(/’/g, "'")));
    }
  });

  it('derives the forms of demonyms', () => {
    expect(demonymForms('Français').sort()).toEqual(['Français', 'Française', 'Françaises']);
    expect(demonymForms('Ivoirien')).toEqual(['Ivoirien', 'Ivoirienne', 'Ivoiriens', 'Ivoiriennes']);
    expect(demonymForms('Belge')).toEqual(['Belge', 'Belges']);
  });
});
