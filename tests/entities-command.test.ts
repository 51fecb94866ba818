import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/pipeline/analyze.js';
import { entitiesCommand, entitiesOptions, parseLexiconFile } from '../src/entities/command.js';

const text = 'Donald Trump a reçu Sergueï Lavrov.\nM. Trump a salué la rencontre.';

describe('entities command', () => {
  const analysis = analyze(text, { components: ['entities'] });

  it('shows one row per entity: canonical name, type, mention count, first line:column', () => {
    const table = entitiesCommand.table(analysis, {});
    expect(table.head.slice(0, 4)).toEqual(['entity', 'type', 'mentions', 'first']);
    expect(table.rows.map((r) => r.slice(0, 4))).toEqual([
      ['Donald Trump', 'PER', '2', '1:1'],
      ['Sergueï Lavrov', 'PER', '1', '1:21'],
    ]);
  });

  it('lists every mention with --mentions, and its rule with --explain', () => {
    const explained = analyze(text, { components: ['entities'], explain: true });
    const table = entitiesCommand.table(explained, { mentions: true, explain: true });
    expect(table.rows.map((r) => r.slice(0, 4))).toEqual([
      ['1:1', 'Donald Trump', 'PER', 'Donald Trump'],
      ['1:21', 'Sergueï Lavrov', 'PER', 'Sergueï Lavrov'],
      ['2:4', 'Trump', 'PER', 'Donald Trump'],
    ]);
    expect(table.rows.every((r) => r[4])).toBe(true);
  });

  it('gives items with spans, cluster ids, aliases and roles', () => {
    const items = entitiesCommand.items(analysis, {});
    expect(items[0]).toMatchObject({ id: 'e1', canonical: 'Donald Trump', type: 'PER', gender: 'm', count: 2, start: 0, end: 12, aliases: ['Trump'] });
    const mentions = entitiesCommand.items(analysis, { mentions: true });
    expect(mentions[2]).toMatchObject({ start: 39, end: 44, text: 'Trump', entity: 'e1', canonical: 'Donald Trump' });
  });

  it('reads --lexicon files into the library option', () => {
    const row = entitiesOptions.find((o) => o.flags.startsWith('--lexicon'))!;
    expect(row.analyzeOption).toBe('lexicon');
    const dir = mkdtempSync(join(tmpdir(), 'extrait-lex-'));
    const file = join(dir, 'names.tsv');
    writeFileSync(file, 'Canaris\tORG\tFC Nantes\n');
    expect(row.parse!(file)).toEqual([{ name: 'Canaris', type: 'ORG', canonical: 'FC Nantes' }]);
    expect(() => parseLexiconFile(join(dir, 'missing.tsv'))).toThrow(/cannot read/);
  });
});
