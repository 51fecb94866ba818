import { describe, expect, it } from 'vitest';
import { cli } from './cli-helpers.js';

const ids = (stdout: string) => [...new Set(stdout.trim().split('\n').map((l) => JSON.parse(l).document as string))];

describe('extrait: inputs of every kind', () => {
  it('reads JSONL documents, reports each bad line with its number, and exits 1', async () => {
    const r = await cli(['sentences', 'fixtures/input/news.jsonl', '-f', 'jsonl', '-q']);
    expect(r.code).toBe(1);
    expect(ids(r.stdout)).toEqual(['lemonde-001', 'fixtures/input/news.jsonl:2', '7', 'crlf']);
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([
      'extrait: error: fixtures/input/news.jsonl:4: invalid JSON: Unterminated string in JSON at position 43',
      'extrait: error: fixtures/input/news.jsonl:5: no "text" field',
      'extrait: error: fixtures/input/news.jsonl:6: "text" field is a number, not a string',
      'extrait: error: fixtures/input/news.jsonl:7: empty "text" field',
      'extrait: error: fixtures/input/news.jsonl:8: not a JSON object (an array)',
    ]);
  });

  it('takes the text from another JSONL field', async () => {
    const r = await cli(['sentences', 'fixtures/input/news.jsonl', '--text-field', 'body', '-f', 'jsonl', '-q']);
    expect(ids(r.stdout)).toEqual(['sans-texte']);
  });

  it('reads the visible text of an HTML article with its title and date', async () => {
    const r = await cli(['sentences', 'fixtures/input/article.html', '-f', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout).documents[0];
    expect(doc.date).toMatch(/^2024-03-12/);
    expect(doc.sentences[0].text).toBe('Sergueï Lavrov reçu à Washington');
    expect(r.stdout).not.toContain('<script');
  });

  it('decodes Windows-1252 with a warning and UTF-16 with a byte-order mark', async () => {
    const r = await cli(['sentences', 'fixtures/input/cp1252.txt', 'fixtures/input/utf16le-bom.txt', '-f', 'json', '--include-text']);
    expect(r.code).toBe(0);
    const [cp1252, utf16] = JSON.parse(r.stdout).documents;
    expect(cp1252.text).toMatch(/[éèàç]/);
    expect(utf16.text).toMatch(/[éèàç]/);
    expect(r.stderr).toMatch(/^extrait: warning: fixtures\/input\/cp1252\.txt: .*Windows-1252/m);
  });

  it('composes macOS decomposed accents (NFC) so offsets count letters', async () => {
    const r = await cli(['sentences', 'fixtures/input/nfd-macos.txt', '-f', 'json', '--include-text']);
    const doc = JSON.parse(r.stdout).documents[0];
    expect(doc.text).toBe(doc.text.normalize('NFC'));
    expect(doc.text).not.toMatch(/\u0301/);
  });

  it('names a binary file and an empty file on stderr and goes on with the others', async () => {
    const r = await cli(['sentences', 'fixtures/input/binary.txt', 'fixtures/input/empty.txt', 'fixtures/cli/greve.txt', '-f', 'jsonl']);
    expect(r.code).toBe(1);
    expect(ids(r.stdout)).toEqual(['fixtures/cli/greve.txt']);
    expect(r.stderr).toMatch(/^extrait: error: fixtures\/input\/binary\.txt: .*binary/m);
    expect(r.stderr).toMatch(/fixtures\/input\/empty\.txt: .*empty/m);
  });

  it('walks directories in sorted order, skipping node_modules and unknown extensions', async () => {
    const r = await cli(['sentences', 'fixtures/input/nested', '-f', 'jsonl', '-q']);
    expect(ids(r.stdout)).toEqual(['fixtures/input/nested/a.txt', 'fixtures/input/nested/deeper/b.md', 'fixtures/input/nested/deeper/c.html', 'd1']);
  });

  it('honours globs with ! negation and reads a file named twice once', async () => {
    const r = await cli(['sentences', 'fixtures/input/nested/**/*.txt', '!**/b*', 'fixtures/input/nested', '-f', 'jsonl', '-q']);
    expect(ids(r.stdout)).toEqual(['fixtures/input/nested/a.txt', 'fixtures/input/nested/deeper/c.html', 'd1']);
  });
});
