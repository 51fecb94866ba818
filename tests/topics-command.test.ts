import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Analysis } from '../src/core/analysis.js';
import { categoriesLine, topicsCommand, topicsOptions } from '../src/topics/command.js';
import { topicsComponent } from '../src/topics/index.js';
import { tagged } from './topics-helpers.js';

const tags: Record<string, [string, string]> = {
  grève: ['NOUN', 'grève'], usine: ['NOUN', 'usine'], salaires: ['NOUN', 'salaire'], hausse: ['NOUN', 'hausse'], syndicats: ['NOUN', 'syndicat'],
  continue: ['VERB', 'continuer'], réclament: ['VERB', 'réclamer'], ouvriers: ['NOUN', 'ouvrier'], direction: ['NOUN', 'direction'],
  refuse: ['VERB', 'refuser'], négociation: ['NOUN', 'négociation'], festival: ['NOUN', 'festival'], ouvre: ['VERB', 'ouvrir'],
  toute: ['DET', 'tout'], portes: ['NOUN', 'porte'], concerts: ['NOUN', 'concert'], continuent: ['VERB', 'continuer'], spectateurs: ['NOUN', 'spectateur'],
};

function analysed(text: string, id: string, options: Record<string, unknown> = {}): Analysis {
  const a = tagged(text, tags, { id });
  return { ...a, ...topicsComponent.run(a, options) };
}

const strike = () =>
  analysed(
    "La grève continue à l'usine\n\nLes ouvriers réclament une hausse des salaires. La direction refuse toute négociation, et la grève continue. Les syndicats réclament une hausse des salaires.",
    'strike',
  );

describe('extrait topics', () => {
  it('a table of phrase, score and count, with the categories line under it', () => {
    const view = topicsCommand.table(strike(), {});
    expect(view.head).toEqual(['phrase', 'score', 'count']);
    expect(view.rows[0]![0]).toBe('grève');
    expect(view.rows[0]![1]).toBe('1.00');
    expect(view.rows.find((r) => r[0] === 'hausse des salaires')).toEqual(['hausse des salaires', expect.stringMatching(/^0\.\d\d$/), '2']);
    expect(view.notes![0]).toMatch(/^categories: économie \d\.\d\d/);
  });

  it('--explain adds the rule column and the cues of each category', () => {
    const a = { ...strike() };
    a.topics = topicsComponent.run(a, { explain: true }).topics!;
    const view = topicsCommand.table(a, { explain: true });
    expect(view.head).toEqual(['phrase', 'score', 'count', 'rule']);
    expect(view.rows[0]![3]).toBe('noun-phrase');
    expect(view.notes!.some((n) => /^ {2}économie: .*grève/.test(n))).toBe(true);
  });

  it('items: the categories, then the phrases with their spans; --top limits the phrases', () => {
    const items = topicsCommand.items(strike(), {});
    expect(items[0]).toMatchObject({ kind: 'category', rank: 1, text: 'économie' });
    const phrases = items.filter((i) => i.kind === 'phrase');
    expect(phrases[0]).toMatchObject({ kind: 'phrase', rank: 1, text: 'grève', lemma: 'grève', count: 2 });
    expect((phrases[0]!.spans as unknown[]).length).toBe(2);
    expect(topicsCommand.items(strike(), { top: '1' }).filter((i) => i.kind === 'phrase')).toHaveLength(1);
    expect(() => topicsCommand.items(strike(), { top: 'zero' })).toThrow(/--top/);
    for (const column of topicsCommand.columns.filter((c) => c !== 'document')) expect(Object.keys(items[1]!)).toContain(column);
  });

  it('--corpus: phrases ranked across documents with the number of documents using each', () => {
    const docs = [strike(), analysed('Le festival ouvre ses portes. Les concerts continuent, les spectateurs réclament une hausse des salaires.', 'festival')];
    const { table, items } = topicsCommand.corpus!(docs, {});
    expect(table.head).toEqual(['phrase', 'score', 'documents', 'count']);
    expect(table.rows.find((r) => r[0] === 'hausse des salaires')).toEqual(['hausse des salaires', expect.any(String), '2', '3']);
    expect(table.rows.find((r) => r[0] === 'festival')?.[2]).toBe('1');
    expect(table.notes![0]).toMatch(/^2 documents; first category per document: /);
    expect(items[0]).toMatchObject({ kind: 'phrase', rank: 1, score: 1 });
  });

  it('declares --corpus, --categories (a file, parsed for the library) and --top', () => {
    expect(topicsOptions.map((o) => o.flags)).toEqual(['--corpus', '--categories <file>', '--top <n>']);
    const categories = topicsOptions.find((o) => o.flags.startsWith('--categories'))!;
    expect(categories.analyzeOption).toBe('categories');
    const dir = mkdtempSync(join(tmpdir(), 'extrait-topics-'));
    writeFileSync(join(dir, 'scheme.tsv'), 'travail\tgrève\ntravail\tsalaire\nloisirs\tfestival\n');
    const scheme = categories.parse!(join(dir, 'scheme.tsv'));
    const a = tagged('La grève continue à l\'usine. Les ouvriers réclament une hausse des salaires.', tags);
    const topics = topicsComponent.run(a, { categories: scheme }).topics!;
    expect(topics.categories.map((c) => c.label)).toEqual(['travail']);
    expect(categoriesLine(topics)).toMatch(/^categories: travail 1\.00$/);
    expect(() => categories.parse!(join(dir, 'missing.tsv'))).toThrow(expect.objectContaining({ code: 'E_INPUT_NOT_FOUND' }));
  });

  it('a document without topics shows (none)', () => {
    expect(categoriesLine({ categories: [], keyphrases: [], scheme: 'built-in' })).toBe('categories: (none)');
  });
});
