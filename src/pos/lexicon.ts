/**
 * The word lexicon (lexicons/pos/lexicon.tsv, built from the Lefff by `npm run train:pos`):
 * one line per lower-cased form, `form<TAB>entry entry…`, an entry being a tag, or a tag, '>'
 * and the lemma written as an edit of the form: the number of characters to drop from its end,
 * then the characters to add (mangerais → VERB>3, viendrait → VERB>8enir), or '=' and the
 * whole lemma. No edit: the lemma is the form. Tags are UPOS, with the verb forms told apart:
 * VERB (finite), VERBinf, VERBpp (past participle), VERBppr (present participle), same for AUX.
 */
import { readFileSync, statSync } from 'node:fs';
import { lexiconPath } from '../core/paths.js';
import { ExtraitError } from '../core/errors.js';
import { BlockLines } from './block-lines.js';
import { SortedLines } from './sorted-lines.js';

/** A sorted TSV searched by its first column. */
export interface LineLookup {
  /** The rest of the line (after the first tab) whose first column is `key`, or undefined. */
  get(key: string): string | undefined;
}

export interface LexiconEntry {
  /** Fine tag: UPOS, or VERB/AUX with inf, pp or ppr. */
  tag: string;
  lemma: string;
}

export function encodeLemma(form: string, lemma: string): string {
  if (lemma === form) return '';
  let p = 0;
  while (p < form.length && p < lemma.length && form[p] === lemma[p]) p++;
  const add = lemma.slice(p);
  if (/^[0-9=]/.test(add)) return '>=' + lemma;
  return '>' + (form.length - p) + add;
}

export function decodeEntries(form: string, rest: string): LexiconEntry[] {
  const out: LexiconEntry[] = [];
  for (const item of rest.split(' ')) {
    if (!item) continue;
    const gt = item.indexOf('>');
    if (gt < 0) {
      out.push({ tag: item, lemma: form });
      continue;
    }
    const tag = item.slice(0, gt);
    const edit = item.slice(gt + 1);
    if (edit.startsWith('=')) {
      out.push({ tag, lemma: edit.slice(1) });
      continue;
    }
    let d = 0;
    while (d < edit.length && edit.charCodeAt(d) >= 48 && edit.charCodeAt(d) <= 57) d++;
    const strip = Number(edit.slice(0, d));
    out.push({ tag, lemma: form.slice(0, form.length - strip) + edit.slice(d) });
  }
  return out;
}

/** The coarse UPOS of a fine lexicon tag (VERBpp → VERB). */
export function coarseTag(tag: string): string {
  if (tag.startsWith('VERB')) return 'VERB';
  if (tag.startsWith('AUX')) return 'AUX';
  return tag;
}

export class WordLexicon {
  private readonly cache = new Map<string, LexiconEntry[] | null>();

  constructor(private readonly lines: LineLookup) {}

  /** Entries of a lower-cased, apostrophe-normalised form; empty when the form is unknown. */
  entries(lower: string): readonly LexiconEntry[] {
    let hit = this.cache.get(lower);
    if (hit === undefined) {
      const rest = this.lines.get(lower);
      hit = rest === undefined ? null : decodeEntries(lower, rest);
      if (this.cache.size > 100_000) this.cache.clear();
      this.cache.set(lower, hit);
    }
    return hit ?? [];
  }

  /** The fine tags of a form, sorted and joined with '|' ('' when unknown). */
  tagClass(lower: string): string {
    const tags = [...new Set(this.entries(lower).map((e) => e.tag))].sort();
    return tags.join('|');
  }
}

let loaded: WordLexicon | undefined;

export const LEXICON_FILE = 'lexicon.tsv';

export const LEXICON_INDEX_FILE = 'lexicon.index.tsv';

export function wordLexicon(): WordLexicon {
  if (!loaded) {
    const path = lexiconPath('pos', LEXICON_FILE);
    try {
      loaded = new WordLexicon(indexedLexicon(path) ?? new SortedLines(readFileSync(path)));
    } catch (cause) {
      throw new ExtraitError('E_MODEL', `lexicons/pos/${LEXICON_FILE} is missing: run npm run train:pos`, { cause });
    }
  }
  return loaded;
}

/** The lexicon read a block at a time through its index; undefined when the index is missing or stale (then it is read whole). */
function indexedLexicon(path: string): BlockLines | undefined {
  let index: Buffer;
  try {
    index = readFileSync(lexiconPath('pos', LEXICON_INDEX_FILE));
  } catch {
    return undefined;
  }
  return BlockLines.open(path, LEXICON_FILE, statSync(path).size, index);
}
