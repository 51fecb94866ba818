/**
 * Which labels a known word may take: the tags the Lefff and the training corpus give it, widened
 * by the regular ways French words change class (a participle used as an adjective, an adjective
 * used as a noun, a capitalised word in a name). Unknown words may take any label.
 */
import { ExtraitError } from '../core/errors.js';
import { MISSING } from './common-words.js';
import { contractionTable } from './contractions.js';
import type { WordInfo } from './features.js';
import { coarseTag, type LexiconEntry, type WordLexicon } from './lexicon.js';
import { hasLetter } from './text.js';

const WIDENED: Record<string, string[]> = {
  VERB: ['ADJ', 'AUX', 'NOUN'],
  AUX: ['VERB'],
  ADJ: ['NOUN'],
};

const NAME_OR_SIGN = ['PROPN', 'X', 'NUM', 'SYM'];

/**
 * The labels a word may take, as bits (label i: bit i), or undefined when the lexicons do not
 * know it. `corpus`: the training corpus's lemma lines, read as a lexicon of forms as written.
 */
export function tagDictionary(
  labels: readonly string[],
  lexicon: WordLexicon,
  corpus: WordLexicon,
  contractions: ReadonlyMap<string, unknown> = contractionTable(),
  /** The labels compiled for common words (common-words.ts), asked first. */
  compiled?: (form: string) => number | undefined | typeof MISSING,
): (w: Pick<WordInfo, 'form' | 'lower'>) => number | undefined {
  if (labels.length > 31) throw new ExtraitError('E_MODEL', `tagger model: ${labels.length} labels, the tag dictionary handles at most 31`);
  // a contraction label (ADP+DET) is allowed by the contraction table alone, the others by the tags
  const bit = new Map<string, number>();
  const contractionLabels: number[] = [];
  labels.forEach((label, i) => (label.includes('+') ? contractionLabels.push(i) : bit.set(label, 1 << i)));
  const bits = (tags: readonly string[]) => tags.reduce((b, t) => b | (bit.get(t) ?? 0), 0);
  const widened = Object.entries(WIDENED).map(([tag, wider]) => [tag, bits(wider)] as const);
  const nameOrSign = bits(NAME_OR_SIGN);
  const seen: string[] = [];
  const add = (entries: readonly LexiconEntry[], coarse: boolean) => {
    for (let i = 0; i < entries.length; i++) seen.push(coarse ? coarseTag(entries[i]!.tag) : entries[i]!.tag);
  };
  return (w) => {
    if (compiled) {
      const known = compiled(w.form);
      if (known !== MISSING) return known;
    }
    // the tags of the word: the lexicon's (coarse) and the corpus's, for the form and its lower case
    seen.length = 0;
    add(lexicon.entries(w.lower), true);
    add(corpus.entries(w.form), false);
    if (w.form !== w.lower) add(corpus.entries(w.lower), false);
    if (seen.length === 0) return undefined;
    let allowed = 0;
    for (let i = 0; i < seen.length; i++) allowed |= bit.get(seen[i]!) ?? 0;
    // one step only: what a tag is widened to is not widened again
    for (let i = 0; i < widened.length; i++) if (seen.includes(widened[i]![0])) allowed |= widened[i]![1];
    if (w.form !== w.lower || !hasLetter(w.form)) allowed |= nameOrSign;
    for (let i = 0; i < contractionLabels.length; i++) {
      const id = contractionLabels[i]!;
      if (contractions.has(w.lower + '\t' + labels[id]!)) allowed |= 1 << id;
    }
    return allowed;
  };
}
