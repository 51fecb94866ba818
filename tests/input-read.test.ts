import { mkdtempSync, readFileSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { readInputs, type InputItem, type ReadInputsOptions } from '../src/input/index.js';

// fixtures/input: the same French sentence as UTF-8, UTF-8 with BOM, UTF-16 LE/BE with BOM, Windows-1252,
// CRLF and NFD (macOS); a file mixing UTF-8 and Windows-1252 lines; a PNG header named binary.txt (NUL bytes);
// empty and blank files; article pages (article.html, time-only.htm, empty-page.html); article.md with front
// matter; news.jsonl with broken lines; custom-fields.ndjson (CRLF, other field names); nested/ for walks.
const F = 'fixtures/input';
const SAMPLE = 'Le président a déclaré\u00a0: «\u00a0Nous irons jusqu’au bout.\u00a0» L’œuvre coûte 10\u00a0€.\nÇa suffit.\n';
const scratch = mkdtempSync(join(tmpdir(), 'extrait-read-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function read(patterns: string[], options: ReadInputsOptions = {}): Promise<InputItem[]> {
  const out: InputItem[] = [];
  for await (const item of readInputs(patterns, options)) out.push(item);
  return out;
}
const stdin = (...chunks: (string | Buffer)[]) => Readable.from(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c)));
const summary = (items: InputItem[]) => items.map((i) => (i.ok ? `${i.meta.source} ok${i.warnings.map((w) => ` ${w.code}`).join('')}` : `${i.source} ${i.code}`));

describe('readInputs', () => {
  it('reads a folder in sorted order; failed inputs are items naming their source, the others are still read', async () => {
    expect(summary(await read([F, `!${F}/nested`]))).toEqual([
      `${F}/article.html ok`,
      `${F}/article.md ok`,
      `${F}/binary.txt E_INPUT_BINARY`,
      `${F}/blank.txt E_INPUT_EMPTY`,
      `${F}/cp1252.txt ok W_ENCODING`,
      `${F}/crlf.txt ok`,
      `${F}/custom-fields.ndjson:1 E_INPUT_PARSE`,
      `${F}/custom-fields.ndjson:2 E_INPUT_PARSE`,
      `${F}/empty-page.html E_INPUT_EMPTY`,
      `${F}/empty.txt E_INPUT_EMPTY`,
      `${F}/mixed-encoding.txt ok W_ENCODING`,
      `${F}/news.jsonl:1 ok`,
      `${F}/news.jsonl:2 ok`,
      `${F}/news.jsonl:4 E_INPUT_PARSE`,
      `${F}/news.jsonl:5 E_INPUT_PARSE`,
      `${F}/news.jsonl:6 E_INPUT_PARSE`,
      `${F}/news.jsonl:7 E_INPUT_EMPTY`,
      `${F}/news.jsonl:8 E_INPUT_PARSE`,
      `${F}/news.jsonl:9 ok W_INPUT_DATE`,
      `${F}/news.jsonl:11 ok`,
      `${F}/nfd-macos.txt ok`,
      `${F}/time-only.htm ok`,
      `${F}/utf16be-bom.txt ok`,
      `${F}/utf16le-bom.txt ok`,
      `${F}/utf8-bom.txt ok`,
      `${F}/utf8.txt ok`,
    ]);
  });

  it('gives every text decoded and normalised (BOM, UTF-16, CRLF, NFD), the path as id and source', async () => {
    const names = ['utf8.txt', 'utf8-bom.txt', 'utf16le-bom.txt', 'utf16be-bom.txt', 'crlf.txt', 'nfd-macos.txt'];
    const items = await read(names.map((n) => `${F}/${n}`));
    expect(items).toHaveLength(6);
    for (const item of items) {
      expect(item).toEqual({ ok: true, text: SAMPLE, meta: { id: expect.any(String), source: expect.any(String) }, warnings: [] });
      if (item.ok) expect(item.meta.id).toBe(item.meta.source);
    }
  });

  it('gives the exact messages of failed inputs', async () => {
    expect(await read([`${F}/binary.txt`, `${F}/empty.txt`, `${F}/empty-page.html`, 'absent.md'])).toEqual([
      { ok: false, source: 'absent.md', code: 'E_INPUT_NOT_FOUND', message: 'no such file or directory' },
      { ok: false, source: `${F}/binary.txt`, code: 'E_INPUT_BINARY', message: 'binary file (NUL byte at offset 8)' },
      { ok: false, source: `${F}/empty-page.html`, code: 'E_INPUT_EMPTY', message: 'empty document (no visible text)' },
      { ok: false, source: `${F}/empty.txt`, code: 'E_INPUT_EMPTY', message: 'empty document' },
    ]);
  });

  it('reads HTML and Markdown as their visible text, with title and date', async () => {
    const [html, md] = await read([`${F}/article.html`, `${F}/article.md`]);
    expect(html).toMatchObject({ ok: true, meta: { id: `${F}/article.html`, title: 'Sergueï Lavrov reçu à Washington', date: '2024-03-12T08:30:00+01:00' } });
    expect(html!.ok && html!.text.startsWith('Sergueï Lavrov reçu à Washington\n\nPar Marie Dupont')).toBe(true);
    expect(md).toMatchObject({ ok: true, meta: { title: 'Le budget 2024 adopté', date: '2024-03-12' } });
  });

  it('reads every input in a forced format (a .md file as raw text, a .txt file as HTML)', async () => {
    const [md] = await read([`${F}/article.md`], { inputFormat: 'txt' });
    expect(md!.ok && md!.text).toBe(readFileSync(`${F}/article.md`, 'utf8'));
    const page = join(scratch, 'page.txt');
    writeFileSync(page, '<p>Un &eacute;t&eacute;.</p>');
    expect(await read([page], { inputFormat: 'html' })).toEqual([{ ok: true, text: 'Un été.', meta: { id: page, source: page }, warnings: [] }]);
  });

  it('passes the JSONL field names on', async () => {
    const items = await read([`${F}/custom-fields.ndjson`], { textField: 'body', idField: 'uid', dateField: 'published' });
    expect(items.map((i) => i.ok && [i.meta.id, i.meta.date, i.text])).toEqual([
      ['a1', '2023-01-02', 'Premier texte.'],
      ['a2', undefined, 'Deuxième texte.'],
    ]);
  });

  it('guesses the format of a file with another extension: HTML page, JSON lines, else text', async () => {
    writeFileSync(join(scratch, 'page.data'), '\n<!DOCTYPE html><html><body><p>Bonjour.</p></body></html>');
    writeFileSync(join(scratch, 'dump.log'), '{"id": "x", "text": "Ligne."}\n');
    writeFileSync(join(scratch, 'notes'), '<b> n’est pas du HTML ici.');
    const items = await read([join(scratch, 'page.data'), join(scratch, 'dump.log'), join(scratch, 'notes')]);
    expect(items.map((i) => i.ok && [i.meta.id, i.text])).toEqual([
      ['x', 'Ligne.'],
      [join(scratch, 'notes'), '<b> n’est pas du HTML ici.'],
      [join(scratch, 'page.data'), 'Bonjour.'],
    ]);
  });

  it('reads documents one at a time: a file removed after the first document is reported when reached', async () => {
    const dir = mkdtempSync(join(scratch, 'lazy-'));
    for (const name of ['a.txt', 'b.txt', 'c.txt']) writeFileSync(join(dir, name), `Texte ${name}.`);
    const items = readInputs([dir]);
    const first = await items.next();
    expect(first.value).toMatchObject({ ok: true, text: 'Texte a.txt.' });
    unlinkSync(join(dir, 'b.txt'));
    const rest: InputItem[] = [];
    for await (const item of items) rest.push(item);
    expect(rest).toEqual([
      { ok: false, source: join(dir, 'b.txt'), code: 'E_INPUT_NOT_FOUND', message: 'no such file or directory' },
      { ok: true, text: 'Texte c.txt.', meta: { id: join(dir, 'c.txt'), source: join(dir, 'c.txt') }, warnings: [] },
    ]);
    expect(readdirSync(dir)).toEqual(['a.txt', 'c.txt']);
  });
});

describe('readInputs from standard input', () => {
  it('reads standard input when no path is given: id stdin, source -', async () => {
    expect(await read([], { stdin: stdin('Le ministre ', 'est arrivé.\r\n') })).toEqual([
      { ok: true, text: 'Le ministre est arrivé.\n', meta: { id: 'stdin', source: '-' }, warnings: [] },
    ]);
  });

  it('reads standard input for -, before the files', async () => {
    const items = await read([`${F}/utf8.txt`, '-'], { stdin: stdin('Depuis l’entrée standard.') });
    expect(summary(items)).toEqual(['- ok', `${F}/utf8.txt ok`]);
  });

  it('reads standard input as JSONL when its first non-blank character is {', async () => {
    const items = await read([], { stdin: stdin('\n  {"text": "Un."}\n{"id": "b", ', '"text": "Deux."}\n{oops\n') });
    expect(items).toEqual([
      { ok: true, text: 'Un.', meta: { id: 'stdin:2', source: '-:2' }, warnings: [] },
      { ok: true, text: 'Deux.', meta: { id: 'b', source: '-:3' }, warnings: [] },
      { ok: false, source: '-:4', code: 'E_INPUT_PARSE', message: expect.stringMatching(/^invalid JSON: /) },
    ]);
  });

  it('reads standard input as HTML when it starts like a page, or in the forced format', async () => {
    expect(await read([], { stdin: stdin('<!doctype html><title>T</title><p>Corps.</p>') })).toEqual([
      { ok: true, text: 'Corps.', meta: { id: 'stdin', source: '-', title: 'T' }, warnings: [] },
    ]);
    expect(await read([], { stdin: stdin('# Titre\n\n**Gras**'), inputFormat: 'md' })).toEqual([
      { ok: true, text: 'Titre\n\nGras', meta: { id: 'stdin', source: '-', title: 'Titre' }, warnings: [] },
    ]);
    expect(await read([], { stdin: stdin('{"text": "pas du JSONL"}'), inputFormat: 'txt' })).toEqual([
      { ok: true, text: '{"text": "pas du JSONL"}', meta: { id: 'stdin', source: '-' }, warnings: [] },
    ]);
  });

  it('decodes standard input like a file (Windows-1252 with a warning) and reports it empty', async () => {
    expect(await read([], { stdin: stdin(Buffer.from([0x63, 0x61, 0x66, 0xe9])) })).toEqual([
      { ok: true, text: 'café', meta: { id: 'stdin', source: '-' }, warnings: [{ code: 'W_ENCODING', message: 'not valid UTF-8 (first invalid byte at offset 3): read as Windows-1252' }] },
    ]);
    expect(await read([], { stdin: stdin() })).toEqual([{ ok: false, source: '-', code: 'E_INPUT_EMPTY', message: 'empty document' }]);
  });
});

describe('lazy loading', () => {
  it('imports htmlparser2 and picomatch only when needed (no static import in src/input)', () => {
    for (const file of readdirSync('src/input')) {
      const source = readFileSync(`src/input/${file}`, 'utf8');
      expect(source, file).not.toMatch(/^import (?!type\b)[^;]*from '(?:htmlparser2|picomatch)'/m);
    }
  });
});
