/**
 * Which labels a known word may take: the tags the Lefff and the training corpus give it, widened
 * by the regular ways French words change class (a participle used as an adjective, an adjective
 * used as a noun, a capitalised word in a name). Unknown words may take any label.
 */
import { contractionTable } from './contractions.js';
import type { WordInfo } from './features.js';
import { coarseTag, decodeEntries, type WordLexicon } from './lexicon.js';
import type { SortedLines } from './sorted-lines.js';
import { hasLetter } from './text.js';

const WIDENED: Record<string, string[]> = {
  VERB: ['ADJ', 'AUX', 'NOUN'],
  AUX: ['VERB'],
  ADJ: ['NOUN'],
};

const NAME_OR_SIGN = ['PROPN', 'X', 'NUM', 'SYM'];

export function tagDictionary(labels: readonly string[], lexicon: WordLexicon, corpus: SortedLines): (w: WordInfo) => Uint8Array | undefined {
  const contractions = contractionTable();
  return (w) => {
    const tags = new Set(lexicon.entries(w.lower).map((e) => coarseTag(e.tag)));
    for (const form of w.form === w.lower ? [w.form] : [w.form, w.lower]) {
      const seen = corpus.get(form);
      if (seen !== undefined) for (const e of decodeEntries(form, seen)) tags.add(e.tag);
    }
    if (tags.size === 0) return undefined;
    for (const t of [...tags]) for (const wider of WIDENED[t] ?? []) tags.add(wider);
    if (w.form !== w.lower || !hasLetter(w.form)) for (const t of NAME_OR_SIGN) tags.add(t);
    const mask = new Uint8Array(labels.length);
    labels.forEach((label, i) => {
      if (label.includes('+') ? contractions.has(w.lower + '\t' + label) : tags.has(label)) mask[i] = 1;
    });
    return mask;
  };
}
