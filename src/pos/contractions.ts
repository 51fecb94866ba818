/** Multiword tokens (du = de + le): their syntactic words, from lexicons/pos/contractions.tsv. */
import type { SyntacticWord } from '../core/types.js';
import { readListRows } from '../core/lexicon-file.js';

export interface Contraction {
  tag: string;
  words: { form: string; lemma: string; pos: string }[];
}

let table: Map<string, Contraction> | undefined;

export function contractionTable(): Map<string, Contraction> {
  if (!table) {
    table = new Map();
    for (const [surface, tag, words] of readListRows('pos', 'contractions.tsv')) {
      table.set(surface! + '\t' + tag!, {
        tag: tag!,
        words: words!.split(' ').map((w) => {
          const [form, lemma, pos] = w.split('/') as [string, string, string];
          return { form, lemma, pos };
        }),
      });
    }
  }
  return table;
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
