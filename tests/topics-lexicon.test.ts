import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readListRows } from '../src/core/lexicon-file.js';
import { lexiconPath } from '../src/core/paths.js';
import { readWordLists, topicsLexicon } from '../src/topics/lexicon.js';
import { buildScheme, termWords } from '../src/topics/scheme.js';
import { BACKGROUND_INDEX_FILE, builtinSchemeRows, CATEGORY_TERMS_FILE, compileBackgroundIndex, compileCategoryTerms, compileWordLists, WORD_LISTS_FILE } from '../src/topics/compile.js';

const LABELS = ['culture', 'environnement', 'faits divers', 'international', 'justice', 'politique', 'santé', 'science', 'société', 'sport', 'technologie', 'économie'];

describe('topics lexicons as data', () => {
  const files = readdirSync(lexiconPath('topics', 'categories')).filter((f) => f.endsWith('.tsv'));

  it('has one readable list per top-level subject, each with its provenance', () => {
    const labels = [...new Set(files.map((f) => f.replace(/\.tsv$/, '').split('.')[0]!.normalize('NFC')))].sort();
    expect(labels).toEqual([...LABELS].sort());
    for (const f of files) expect(readFileSync(lexiconPath('topics', 'categories', f), 'utf8')).toMatch(/^# .*\n(#.*\n)*/);
  });

  it('category lists are general: well over a hundred terms each, weights between 0 and 2, no duplicates', () => {
    for (const label of LABELS) {
      const rows = files.filter((f) => f.normalize('NFC').split('.')[0] === label).flatMap((f) => readListRows('topics', 'categories', f));
      expect(rows.length, label).toBeGreaterThanOrEqual(200);
      const terms = rows.map((r) => r[0]!.toLowerCase());
      expect(terms.filter((t, i) => terms.indexOf(t) !== i), `${label} duplicates`).toEqual([]);
      for (const [term, weight] of rows) {
        expect(Number(weight), `${label}: ${term}`).toBeGreaterThan(0);
        expect(Number(weight), `${label}: ${term}`).toBeLessThanOrEqual(2);
        expect(termWords(term!).length, `${label}: ${term}`).toBeGreaterThan(0);
      }
    }
  });

  it('entity cues name a known type and label', () => {
    const lex = topicsLexicon();
    expect(lex.entityCues.length).toBeGreaterThan(50);
    for (const cue of lex.entityCues) {
      expect(['PER', 'LOC', 'ORG', 'MISC']).toContain(cue.type);
      expect(LABELS).toContain(cue.label);
      expect(cue.weight).toBeGreaterThan(0);
      expect(cue.reason).not.toBe('');
    }
  });

  it('the background table is built from the open corpora and says so', () => {
    const text = readFileSync(lexiconPath('topics', 'background.tsv'), 'utf8');
    expect(text).toMatch(/Sequoia/);
    expect(text).toMatch(/TimeBank/);
    const lex = topicsLexicon();
    expect(lex.documents).toBeGreaterThan(500);
    const rows = readListRows('topics', 'background.tsv').filter(([lemma]) => lemma !== 'documents');
    expect(rows.length).toBeGreaterThan(3000);
    // common words are in many documents, specialised ones in few or none
    expect(lex.df.get('président')!).toBeGreaterThan(lex.df.get('exoplanète') ?? 0);
    for (const [, n] of rows) expect(Number(n)).toBeLessThanOrEqual(lex.documents);
  });

  it('the background table is looked up in place: every lemma row found with its count, nothing else', () => {
    const lines = readFileSync(lexiconPath('topics', 'background.tsv'), 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
    expect(lines[0]).toMatch(/^documents\t\d+$/);
    const lemmas = lines.slice(1).map((l) => l.split('\t'));
    for (const cells of lemmas) expect(cells.length).toBe(2);
    const lex = topicsLexicon();
    for (const [lemma, n] of lemmas) expect(lex.df.get(lemma!)).toBe(Number(n));
    for (const absent of ['documents', 'zzzz', '', 'a b', 'présidente-directrice', 'président\t2']) expect(lex.df.get(absent)).toBeUndefined();
  });

  it('the compiled files equal a fresh compile of the readable lists (run npm run build:topics when not)', () => {
    const { tsv, index } = compileCategoryTerms();
    expect(readFileSync(lexiconPath(...CATEGORY_TERMS_FILE), 'utf8')).toBe(tsv);
    expect(readFileSync(lexiconPath(...CATEGORY_TERMS_FILE).replace(/\.tsv$/, '.idx')).equals(index)).toBe(true);
    expect(readFileSync(lexiconPath(...BACKGROUND_INDEX_FILE)).equals(compileBackgroundIndex())).toBe(true);
    expect(readFileSync(lexiconPath(...WORD_LISTS_FILE), 'utf8')).toBe(compileWordLists());
  });

  it('the compiled word lists load as the readable files give them', () => {
    const lex = topicsLexicon();
    const fresh = readWordLists();
    for (const [name, value] of Object.entries(fresh)) expect(lex[name as keyof typeof fresh], name).toEqual(value);
  });

  it('the compiled scheme finds the terms the readable lists give, in the same order', () => {
    const fresh = buildScheme(builtinSchemeRows(), 'built-in');
    const compiled = topicsLexicon().scheme;
    expect(compiled.labels).toEqual(fresh.labels);
    for (const [first, terms] of fresh.byFirstWord) {
      const found = compiled.byFirstWord.get(first)!;
      expect(found.map((t) => ({ ...t }))).toEqual(terms.map((t) => ({ ...t })));
      expect(compiled.byFirstWord.get(first)).toBe(found);
    }
    expect(compiled.byFirstWord.get('zzzz')).toBeUndefined();
  });

  it('stopwords come from the maintained package, boilerplate is separate', () => {
    expect(readFileSync(lexiconPath('topics', 'stopwords.txt'), 'utf8')).toMatch(/npm package stopword/);
    const lex = topicsLexicon();
    for (const w of ['le', 'de', 'et', 'nous', 'être']) expect(lex.stopwords.has(w)).toBe(true);
    for (const w of ['mardi', 'semaine', 'million', 'selon']) expect(lex.boilerplate.has(w)).toBe(true);
    for (const w of ['grève', 'élection', 'incendie']) {
      expect(lex.stopwords.has(w)).toBe(false);
      expect(lex.boilerplate.has(w)).toBe(false);
    }
  });

  it('phrase words: prepositions, definite articles, skipped adjectives', () => {
    const lex = topicsLexicon();
    expect([...lex.prepositions].sort()).toEqual(['de', 'en', 'à']);
    expect([...lex.determiners].sort()).toEqual(["l'", 'la', 'le', 'les']);
    expect(lex.skipAdjectives.has('dernier')).toBe(true);
    expect(lex.skipAdjectives.has('municipal')).toBe(false);
  });
});
