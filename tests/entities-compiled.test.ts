import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compiledFiles } from '../scripts/build/entities-lexicon.js';
import { readListRows } from '../src/core/lexicon-file.js';
import { lexiconPath } from '../src/core/paths.js';
import { buildTrie, entitiesLexicon, type GazetteerEntry } from '../src/entities/lexicon.js';
import { SortedTable, tableIndex } from '../src/entities/sorted-table.js';
import type { EntityType } from '../src/entities/types.js';
import { tokenize } from '../src/tokenize/index.js';

const file = (path: string) => lexiconPath('entities', ...path.split('/'));

/** The gazetteer rows in list order, as the recognizer read them before they were compiled. */
function listedEntries(): GazetteerEntry[] {
  const entries: GazetteerEntry[] = [];
  const add = (e: GazetteerEntry) => {
    entries.push(e);
    if (e.longName) entries.push({ name: e.longName, type: e.type, kind: e.kind, source: e.source });
  };
  for (const [name, type, longName] of readListRows('entities', 'organisations.tsv')) add({ name: name!, type: type as EntityType, kind: 'org', source: 'organisations', ...(longName && { longName }) });
  for (const [name, type, longName] of readListRows('entities', 'events.tsv')) add({ name: name!, type: type as EntityType, kind: 'misc', source: 'events', ...(longName && { longName }) });
  for (const [name, type, kind] of readListRows('entities', 'places.tsv')) add({ name: name!, type: type as EntityType, kind: kind!, source: 'places' });
  for (const [name, type, kind, source] of readListRows('entities', 'generated', 'places.tsv')) add({ name: name!, type: type as EntityType, kind: kind!, source: source! });
  return entries;
}

/** Data lines of a table, in file order. */
const keysOf = (path: string) =>
  readFileSync(file(path), 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.split('\t')[0]!);

describe('compiled entity tables', () => {
  it('the committed tables and indexes are what `npm run build:entities` makes of the lists now', () => {
    for (const [path, fresh] of compiledFiles()) {
      expect(Buffer.compare(readFileSync(file(path)), fresh), `${path} is stale: run npm run build:entities`).toBe(0);
    }
  });

  it('every table is sorted by the bytes of its keys, each key once', () => {
    for (const path of ['generated/gazetteer.tsv', 'generated/long-names.tsv', 'generated/first-names.tsv', 'generated/common-word-names.tsv']) {
      const keys = keysOf(path).map((k) => Buffer.from(k, 'utf8'));
      expect(keys.length, path).toBeGreaterThan(50);
      for (let i = 1; i < keys.length; i++) expect(Buffer.compare(keys[i - 1]!, keys[i]!), `${path}: ${keys[i]}`).toBeLessThan(0);
    }
  });

  it('the gazetteer finds, at every token, the name a trie of the lists finds (first list wins)', () => {
    const entries = listedEntries();
    const trie = buildTrie(entries);
    const table = entitiesLexicon().gazetteer;
    // Every hand-written name, every 7th generated one, and sentences where names run together.
    const texts = [
      ...entries.filter((e, i) => e.source !== 'decoupage-administratif' || i % 7 === 0).map((e) => `la ${e.name} et`),
      "Le ministre de l’Intérieur a reçu à l’Élysée le président de la Côte d’Ivoire, puis s’est rendu à Saint-Denis et à Bagnoles-de-l'Orne.",
      "La Palme d'or du Festival de Cannes ; l'Agence internationale de l'énergie atomique (AIEA) ; Canal+ ; 24 Heures du Mans ; Côte Côte d' Ivoire.",
    ];
    let found = 0;
    for (const text of texts) {
      const tokens = tokenize(text);
      for (let i = 0; i < tokens.length; i++) {
        const expected = trie.longestAt(tokens, i, tokens.length);
        expect(table.longestAt(tokens, i, tokens.length), `${text} @${tokens[i]!.text}`).toEqual(expected);
        if (expected) found++;
      }
    }
    expect(found).toBeGreaterThan(2000);
  });

  it('one-word lookups match the exact, unfolded key', () => {
    const { gazetteer } = entitiesLexicon();
    expect(gazetteer.entryOfWord('Suisse')).toMatchObject({ type: 'LOC', kind: 'country' });
    expect(gazetteer.entryOfWord('Montluçon')).toMatchObject({ type: 'LOC', kind: 'commune' });
    expect(gazetteer.entryOfWord('Côte')).toBeUndefined();
    expect(gazetteer.entryOfWord('suisse')).toBeUndefined();
    expect(gazetteer.entryOfWord('')).toBeUndefined();
  });

  it('first names answer as the lists read into a map: the hand-written list over the generated one', () => {
    const expected = new Map<string, string>();
    for (const [name, gender] of readListRows('entities', 'generated', 'first-names.tsv')) expected.set(name!, gender!);
    for (const [name, gender] of readListRows('entities', 'first-names.tsv')) expected.set(name!, gender!);
    const { firstNames } = entitiesLexicon();
    for (const [name, gender] of expected) expect(firstNames.get(name), name).toBe(gender);
    for (const word of ['sandrine', 'Sandrin', 'Sandrinee', 'SANDRINE', 'Paris', 'le', '10 000', 'Zzzz', 'Ém', '']) {
      expect(firstNames.get(word), word).toBe(expected.get(word));
      expect(firstNames.has(word), word).toBe(expected.has(word));
    }
  });

  it('long names and common-word names answer as the lists read into a map and a set', () => {
    const longNames = new Map<string, string[]>();
    for (const f of ['organisations.tsv', 'events.tsv']) {
      for (const [name, , long] of readListRows('entities', f)) if (long) longNames.set(name!, [...(longNames.get(name!) ?? []), long]);
    }
    const lex = entitiesLexicon();
    for (const [name, longs] of longNames) expect(lex.longNames.get(name), name).toEqual(longs);
    expect(lex.longNames.get('CNRS')).toEqual(['Centre national de la recherche scientifique']);
    expect(lex.longNames.get('Cnrs')).toBeUndefined();
    for (const [name] of readListRows('entities', 'generated', 'common-word-names.tsv')) expect(lex.commonWordNames.has(name!), name).toBe(true);
    expect(lex.commonWordNames.has('Orange')).toBe(true);
    expect(lex.commonWordNames.has('orange')).toBe(false);
  });

  it('a table searches keys with any character, multi-byte and astral ones included', () => {
    const text = ['# header', 'Abc\t1', 'Zoé\t2', 'Zoë\t3', 'Ω\t4', '𝒜x\t5', ''].join('\n');
    for (const bloom of [false, true]) {
      const index = tableIndex(text, bloom);
      const table = new SortedTable(Buffer.from(text, 'utf8'), Uint32Array.from({ length: index.length / 4 }, (_, k) => index.readUInt32LE(k * 4)));
      expect(table.size).toBe(5);
      expect(['Abc', 'Zoé', 'Zoë', 'Ω', '𝒜x'].map((k) => table.get(k))).toEqual(['1', '2', '3', '4', '5']);
      for (const k of ['Ab', 'Abcd', 'Zo', 'Zoe', 'ω', '𝒜', '\ud835', '']) expect(table.get(k), k).toBeUndefined();
    }
  });
});
