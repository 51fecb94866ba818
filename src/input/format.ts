import { extname } from 'node:path';
import type { InputFormat } from './types.js';

const BY_EXTENSION: Record<string, InputFormat> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
};

/** The format an extension names, or undefined for other extensions. */
export function formatOfPath(path: string): InputFormat | undefined {
  return BY_EXTENSION[extname(path).toLowerCase()];
}

/** Extensions a directory walk picks up (other files in a directory are not inputs). */
export function hasInputExtension(path: string): boolean {
  return formatOfPath(path) !== undefined;
}

/**
 * The format of text that came without a telling name (stdin, a file with another extension):
 * jsonl when the first non-blank character is `{`, html when it starts like an HTML page, else txt.
 */
export function sniffFormat(head: string): InputFormat {
  const start = head.replace(/^[\ufeff\s]+/, '');
  if (start.startsWith('{')) return 'jsonl';
  if (/^<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])/i.test(start)) return 'html';
  return 'txt';
}
