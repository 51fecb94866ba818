import { createReadStream } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsonlRecord, readJsonl, type InputItem } from '../src/input/index.js';

const FIELDS = { textField: 'text', idField: 'id', dateField: 'date' };
const ORIGIN = { source: 'news.jsonl', idPrefix: 'news.jsonl' };

async function collect(items: AsyncIterable<InputItem>): Promise<InputItem[]> {
  const out: InputItem[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe('readJsonl', () => {
  it('reads one document per line, reports each bad line with its number and goes on', async () => {
    const path = 'fixtures/input/news.jsonl';
    const items = await collect(readJsonl(createReadStream(path), { source: path, idPrefix: path }, FIELDS));
    expect(items).toEqual([
      {
        ok: true,
        text: 'Le gouvernement présentera son budget mardi.',
        meta: { id: 'lemonde-001', source: `${path}:1`, date: '2024-03-12', title: 'Budget' },
        warnings: [],
      },
      { ok: true, text: 'Une dépêche sans identifiant.', meta: { id: `${path}:2`, source: `${path}:2`, date: '2024-03-12T08:30' }, warnings: [] },
      { ok: false, source: `${path}:4`, code: 'E_INPUT_PARSE', message: expect.stringMatching(/^invalid JSON: /) },
      { ok: false, source: `${path}:5`, code: 'E_INPUT_PARSE', message: 'no "text" field' },
      { ok: false, source: `${path}:6`, code: 'E_INPUT_PARSE', message: '"text" field is a number, not a string' },
      { ok: false, source: `${path}:7`, code: 'E_INPUT_EMPTY', message: 'empty "text" field' },
      { ok: false, source: `${path}:8`, code: 'E_INPUT_PARSE', message: 'not a JSON object (an array)' },
      {
        ok: true,
        text: 'Une date illisible.',
        meta: { id: '7', source: `${path}:9` },
        warnings: [{ code: 'W_INPUT_DATE', message: '"date" field "12 mars 2024" is not an ISO 8601 date: ignored' }],
      },
      { ok: true, text: 'Ligne Windows.\nDeuxième ligne.', meta: { id: 'crlf', source: `${path}:11` }, warnings: [] },
    ]);
  });

  it('uses the given text, id and date fields; reads CRLF lines and a last line without newline', async () => {
    const path = 'fixtures/input/custom-fields.ndjson';
    const items = await collect(readJsonl(createReadStream(path), { source: path, idPrefix: path }, { textField: 'body', idField: 'uid', dateField: 'published' }));
    expect(items).toEqual([
      { ok: true, text: 'Premier texte.', meta: { id: 'a1', source: `${path}:1`, date: '2023-01-02' }, warnings: [] },
      { ok: true, text: 'Deuxième texte.', meta: { id: 'a2', source: `${path}:2` }, warnings: [] },
    ]);
  });

  it('joins a line split across many chunks, and splits lines sharing a chunk', async () => {
    const bytes = Buffer.from('{"text": "Élysée : le président reçoit."}\n{"text": "Deux."}\n', 'utf8');
    const chunks = Array.from({ length: bytes.length }, (_, i) => bytes.subarray(i, i + 1));
    const items = await collect(readJsonl(chunks, ORIGIN, FIELDS));
    expect(items.map((i) => (i.ok ? i.text : i.message))).toEqual(['Élysée : le président reçoit.', 'Deux.']);
  });

  it('reads UTF-16 JSONL with a byte-order mark and UTF-8 with a BOM', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"text": "Été"}\r\n{"text": "Hiver"}', 'utf16le')]);
    expect((await collect(readJsonl([utf16], ORIGIN, FIELDS))).map((i) => i.ok && i.text)).toEqual(['Été', 'Hiver']);
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"text": "Printemps"}')]);
    expect((await collect(readJsonl([bom], ORIGIN, FIELDS))).map((i) => i.ok && i.text)).toEqual(['Printemps']);
  });

  it('reads a Windows-1252 line with a warning, and reports a binary file once', async () => {
    const cp1252 = Buffer.from([...Buffer.from('{"text": "caf'), 0xe9, ...Buffer.from('"}\n')]);
    expect(await collect(readJsonl([cp1252], ORIGIN, FIELDS))).toEqual([
      {
        ok: true,
        text: 'café',
        meta: { id: 'news.jsonl:1', source: 'news.jsonl:1' },
        warnings: [{ code: 'W_ENCODING', message: 'not valid UTF-8 (first invalid byte at offset 13): read as Windows-1252' }],
      },
    ]);
    const binary = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x0a, 0x41]);
    expect(await collect(readJsonl([binary], ORIGIN, FIELDS))).toEqual([
      { ok: false, source: 'news.jsonl', code: 'E_INPUT_BINARY', message: 'binary file (NUL byte at offset 3)' },
    ]);
  });

  it('streams: the first documents come out before the rest of a big input is read', async () => {
    let produced = 0;
    async function* endless(): AsyncGenerator<Uint8Array> {
      for (;;) {
        produced++;
        yield Buffer.from(`{"text": "Dépêche numéro ${produced}."}\n`.repeat(100));
      }
    }
    const items = readJsonl(endless(), ORIGIN, FIELDS);
    const first = await items.next();
    for (let i = 0; i < 150; i++) await items.next();
    await items.return(undefined);
    expect(first.value).toMatchObject({ ok: true, text: 'Dépêche numéro 1.' });
    expect(produced).toBeLessThanOrEqual(3);
  });
});

describe('jsonlRecord', () => {
  const record = (line: string) => jsonlRecord(line, 3, ORIGIN, FIELDS, []);
  it('skips blank lines', () => {
    expect(record('   \t')).toBeUndefined();
  });
  it('takes string or numeric ids, else path:line', () => {
    expect(record('{"id": "a", "text": "x"}')).toMatchObject({ meta: { id: 'a' } });
    expect(record('{"id": 12, "text": "x"}')).toMatchObject({ meta: { id: '12' } });
    expect(record('{"id": null, "text": "x"}')).toMatchObject({ meta: { id: 'news.jsonl:3', source: 'news.jsonl:3' } });
  });
  it('normalises the text (CRLF, NFC) and keeps a title', () => {
    expect(record('{"text": "e\\u0301te\\u0301\\r\\nfin", "title": " Été "}')).toEqual({
      ok: true,
      text: 'été\nfin',
      meta: { id: 'news.jsonl:3', source: 'news.jsonl:3', title: 'Été' },
      warnings: [],
    });
  });
  it('describes what the text field holds when it is not a string', () => {
    expect(record('{"text": null}')).toMatchObject({ code: 'E_INPUT_PARSE', message: '"text" field is null, not a string' });
    expect(record('{"text": ["a"]}')).toMatchObject({ message: '"text" field is an array, not a string' });
    expect(record('"texte"')).toMatchObject({ message: 'not a JSON object (a string)' });
  });
});
