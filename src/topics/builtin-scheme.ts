import { readFileSync } from 'node:fs';
import { lexiconPath } from '../core/paths.js';
import { SortedLines } from '../pos/sorted-lines.js';
import { CATEGORY_TERMS_FILE } from './compile.js';
import type { CategoryScheme, SchemeTerm, TermIndex } from './scheme.js';

/**
 * The built-in category scheme, read from its compiled file (src/topics/compile.ts): nothing is
 * parsed at load; the terms of a first word are parsed when a document uses that word.
 */
export function builtinScheme(): CategoryScheme {
  const data = readFileSync(lexiconPath(...CATEGORY_TERMS_FILE));
  const at = data.indexOf('#labels\t');
  if (at < 0) throw new Error(`${CATEGORY_TERMS_FILE.join('/')} has no labels line`);
  const labels = data.toString('utf8', at, data.indexOf(10, at)).split('\t').slice(1);
  return { source: 'built-in', labels, byFirstWord: new CompiledTerms(new SortedLines(data)) };
}

class CompiledTerms implements TermIndex {
  private readonly parsed = new Map<string, readonly SchemeTerm[] | undefined>();

  constructor(private readonly lines: SortedLines) {}

  get(firstWord: string): readonly SchemeTerm[] | undefined {
    if (this.parsed.has(firstWord)) return this.parsed.get(firstWord);
    const line = this.lines.get(firstWord);
    const terms = line?.split('\t').map((entry) => {
      const [label, weight, term, words] = entry.split('|');
      return { label: label!, term: term!, weight: Number(weight), words: words!.split(' ') };
    });
    this.parsed.set(firstWord, terms);
    return terms;
  }
}
