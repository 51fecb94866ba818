/** Multiword tokens (du = de + le): their syntactic words, from lexicons/pos/contractions.tsv. */
import type { SyntacticWord } from '../core/types.js';
import { readListRows } from '../core/lexicon-file.js';

export interface Contraction {
  tag: string;
  words: { form: string; lemma: string; pos: string }[];
}

export const CONTRACTIONS_FILE = 'contractions.tsv';

let table: Map<string, Contraction> | undefined;

/** The contractions by surface form and label (`du\tADP+DET`). */
export function contractionTable(): Map<string, Contraction> {
  table ??= contractionsFrom(readListRows('pos', CONTRACTIONS_FILE));
  return table;
}

/** The table of the rows of contractions.tsv. */
export function contractionsFrom(rows: readonly string[][]): Map<string, Contraction> {
  const out = new Map<string, Contraction>();
  for (const [surface, tag, words] of rows) {
    out.set(surface! + '\t' + tag!, {
      tag: tag!,
      words: words!.split(' ').map((w) => {
        const [form, lemma, pos] = w.split('/') as [string, string, string];
        return { form, lemma, pos };
      }),
    });
  }
  return out;
}

/** The syntactic words of `surface` read as `tag` (ADP+DET…), or undefined when it is no such contraction. */
export function contractionParts(surface: string, tag: string): SyntacticWord[] | undefined {
  const lower = surface.toLowerCase();
  const entry = contractionTable().get(lower + '\t' + tag);
  if (!entry) return undefined;
  const upper = surface.length > 1 && surface === surface.toUpperCase();
  const capital = !upper && surface !== lower;
  return entry.words.map((w, i) => ({
    form: upper ? w.form.toUpperCase() : capital && i === 0 ? w.form.charAt(0).toUpperCase() + w.form.slice(1) : w.form,
    lemma: w.lemma,
    pos: w.pos,
  }));
}
