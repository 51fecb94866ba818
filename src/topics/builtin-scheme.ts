import { lexiconPath } from '../core/paths.js';
import { CATEGORY_TERMS_FILE } from './compile.js';
import { IndexedLines } from './line-index.js';
import type { CategoryScheme, SchemeTerm, TermIndex } from './scheme.js';

/**
 * The built-in category scheme, read from its compiled file (src/topics/compile.ts): nothing is
 * parsed at load; the terms of a first word are parsed when a document uses that word.
 */
export function builtinScheme(): CategoryScheme {
  const lines = IndexedLines.read(lexiconPath(...CATEGORY_TERMS_FILE));
  const labels = lines.header('#labels')?.split('\t');
  if (!labels) throw new Error(`${CATEGORY_TERMS_FILE.join('/')} has no labels line`);
  return { source: 'built-in', labels, byFirstWord: new CompiledTerms(lines) };
}

class CompiledTerms implements TermIndex {
  private readonly parsed = new Map<string, readonly SchemeTerm[] | undefined>();

  constructor(private readonly lines: IndexedLines) {}

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
