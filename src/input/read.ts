import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { ExtraitError } from '../core/errors.js';
import type { DocumentMeta, Warning } from '../core/types.js';
import { decodeBytes } from './decode.js';
import { expandInputs, reason } from './expand.js';
import { formatOfPath, sniffFormat } from './format.js';
import { htmlToText } from './html.js';
import { readJsonl, type JsonlFields, type JsonlOrigin } from './jsonl.js';
import { markdownToText } from './markdown.js';
import { isoDate } from './meta-date.js';
import { normalizeText } from './normalize.js';
import type { InputFormat, InputItem, ReadInputsOptions } from './types.js';

/** Standard input as a source: `-` in messages, `stdin` in document ids. */
const STDIN_SOURCE = '-';
const STDIN_ID = 'stdin';
/** How much of a stream without a telling name is read before its format is guessed. */
const SNIFF_BYTES = 64;
const SNIFF_LIMIT = 65536;

/**
 * Reads every input as documents, one at a time: the files, folders and globs of `patterns` (see
 * `expandInputs`), or standard input when there is no pattern or for `-`. Texts come decoded and normalised
 * (`normalizeText`): the offsets of an analysis refer to them. A failed input is an `ok: false` item naming
 * its source; the next inputs are still read. Order: standard input, then the errors of path expansion
 * (missing paths, globs without matches), then the files in sorted order.
 */
export async function* readInputs(patterns: readonly string[], options: ReadInputsOptions = {}): AsyncGenerator<InputItem> {
  const fields: JsonlFields = {
    textField: options.textField ?? 'text',
    idField: options.idField ?? 'id',
    dateField: options.dateField ?? 'date',
  };
  if (patterns.length === 0 || patterns.includes('-')) {
    yield* readStdin(options.stdin ?? process.stdin, options.inputFormat, fields);
  }
  const paths = patterns.filter((p) => p !== '-');
  if (paths.length === 0) return;
  const { files, errors } = await expandInputs(paths);
  for (const error of errors) yield { ok: false, ...error };
  for (const file of files) yield* readPath(file, options.inputFormat, fields);
}

async function* readPath(path: string, forced: InputFormat | undefined, fields: JsonlFields): AsyncGenerator<InputItem> {
  const format = forced ?? formatOfPath(path);
  if (format === 'jsonl') {
    yield* guarded(path, readJsonl(createReadStream(path), { source: path, idPrefix: path }, fields));
    return;
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    yield unreadable(path, error);
    return;
  }
  if (format === undefined) {
    const sniffed = sniffFormat(decodedHead(bytes));
    if (sniffed === 'jsonl') {
      yield* readJsonl([bytes], { source: path, idPrefix: path }, fields);
      return;
    }
    yield await documentItem(bytes, sniffed, { id: path, source: path });
    return;
  }
  yield await documentItem(bytes, format, { id: path, source: path });
}

async function* readStdin(stdin: NodeJS.ReadableStream, forced: InputFormat | undefined, fields: JsonlFields): AsyncGenerator<InputItem> {
  const chunks = byteChunks(stdin);
  const { head, rest } = await peek(chunks);
  const format = forced ?? sniffFormat(decodedHead(head));
  if (format === 'jsonl') {
    yield* guarded(STDIN_SOURCE, readJsonl(rest, { source: STDIN_SOURCE, idPrefix: STDIN_ID }, fields));
    return;
  }
  const parts: Uint8Array[] = [];
  try {
    for await (const chunk of rest) parts.push(chunk);
  } catch (error) {
    yield unreadable(STDIN_SOURCE, error);
    return;
  }
  yield await documentItem(Buffer.concat(parts), format, { id: STDIN_ID, source: STDIN_SOURCE });
}

/** One whole-file document: decoded, converted from its format, normalised, checked for emptiness. */
async function documentItem(bytes: Uint8Array, format: Exclude<InputFormat, 'jsonl'>, meta: DocumentMeta): Promise<InputItem> {
  let text: string;
  let warnings: Warning[];
  try {
    ({ text, warnings } = decodeBytes(bytes));
  } catch (error) {
    if (error instanceof ExtraitError) return { ok: false, source: meta.source, code: error.code, message: error.message };
    throw error;
  }
  text = normalizeText(text);
  const out: DocumentMeta = { ...meta };
  if (format === 'html') {
    const page = await htmlToText(text);
    text = normalizeText(page.text);
    if (page.title !== undefined) out.title = page.title;
    if (page.date !== undefined) out.date = page.date;
  } else if (format === 'md') {
    const md = markdownToText(text);
    text = md.text;
    if (md.title !== undefined) out.title = md.title;
    if (md.date !== undefined) {
      const date = isoDate(md.date);
      if (date) out.date = date;
      else warnings = [...warnings, { code: 'W_INPUT_DATE', message: `front matter date ${JSON.stringify(md.date)} is not an ISO 8601 date: ignored` }];
    }
  }
  if (text.trim() === '') {
    const message = format === 'html' ? 'empty document (no visible text)' : 'empty document';
    return { ok: false, source: meta.source, code: 'E_INPUT_EMPTY', message };
  }
  return { ok: true, text, meta: out, warnings };
}

/** A stream that fails while being read (permissions, I/O: errors with an errno code) ends with one error item. */
async function* guarded(source: string, items: AsyncGenerator<InputItem>): AsyncGenerator<InputItem> {
  try {
    yield* items;
  } catch (error) {
    if (typeof (error as NodeJS.ErrnoException).code !== 'string' || error instanceof ExtraitError) throw error;
    yield unreadable(source, error);
  }
}

function unreadable(source: string, error: unknown): InputItem {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return { ok: false, source, code: 'E_INPUT_NOT_FOUND', message: 'no such file or directory' };
  return { ok: false, source, code: 'E_INPUT_UNREADABLE', message: `cannot read (${reason(error)})` };
}

async function* byteChunks(stream: NodeJS.ReadableStream): AsyncGenerator<Uint8Array> {
  for await (const chunk of stream as AsyncIterable<Uint8Array | string>) {
    yield typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
  }
}

/** Reads the first bytes of a stream (enough to guess its format) and gives the whole stream back. */
async function peek(chunks: AsyncGenerator<Uint8Array>): Promise<{ head: Uint8Array; rest: AsyncIterable<Uint8Array> }> {
  const head: Uint8Array[] = [];
  let length = 0;
  while (length < SNIFF_LIMIT) {
    const next = await chunks.next();
    if (next.done) break;
    head.push(next.value);
    length += next.value.length;
    const text = decodedHead(Buffer.concat(head)).trimStart();
    if (text.length >= SNIFF_BYTES || text.startsWith('{')) break;
  }
  const first = Buffer.concat(head);
  async function* rest(): AsyncGenerator<Uint8Array> {
    if (first.length > 0) yield first;
    yield* chunks;
  }
  return { head: first, rest: rest() };
}

/** The start of a byte buffer as text, good enough to guess a format (not for analysis). */
function decodedHead(bytes: Uint8Array): string {
  const head = bytes.subarray(0, Math.min(bytes.length, SNIFF_LIMIT));
  if (head[0] === 0xff && head[1] === 0xfe) return new TextDecoder('utf-16le').decode(head);
  if (head[0] === 0xfe && head[1] === 0xff) return new TextDecoder('utf-16be').decode(head);
  return new TextDecoder('utf-8').decode(head);
}
