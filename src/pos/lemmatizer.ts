/**
 * Lemmas for (form, UPOS): the training corpus's own lemmas first (they carry the UD conventions:
 * il → lui, se → soi, des → un), then the Lefff lexicon, then suffix rules, then the form itself.
 */
import { coarseTag, type LexiconEntry, type WordLexicon } from './lexicon.js';
import type { LemmaRules } from './suffix-rules.js';
import { normalizeForm } from './text.js';
import { MISSING } from './common-words.js';

const FORM_IS_LEMMA = new Set(['PUNCT', 'SYM']);

export class Lemmatizer {
  private readonly cache = new Map<string, string>();

  constructor(
    /** The training corpus's lemma lines, read as a lexicon of forms as written. */
    private readonly corpus: WordLexicon,
    private readonly lexicon: WordLexicon,
    private readonly rules: () => LemmaRules,
    /** Personal pronoun → UD lemma (il → lui), lower-cased forms. */
    private readonly pronouns: ReadonlyMap<string, string>,
    /** The lemmas compiled for common words (common-words.ts), asked first. */
    private readonly compiled?: (form: string, upos: string) => string | typeof MISSING,
  ) {}

  lemma(form: string, upos: string): string {
    const key = upos + '\t' + form;
    let hit = this.cache.get(key);
    if (hit === undefined) {
      const normal = normalizeForm(form);
      const known = this.compiled ? this.compiled(normal, upos) : MISSING;
      hit = known === MISSING ? this.compute(normal, upos) : known;
      if (this.cache.size > 200_000) this.cache.clear();
      this.cache.set(key, hit);
    }
    return hit;
  }

  private compute(form: string, upos: string): string {
    if (FORM_IS_LEMMA.has(upos)) return form;
    const lower = form.toLowerCase();
    if (upos === 'PRON') {
      const strong = this.pronouns.get(lower);
      if (strong) return strong;
    }
    const seen = this.fromCorpus(form, upos) ?? (form === lower ? undefined : this.fromCorpus(lower, upos));
    if (seen !== undefined) return seen;
    if (upos === 'PROPN' || upos === 'X') return form;
    if (upos === 'NUM') return /\d/.test(form) ? form : lower;
    const entries = this.lexicon.entries(lower);
    // an acronym keeps its capitals (HLM, ONG); a word in capitals (SPÉCIALE) is lemmatized as a word
    if (entries.length === 0 && isAcronym(form) && (upos === 'NOUN' || upos === 'ADJ')) return form;
    const own = pick(entries, upos);
    if (own) return own.lemma;
    if (upos === 'ADJ') {
      const participle = this.participleAdjective(lower, entries);
      if (participle) return participle;
    }
    return this.rules().apply(lower, upos) ?? lower;
  }

  private fromCorpus(form: string, upos: string): string | undefined {
    return this.corpus.entries(form).find((e) => e.tag === upos)?.lemma;
  }

  /** A past participle used as an adjective takes its masculine singular form (connues → connu). */
  private participleAdjective(lower: string, entries: readonly LexiconEntry[]): string | undefined {
    const verb = entries.find((e) => e.tag === 'VERBpp' || e.tag === 'AUXpp');
    if (!verb) return undefined;
    for (const cut of ['es', 'e', 's']) {
      if (!lower.endsWith(cut)) continue;
      const candidate = lower.slice(0, lower.length - cut.length);
      if (this.lexicon.entries(candidate).some((e) => e.tag === verb.tag && e.lemma === verb.lemma)) return candidate;
    }
    return lower;
  }
}

/** The entry for a UPOS: AUX and VERB stand in for each other (être, avoir, faire…). */
function pick(entries: readonly LexiconEntry[], upos: string): LexiconEntry | undefined {
  const exact = entries.find((e) => coarseTag(e.tag) === upos);
  if (exact) return exact;
  if (upos === 'AUX') return entries.find((e) => coarseTag(e.tag) === 'VERB');
  if (upos === 'VERB') return entries.find((e) => coarseTag(e.tag) === 'AUX');
  return undefined;
}

function isAcronym(form: string): boolean {
  return form.length >= 2 && form.toUpperCase() === form && form.toLowerCase() !== form;
}
