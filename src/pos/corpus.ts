/** Training material from CoNLL-U: surface tokens with their labels, and the corpus's lemmas. */
import type { ConlluSentence } from '../conllu/index.js';
import { encodeLemma } from './lexicon.js';
import type { LemmaExample } from './suffix-rules.js';
import { sortLines } from './sorted-lines.js';
import { normalizeForm } from './text.js';
import type { TrainingSentence } from './train.js';

/** The label of a surface token: its UPOS, or its words' UPOS joined with '+' (du → ADP+DET). */
export function surfaceLabel(words: readonly { upos: string }[]): string {
  return words.map((w) => w.upos).join('+');
}

/** Training sentences; `conventions` (form → UPOS) overrides the corpus's tag of single-word tokens. */
export function trainingSentences(sentences: readonly ConlluSentence[], conventions: ReadonlyMap<string, string> = new Map()): TrainingSentence[] {
  return sentences
    .filter((s) => s.tokens.every((t) => t.words.length > 0 && t.words.every((w) => w.upos && w.upos !== '_')))
    .map((s) => ({
      forms: s.tokens.map((t) => t.form),
      labels: s.tokens.map((t) => (t.words.length === 1 && conventions.get(t.form)) || surfaceLabel(t.words)),
    }));
}

/** Lemma examples of the single-word tokens (lower-cased form, UPOS, lemma as UD writes it). */
export function* corpusLemmas(sentences: readonly ConlluSentence[]): Generator<LemmaExample & { surface: string }> {
  for (const s of sentences) {
    for (const t of s.tokens) {
      if (t.words.length !== 1) continue;
      const w = t.words[0]!;
      if (!w.lemma || w.lemma === '_' || !w.upos || w.upos === '_') continue;
      const surface = normalizeForm(w.form);
      yield { surface, form: surface.toLowerCase(), upos: w.upos, lemma: normalizeForm(w.lemma) };
    }
  }
}

/**
 * lexicons/pos/lemmas.tsv: for each form of the corpus as written (apostrophes normalised), its
 * most frequent lemma per UPOS (ties: alphabetical), UPOS in order of frequency. A proper noun is
 * listed only when its lemma is not the form as written.
 */
export function corpusLemmaLines(sentences: readonly ConlluSentence[]): string[] {
  const counts = new Map<string, Map<string, Map<string, number>>>();
  for (const { surface, upos, lemma } of corpusLemmas(sentences)) {
    if ((upos === 'PROPN' || upos === 'PUNCT' || upos === 'SYM') && lemma === surface) continue;
    let byTag = counts.get(surface);
    if (!byTag) counts.set(surface, (byTag = new Map()));
    let byLemma = byTag.get(upos);
    if (!byLemma) byTag.set(upos, (byLemma = new Map()));
    byLemma.set(lemma, (byLemma.get(lemma) ?? 0) + 1);
  }
  const lines: string[] = [];
  for (const [form, byTag] of counts) {
    const entries = [...byTag].map(([upos, byLemma]) => {
      const ranked = [...byLemma].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      const total = ranked.reduce((n, [, c]) => n + c, 0);
      return { upos, lemma: ranked[0]![0], total };
    });
    entries.sort((a, b) => b.total - a.total || (a.upos < b.upos ? -1 : 1));
    lines.push(form + '\t' + entries.map((e) => e.upos + encodeLemma(form, e.lemma)).join(' '));
  }
  return sortLines(lines);
}
