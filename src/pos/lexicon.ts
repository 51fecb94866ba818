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
import { commonFirst, commonWords } from './common-words.js';
import { Core } from './core.js';
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

/** The lemma an edit of encodeLemma makes of the form. */
export function applyLemmaEdit(form: string, edit: string): string {
  if (edit === '') return form;
  if (edit.charCodeAt(1) === 61 /* = */) return edit.slice(2);
  let d = 1;
  let strip = 0;
  for (let c = edit.charCodeAt(d); d < edit.length && c >= 48 && c <= 57; c = edit.charCodeAt(++d)) strip = strip * 10 + (c - 48);
  return form.slice(0, form.length - strip) + edit.slice(d);
}

export function decodeEntries(form: string, rest: string): LexiconEntry[] {
  const out: LexiconEntry[] = [];
  // entries are separated by spaces (empty ones skipped): tag, or tag>edit
  for (let start = 0; start <= rest.length; ) {
    let end = rest.indexOf(' ', start);
    if (end < 0) end = rest.length;
    if (end > start) {
      const gt = rest.indexOf('>', start);
      if (gt < 0 || gt >= end) out.push({ tag: rest.slice(start, end), lemma: form });
      else if (gt + 1 < end && rest.charCodeAt(gt + 1) === 61 /* = */) out.push({ tag: rest.slice(start, gt), lemma: rest.slice(gt + 2, end) });
      else {
        let d = gt + 1;
        let strip = 0;
        for (let c = rest.charCodeAt(d); d < end && c >= 48 && c <= 57; c = rest.charCodeAt(++d)) strip = strip * 10 + (c - 48);
        out.push({ tag: rest.slice(start, gt), lemma: form.slice(0, form.length - strip) + rest.slice(d, end) });
      }
    }
    start = end + 1;
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

  /** Entries of a form (lower-cased and apostrophe-normalised for the Lefff); empty when the form is unknown. */
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
    const entries = this.entries(lower);
    if (entries.length === 1) return entries[0]!.tag;
    const tags: string[] = [];
    for (const { tag } of entries) {
      if (tags.includes(tag)) continue;
      let at = tags.length;
      while (at > 0 && tags[at - 1]! > tag) at--;
      tags.splice(at, 0, tag);
    }
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
      const common = commonWords();
      const file = () => indexedLexicon(common?.core ?? new Core(), path) ?? new SortedLines(readFileSync(path));
      loaded = new WordLexicon(common ? commonFirst(common, 'lexicon', false, file) : file());
    } catch (cause) {
      throw new ExtraitError('E_MODEL', `lexicons/pos/${LEXICON_FILE} is missing: run npm run train:pos`, { cause });
    }
  }
  return loaded;
}

/** The lexicon read a block at a time through its index; undefined when the index is missing or stale (then it is read whole). */
function indexedLexicon(core: Core, path: string): BlockLines | undefined {
  let index: { at: number; length: number };
  try {
    index = core.readFile(lexiconPath('pos', LEXICON_INDEX_FILE));
  } catch {
    return undefined;
  }
  return BlockLines.open(core, path, LEXICON_FILE, statSync(path).size, index);
}
