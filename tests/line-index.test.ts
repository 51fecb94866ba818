import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildLineIndex, IndexedLines } from '../src/core/line-index.js';

function written(tsv: string, index = buildLineIndex(Buffer.from(tsv, 'utf8'))): IndexedLines {
  const dir = mkdtempSync(join(tmpdir(), 'extrait-index-'));
  writeFileSync(join(dir, 'words.tsv'), tsv);
  writeFileSync(join(dir, 'words.idx'), index);
  return IndexedLines.read(join(dir, 'words.tsv'));
}

describe('a TSV looked up through its build-time hash index', () => {
  const rows = Array.from({ length: 500 }, (_, i) => [`mot${i}`, `é${i}`, "l'été", 'présidente-directrice générale'][i % 4] + (i >= 4 ? `-${i}` : ''));
  const tsv = ['# a header', '#labels\tune\tdeux', ...rows.map((w, i) => `${w}\t${i}\tsuite`), ''].join('\n');
  const lines = written(tsv);

  it('finds every key with the rest of its line, accented and multiword keys included', () => {
    rows.forEach((w, i) => expect(lines.get(w)).toBe(`${i}\tsuite`));
    expect(lines.header('#labels')).toBe('une\tdeux');
  });

  it('finds nothing for other keys: prefixes, longer keys, comments, keys with a tab', () => {
    for (const k of ['mot', 'mot0-', 'é', "l'ét", '', '# a header', '#labels', 'mot0\t0', 'é1\t1', 'é1\n', 'suite']) expect(lines.get(k)).toBeUndefined();
    expect(lines.header('#missing')).toBeUndefined();
  });

  it('refuses repeated keys and lines without a tab when built, and an index of another file when read', () => {
    expect(() => buildLineIndex(Buffer.from('a\t1\na\t2\n'))).toThrow(/repeated key "a"/);
    expect(() => buildLineIndex(Buffer.from('a\t1\nb\n'))).toThrow(/without a tab/);
    expect(() => written('a\t1\nb\t2\n', buildLineIndex(Buffer.from('a\t1\n')))).toThrow(/rebuild/);
  });
});
