import type { ErrorCode } from '../core/errors.js';
import type { DocumentMeta, Warning } from '../core/types.js';

/** How an input's bytes are turned into text: by extension, or forced with `inputFormat`. */
export type InputFormat = 'txt' | 'md' | 'html' | 'jsonl';

export const INPUT_FORMATS: readonly InputFormat[] = ['txt', 'md', 'html', 'jsonl'];

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  /** The decoded text, byte-order mark removed (not yet normalised: see `normalizeText`). */
  text: string;
  encoding: TextEncoding;
  warnings: Warning[];
}

/** An input that could not be read (or a JSONL line that could not be used). */
export interface InputError {
  /** The path, pattern, `path:line` of a JSONL line, or `-` for standard input. */
  source: string;
  code: ErrorCode;
  /** What went wrong, without the source (callers print `source: message`). */
  message: string;
}

/** One document read from the inputs, or one input that failed; the library never prints. */
export type InputItem =
  | { ok: true; text: string; meta: DocumentMeta; warnings: Warning[] }
  | ({ ok: false } & InputError);

export interface ReadInputsOptions {
  /** Read every input as this format instead of guessing from the extension. */
  inputFormat?: InputFormat;
  /** JSONL field holding the text (default `text`). */
  textField?: string;
  /** JSONL field holding the document id (default `id`). */
  idField?: string;
  /** JSONL field holding the publication date (default `date`). */
  dateField?: string;
  /** Read when no pattern is given or for `-` (default: process.stdin). */
  stdin?: NodeJS.ReadableStream;
}
