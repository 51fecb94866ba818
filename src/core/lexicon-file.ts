import { readFileSync } from 'node:fs';
import { lexiconPath } from './paths.js';

/**
 * Reads a readable word list from lexicons/: one entry per line, `#` starts a comment,
 * blank lines ignored, columns separated by tabs.
 */
export function readListRows(...parts: string[]): string[][] {
  const rows: string[][] = [];
  for (const raw of readFileSync(lexiconPath(...parts), 'utf8').split('\n')) {
    // most lines hold no '#': skip the comment regexes for them (big gazetteers load faster)
    const line = raw.includes('#') ? raw.replace(/\s+#.*$/, '').replace(/^#.*$/, '') : raw;
    if (line.trim()) rows.push(line.split('\t').map((cell) => cell.trim()));
  }
  return rows;
}

export function readList(...parts: string[]): string[] {
  return readListRows(...parts).map((row) => row[0]!);
}
