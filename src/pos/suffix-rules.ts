/**
 * Suffix rules for the lemmas of words no lexicon knows: for a UPOS and a word ending, the edit
 * that most words of the lexicon with that ending take (…eraient → …er for VERB, …aux → …al for
 * NOUN). Stored as readable rows in lexicons/pos/suffix-rules.tsv: UPOS, ending, edit, support.
 */
import { decodeEntries, encodeLemma } from './lexicon.js';

export const MAX_SUFFIX = 7;
const MIN_SUPPORT = 3;
const MIN_SHARE = 0.6;

export interface LemmaExample {
  form: string;
  upos: string;
  lemma: string;
}

/**
 * Learns the rules: for each (UPOS, ending) the dominant edit that only rewrites the ending.
 * A rule is kept when it says something its shorter ending does not.
 */
export function learnSuffixRules(examples: Iterable<LemmaExample>): string[] {
  const counts = new Map<string, Map<string, number>>();
  for (const { form, upos, lemma } of examples) {
    if (form.length < 3) continue;
    const edit = encodeLemma(form, lemma);
    if (edit.startsWith('>=')) continue;
    const strip = edit ? Number(/^>(\d+)/.exec(edit)![1]) : 0;
    for (let k = Math.max(1, strip); k <= MAX_SUFFIX && k < form.length; k++) {
      const key = upos + '\t' + form.slice(form.length - k);
      let m = counts.get(key);
      if (!m) counts.set(key, (m = new Map()));
      m.set(edit, (m.get(edit) ?? 0) + 1);
    }
  }
  const best = new Map<string, { edit: string; support: number }>();
  for (const [key, m] of counts) {
    let total = 0;
    let top = '';
    let topCount = -1;
    for (const [edit, c] of [...m].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      total += c;
      if (c > topCount) [top, topCount] = [edit, c];
    }
    if (topCount >= MIN_SUPPORT && topCount / total >= MIN_SHARE) best.set(key, { edit: top, support: topCount });
  }
  const rows: string[] = [];
  for (const [key, { edit, support }] of best) {
    const [upos, suffix] = key.split('\t') as [string, string];
    let shorter: string | undefined;
    for (let k = suffix.length - 1; k >= 1 && shorter === undefined; k--) shorter = best.get(upos + '\t' + suffix.slice(suffix.length - k))?.edit;
    if (shorter === edit) continue;
    rows.push(`${upos}\t${suffix}\t${edit || '='}\t${support}`);
  }
  return rows.sort();
}

/** Lemmas of unknown words from their endings. */
export interface LemmaRules {
  /** The lemma the longest matching ending gives, or undefined when no rule applies. */
  apply(lower: string, upos: string): string | undefined;
}

/**
 * The rule for a UPOS and the endings of a word, longest first (`edit`: the rule's edit for a
 * key `UPOS<TAB>ending`, undefined when there is none): what LemmaRules.apply returns.
 */
export function applyRules(lower: string, upos: string, edit: (key: string) => string | undefined): string | undefined {
  for (let k = Math.min(MAX_SUFFIX, lower.length - 1); k >= 1; k--) {
    const found = edit(upos + '\t' + lower.slice(lower.length - k));
    if (found !== undefined) return found ? decodeEntries(lower, 'X' + found)[0]!.lemma : lower;
  }
  return undefined;
}

export class SuffixRules implements LemmaRules {
  private readonly rules = new Map<string, string>();

  constructor(rows: readonly string[][]) {
    for (const [upos, suffix, edit] of rows) this.rules.set(upos + '\t' + suffix, edit === '=' ? '' : edit!);
  }

  apply(lower: string, upos: string): string | undefined {
    return applyRules(lower, upos, (key) => this.rules.get(key));
  }

  /** Each rule: `UPOS<TAB>ending` and its edit ('' keeps the form). */
  entries(): [string, string][] {
    return [...this.rules];
  }
}
