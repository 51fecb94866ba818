import { readFileSync } from 'node:fs';
import { ExtraitError } from '../core/errors.js';
import { tokenize } from '../tokenize/index.js';
import { fold } from './words.js';

export interface SchemeRow {
  label: string;
  term: string;
  weight: number;
}

export interface SchemeTerm extends SchemeRow {
  /** Folded words of the term, articles left out. */
  words: string[];
}

/** The terms of a scheme by their first folded word, longest first (the same objects on every call). */
export interface TermIndex {
  get(firstWord: string): readonly SchemeTerm[] | undefined;
}

/** A category scheme: labels and the terms that are cues for them, indexed by their first word. */
export interface CategoryScheme {
  source: string;
  labels: readonly string[];
  byFirstWord: TermIndex;
}

const ARTICLES = new Set(['le', 'la', 'les', "l'"]);

/** Folded words of a term as the tokenizer splits them ("Côte d'Ivoire" → côte, d', ivoire), articles out. */
export function termWords(term: string): string[] {
  return tokenize(term.normalize('NFC'))
    .filter((t) => t.kind !== 'punct' || t.text === '.')
    .map((t) => fold(t.text))
    .filter((w) => w && !ARTICLES.has(w));
}

export function buildScheme(rows: readonly SchemeRow[], source: string): CategoryScheme & { byFirstWord: ReadonlyMap<string, readonly SchemeTerm[]> } {
  const labels: string[] = [];
  const byFirstWord = new Map<string, SchemeTerm[]>();
  for (const row of rows) {
    if (!row.label.trim() || !Number.isFinite(row.weight)) {
      throw new ExtraitError('E_LEXICON', `${source}: bad category row ${JSON.stringify(row)}`);
    }
    const label = row.label.trim();
    if (!labels.includes(label)) labels.push(label);
    const words = termWords(row.term);
    if (words.length === 0) continue;
    const list = byFirstWord.get(words[0]!) ?? [];
    list.push({ ...row, label, words });
    byFirstWord.set(words[0]!, list);
  }
  for (const list of byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);
  return { source, labels, byFirstWord };
}

/**
 * A user scheme (`--categories FILE`): JSON `{"label": ["term", …]}` or `{"label": {"term": weight}}`,
 * or lines `label<TAB>term[<TAB>weight]` (`#` comments). Throws ExtraitError E_LEXICON when unusable.
 */
export function parseScheme(text: string, source: string): CategoryScheme {
  const rows: SchemeRow[] = [];
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed.startsWith('{')) {
    let json: unknown;
    try {
      json = JSON.parse(trimmed);
    } catch (error) {
      throw new ExtraitError('E_LEXICON', `${source}: invalid JSON (${(error as Error).message})`, { cause: error });
    }
    for (const [label, terms] of Object.entries(json as Record<string, unknown>)) {
      if (Array.isArray(terms)) {
        for (const term of terms) {
          if (typeof term !== 'string') throw new ExtraitError('E_LEXICON', `${source}: terms of "${label}" must be strings`);
          rows.push({ label, term, weight: 1 });
        }
      } else if (terms && typeof terms === 'object') {
        for (const [term, weight] of Object.entries(terms)) rows.push({ label, term, weight: Number(weight) });
      } else throw new ExtraitError('E_LEXICON', `${source}: "${label}" must be a list of terms or an object of term weights`);
    }
  } else {
    trimmed.split('\n').forEach((raw, i) => {
      const line = raw.replace(/(^|\s)#.*$/, '').trim();
      if (!line) return;
      const cells = line.split('\t').map((c) => c.trim());
      if (cells.length < 2 || !cells[1]) throw new ExtraitError('E_LEXICON', `${source}:${i + 1}: expected label<TAB>term[<TAB>weight]`);
      const weight = cells[2] === undefined || cells[2] === '' ? 1 : Number(cells[2]);
      if (!Number.isFinite(weight)) throw new ExtraitError('E_LEXICON', `${source}:${i + 1}: weight "${cells[2]}" is not a number`);
      rows.push({ label: cells[0]!, term: cells[1]!, weight });
    });
  }
  if (rows.length === 0) throw new ExtraitError('E_LEXICON', `${source}: no category terms`);
  return buildScheme(rows, source);
}

/** Reads a user scheme file (for `--categories FILE`). */
export function readSchemeFile(path: string): CategoryScheme {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ExtraitError('E_INPUT_NOT_FOUND', `categories file not readable: ${path}`, { cause: error });
  }
  return parseScheme(text, path);
}

export function isScheme(value: unknown): value is CategoryScheme {
  return !!value && typeof value === 'object' && 'byFirstWord' in value && 'labels' in value;
}
