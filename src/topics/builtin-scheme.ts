import { lexiconPath } from '../core/paths.js';
import { CATEGORY_TERMS_FILE } from './files.js';
import { IndexedLines } from '../core/line-index.js';
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
  /** Parsed once and kept: the same objects on every call (the lexicon bounds them). */
  private readonly parsed = new Map<string, readonly SchemeTerm[]>();
  /** First words of no term, remembered up to a bound. */
  private readonly missing = new Set<string>();

  constructor(private readonly lines: IndexedLines) {}

  get(firstWord: string): readonly SchemeTerm[] | undefined {
    const known = this.parsed.get(firstWord);
    if (known || this.missing.has(firstWord)) return known;
    const line = this.lines.get(firstWord);
    if (line === undefined) {
      if (this.missing.size >= MAX_MISSING) this.missing.clear();
      this.missing.add(firstWord);
      return undefined;
    }
    const terms = line.split('\t').map((entry) => {
      const [label, weight, term, words] = entry.split('|');
      return { label: label!, term: term!, weight: Number(weight), words: words!.split(' ') };
    });
    this.parsed.set(firstWord, terms);
    return terms;
  }
}

const MAX_MISSING = 50_000;
