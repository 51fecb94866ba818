import { ExtraitError } from '../core/errors.js';
import type { DocumentMeta, Warning } from '../core/types.js';
import { decodeBytes } from './decode.js';
import { byteLines, textLines } from './lines.js';
import { isoDate } from './meta-date.js';
import { normalizeText } from './normalize.js';
import type { InputItem } from './types.js';

export interface JsonlFields {
  textField: string;
  idField: string;
  dateField: string;
}

/** Where lines come from: `source` names them in messages (`path:line`), `idPrefix` in default ids. */
export interface JsonlOrigin {
  source: string;
  idPrefix: string;
}

/**
 * One document per line, read line by line. A bad line (invalid JSON, not an object, no string text)
 * becomes an error item with its line number and the next lines are still read; blank lines are skipped.
 */
export async function* readJsonl(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, origin: JsonlOrigin, fields: JsonlFields): AsyncGenerator<InputItem> {
  const { first, rest } = await firstChunk(chunks);
  if (!first) return;
  const utf16 = first[0] === 0xff && first[1] === 0xfe ? 'utf-16le' : first[0] === 0xfe && first[1] === 0xff ? 'utf-16be' : undefined;
  if (utf16) {
    let n = 0;
    for await (const line of textLines(decodeStream(rest, utf16))) {
      const item = jsonlRecord(line, ++n, origin, fields, []);
      if (item) yield item;
    }
    return;
  }
  const nul = first.indexOf(0);
  if (nul !== -1) {
    yield { ok: false, source: origin.source, code: 'E_INPUT_BINARY', message: `binary file (NUL byte at offset ${nul})` };
    return;
  }
  let n = 0;
  for await (const bytes of byteLines(rest)) {
    n++;
    let line: string;
    let warnings: Warning[];
    try {
      ({ text: line, warnings } = decodeBytes(bytes));
    } catch (error) {
      if (!(error instanceof ExtraitError)) throw error;
      const message = error.code === 'E_INPUT_BINARY' ? 'NUL byte in the line' : error.message;
      yield { ok: false, source: `${origin.source}:${n}`, code: error.code, message };
      continue;
    }
    const item = jsonlRecord(line, n, origin, fields, warnings);
    if (item) yield item;
  }
}

/** The document of one JSONL line, an error item, or undefined for a blank line. */
export function jsonlRecord(line: string, n: number, origin: JsonlOrigin, fields: JsonlFields, warnings: Warning[]): InputItem | undefined {
  if (line.trim() === '') return undefined;
  const source = `${origin.source}:${n}`;
  const fail = (code: 'E_INPUT_PARSE' | 'E_INPUT_EMPTY', message: string): InputItem => ({ ok: false, source, code, message });
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch (error) {
    return fail('E_INPUT_PARSE', `invalid JSON: ${(error as Error).message}`);
  }
  if (record === null || typeof record !== 'object' || Array.isArray(record)) {
    return fail('E_INPUT_PARSE', `not a JSON object (${describe(record)})`);
  }
  const fieldsOf = record as Record<string, unknown>;
  const raw = fieldsOf[fields.textField];
  if (raw === undefined) return fail('E_INPUT_PARSE', `no "${fields.textField}" field`);
  if (typeof raw !== 'string') return fail('E_INPUT_PARSE', `"${fields.textField}" field is ${describe(raw)}, not a string`);
  const text = normalizeText(raw);
  if (text.trim() === '') return fail('E_INPUT_EMPTY', `empty "${fields.textField}" field`);

  const rawId = fieldsOf[fields.idField];
  const id = typeof rawId === 'string' && rawId !== '' ? rawId : typeof rawId === 'number' && Number.isFinite(rawId) ? String(rawId) : `${origin.idPrefix}:${n}`;
  const meta: DocumentMeta = { id, source };
  const out = [...warnings];
  const rawDate = fieldsOf[fields.dateField];
  if (rawDate !== undefined && rawDate !== null && rawDate !== '') {
    const date = isoDate(rawDate);
    if (date) meta.date = date;
    else out.push({ code: 'W_INPUT_DATE', message: `"${fields.dateField}" field ${JSON.stringify(rawDate).slice(0, 60)} is not an ISO 8601 date: ignored` });
  }
  const title = fieldsOf.title;
  if (typeof title === 'string' && title.trim() !== '') meta.title = title.trim();
  return { ok: true, text, meta, warnings: out };
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

/** The first bytes (at least 4, to see a byte-order mark), and the whole stream again, those bytes included. */
async function firstChunk(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): Promise<{ first: Uint8Array | undefined; rest: AsyncIterable<Uint8Array> }> {
  const iterator = Symbol.asyncIterator in chunks ? chunks[Symbol.asyncIterator]() : chunks[Symbol.iterator]();
  const head: Uint8Array[] = [];
  let length = 0;
  while (length < 4) {
    const next = await iterator.next();
    if (next.done) break;
    const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    head.push(chunk);
    length += chunk.length;
  }
  const first = length === 0 ? undefined : head.length === 1 ? head[0]! : Buffer.concat(head);
  async function* rest(): AsyncGenerator<Uint8Array> {
    if (first) yield first;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      yield typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    }
  }
  return { first, rest: rest() };
}

async function* decodeStream(chunks: AsyncIterable<Uint8Array>, encoding: 'utf-16le' | 'utf-16be'): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding);
  for await (const chunk of chunks) yield decoder.decode(chunk, { stream: true });
  yield decoder.decode();
}
