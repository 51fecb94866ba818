import type { Analysis } from '../core/analysis.js';
import type { CategoryScore } from './types.js';
import type { CategoryScheme, SchemeTerm } from './scheme.js';
import type { EntityCue } from './lexicon.js';
import { compareText } from './collate.js';
import { fold, type Word } from './words.js';

export interface CategoryOptions {
  scheme: CategoryScheme;
  entityCues: readonly EntityCue[];
  explain?: boolean;
  /** Labels kept: those scoring at least this share of the best label. */
  relative?: number;
  max?: number;
}

/** Words of the headline and lead say more about the subject than the last paragraph. */
const paragraphWeight = (paragraph: number) => (paragraph === 0 ? 2 : paragraph === 1 ? 1.5 : 1);
const MIN_RAW = 1;

interface Tally {
  raw: number;
  cues: Map<string, number>;
}

/**
 * Multi-label categories: every lexicon term found in the text (by lemma or by form, articles
 * skipped, the longest term of a label wins where terms overlap) adds its weight, more in the
 * headline and lead, less for repeats; the entities of the text add their cues. Scores are shares
 * of the total; labels within `relative` of the best are kept.
 */
export function categorize(analysis: Readonly<Analysis>, sentences: readonly Word[][], options: CategoryOptions): CategoryScore[] {
  return categorizeWithTerms(analysis, sentences, options).categories;
}

/** A lexicon term found in the text: the span of its words, its label and weight. */
export interface TermMatch {
  start: number;
  end: number;
  label: string;
  weight: number;
}

export function categorizeWithTerms(
  analysis: Readonly<Analysis>,
  sentences: readonly Word[][],
  options: CategoryOptions,
): { categories: CategoryScore[]; terms: TermMatch[] } {
  const perTerm = new Map<SchemeTerm, number>();
  const terms: TermMatch[] = [];
  for (let s = 0; s < sentences.length; s++) {
    const words = sentences[s]!;
    const kept = words.filter((w) => !(w.pos === 'DET' && isArticle(w)));
    const lemmas: string[] = [];
    const forms: string[] = [];
    for (let k = 0; k < kept.length; k++) {
      const w = kept[k]!;
      lemmas.push(fold(w.lemma));
      forms.push(fold(w.form));
    }
    const coveredUntil = new Map<string, number>();
    for (let i = 0; i < kept.length; i++) {
      // terms are listed under their first word only: those of the lemma and of a different form are distinct
      const firsts = lemmas[i] === forms[i] ? 1 : 2;
      for (let f = 0; f < firsts; f++) {
        const list = options.scheme.byFirstWord.get(f === 0 ? lemmas[i]! : forms[i]!);
        if (!list) continue;
        for (let j = 0; j < list.length; j++) {
          const term = list[j]!;
          if (!matchesAt(term, lemmas, forms, i)) continue;
          const covered = coveredUntil.get(term.label) ?? -1;
          if (i < covered) continue;
          coveredUntil.set(term.label, i + term.words.length);
          perTerm.set(term, (perTerm.get(term) ?? 0) + paragraphWeight(kept[i]!.paragraph));
          terms.push({ start: kept[i]!.start, end: kept[i + term.words.length - 1]!.end, label: term.label, weight: term.weight });
        }
      }
    }
  }
  const tallies = new Map<string, Tally>();
  const tally = (label: string) => {
    let t = tallies.get(label);
    if (!t) tallies.set(label, (t = { raw: 0, cues: new Map() }));
    return t;
  };
  for (const [term, weightSum] of perTerm) {
    const add = term.weight * (1 + Math.log(weightSum));
    const t = tally(term.label);
    t.raw += add;
    t.cues.set(term.term, (t.cues.get(term.term) ?? 0) + add);
  }
  const cueWords = cuesByWord(options.entityCues);
  for (const entity of analysis.entities ?? []) {
    // the cues of the name's words, in the order of the cue list
    const found: number[] = [];
    for (const word of new Set(entity.canonical.split(/[\s-]+/).map(fold))) found.push(...(cueWords.get(word) ?? []));
    found.sort((a, b) => a - b);
    for (let k = 0; k < found.length; k++) {
      const cue = options.entityCues[found[k]!]!;
      if (cue.type !== entity.type || !options.scheme.labels.includes(cue.label)) continue;
      const add = cue.weight * (1 + Math.log(Math.max(1, entity.mentions.length)));
      const t = tally(cue.label);
      t.raw += add;
      const key = `${entity.canonical} (${cue.reason})`;
      t.cues.set(key, (t.cues.get(key) ?? 0) + add);
    }
  }
  const total = [...tallies.values()].reduce((s, t) => s + t.raw, 0);
  const ranked = [...tallies].filter(([, t]) => t.raw >= MIN_RAW).sort((a, b) => b[1].raw - a[1].raw || compareText(a[0], b[0]));
  if (ranked.length === 0 || total === 0) return { categories: [], terms };
  const best = ranked[0]![1].raw;
  const relative = options.relative ?? 0.3;
  const categories = ranked
    .filter(([, t]) => t.raw >= best * relative)
    .slice(0, options.max ?? 3)
    .map(([label, t]) => ({
      label,
      score: round(t.raw / total),
      ...(options.explain && { cues: [...t.cues].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([c]) => c) }),
    }));
  return { categories, terms };
}

const cueIndexes = new WeakMap<readonly EntityCue[], Map<string, number[]>>();

/** Positions of the entity cues in their list, by cue word (built once per list). */
function cuesByWord(cues: readonly EntityCue[]): Map<string, number[]> {
  let index = cueIndexes.get(cues);
  if (!index) {
    index = new Map();
    for (let k = 0; k < cues.length; k++) {
      const list = index.get(cues[k]!.word);
      if (list) list.push(k);
      else index.set(cues[k]!.word, [k]);
    }
    cueIndexes.set(cues, index);
  }
  return index;
}

function isArticle(w: Word): boolean {
  return w.lemma === 'le' || w.lemma === 'un' || w.lemma === "l'";
}

/** The term's words are, from word i on, each the folded lemma or form of a word. */
function matchesAt(term: SchemeTerm, lemmas: readonly string[], forms: readonly string[], i: number): boolean {
  if (i + term.words.length > lemmas.length) return false;
  for (let k = 0; k < term.words.length; k++) {
    if (term.words[k] !== lemmas[i + k] && term.words[k] !== forms[i + k]) return false;
  }
  return true;
}

export const round = (x: number) => Math.round(x * 1000) / 1000;
