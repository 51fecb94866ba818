import type { Analysis } from '../core/analysis.js';
import { lowerBound } from '../core/search.js';
import type { Span } from '../core/types.js';
import type { EntityType } from '../entities/types.js';
import { sentenceCandidates, type Candidate, type Occurrence } from './candidates.js';
import type { TopicsLexicon } from './lexicon.js';
import type { KeyPhrase } from './types.js';
import { round, type TermMatch } from './categories.js';
import { compareText } from './collate.js';
import { lower, type Word } from './words.js';
import { startsUpperLower } from '../core/letters.js';

/** Candidate occurrences grouped by lemma form (or by entity), with what scoring needs. */
export interface PhraseGroup {
  key: string;
  content: string[];
  head: string;
  complement: boolean;
  proper: boolean;
  occurrences: Occurrence[];
  entity?: { id: string; type: EntityType; name: string };
}

export interface KeyPhraseOptions {
  max?: number;
  explain?: boolean;
  /** Category lexicon terms found in the text: subject vocabulary weighs more. */
  terms?: readonly TermMatch[];
  /** The document's categories: their vocabulary weighs most. */
  subjects?: ReadonlySet<string>;
}

/** How much each entity type may stand for the subject of an article: people are who, not what. */
const ENTITY_WEIGHT: Record<EntityType, number> = { ORG: 1, LOC: 0.8, MISC: 1, PER: 0.5 };
/** Weights of the score, set on general grounds and checked on the development set (not fitted to it). */
const HEADLINE = 2; // first paragraph (the headline of a news article)
const LEAD = 1.4; // second paragraph (the lead)
const SPREAD = 0.15; // per further paragraph using the phrase
const LENGTH_BONUS = 0.4; // per further content word of a recurring phrase
const LONG_ONCE = 0.7; // per content word past two of a phrase said once
const ONCE_WORD = 1; // a single word said once (kept neutral: "verdict", "emprunt" are key though said once)
const SUPPORT = 0.3; // share of the other occurrences of a phrase's words counted for it
const ENTITY_VOCABULARY = 0.5; // share of the subject-vocabulary boost an entity name gets
const SPECIFIC_SHARE = 0.5; // a longer phrase replacing a chosen one that never occurs without it
/** An occurrence inside a repeated longer phrase counts this much for the shorter one. */
const NESTED_WEIGHT = 0.25;

/**
 * Key phrases of a document: noun-phrase candidates (and entities, each listed once) grouped by
 * lemma form, scored by frequency (occurrences inside a recurring longer phrase count little, the
 * other occurrences of its words a little), position (headline and lead), spread over paragraphs,
 * specificity against background document frequencies, length and subject vocabulary (terms of
 * the category lexicons); then chosen best first, leaving out a phrase whose every occurrence lies
 * inside or around one already chosen (unless it is the longer, recurring or vocabulary phrase).
 */
export function extractKeyPhrases(analysis: Readonly<Analysis>, sentences: readonly Word[][], lex: TopicsLexicon, options: KeyPhraseOptions = {}): KeyPhrase[] {
  const scored = rankGroups(analysis, sentences, lex, options);
  const chosen: ScoredGroup[] = [];
  const max = options.max ?? 10;
  for (const s of scored) {
    if (chosen.length >= max) break;
    if (s.score <= 0) break;
    const blocking = chosen.filter((c) => redundant(c, s));
    if (blocking.length === 1 && specifies(s, blocking[0]!)) chosen[chosen.indexOf(blocking[0]!)] = { ...s, score: blocking[0]!.score };
    if (blocking.length) continue;
    chosen.push(s);
  }
  const best = chosen[0]?.score ?? 1;
  return chosen.map(({ group, score }) => toKeyPhrase(group, score / best, analysis, options.explain ?? false));
}

export interface ScoredGroup {
  group: PhraseGroup;
  score: number;
  /** Factor from the subject vocabulary (1: none); `whole` when the phrase is a lexicon term itself. */
  vocabulary: number;
  whole: boolean;
}

/** Every candidate group of a document with its score, best first. */
export function rankGroups(analysis: Readonly<Analysis>, sentences: readonly Word[][], lex: TopicsLexicon, options: KeyPhraseOptions = {}): ScoredGroup[] {
  const groups = groupCandidates(analysis, sentences, lex);
  const nested = nestedCounts(groups);
  const vocabulary = subjectVocabulary(options.terms ?? [], options.subjects ?? new Set());
  const frequencies = lemmaFrequencies(sentences);
  return groups
    .map((g) => {
      const v = vocabulary(g);
      const factor = g.entity ? 1 + ENTITY_VOCABULARY * (v.factor - 1) : v.factor;
      return { group: g, score: scoreGroup(g, nested.get(g) ?? 0, lex, frequencies) * factor, vocabulary: factor, whole: v.whole };
    })
    .sort((a, b) => b.score - a.score || compareText(a.group.key, b.group.key));
}

/**
 * `s` adds nothing beside the chosen `c`: every occurrence of `s` lies inside or around one of `c`.
 * A longer phrase still adds something when it recurs or is subject vocabulary itself
 * ("hectares brûlés" beside "hectares", "élections municipales" beside "élections").
 */
function redundant(c: ScoredGroup, s: ScoredGroup): boolean {
  const around = bySentence(c.group);
  if (!s.group.occurrences.every((o) => (around.get(o.sentence) ?? []).some((x) => x.start < o.end && o.start < x.end))) return false;
  const longer = s.group.content.length > c.group.content.length && s.group.occurrences.every((o) => (around.get(o.sentence) ?? []).some((x) => o.start <= x.start && x.end <= o.end));
  return !(longer && (s.whole || s.group.occurrences.length >= 2));
}

/**
 * `s` says what the chosen `c` says, more precisely, wherever `c` occurs ("hectares" only ever in
 * "hectares brûlés"): `s` takes its place when it scores at least half as well.
 */
function specifies(s: ScoredGroup, c: ScoredGroup): boolean {
  if (c.group.entity || s.group.content.length <= c.group.content.length || s.score < SPECIFIC_SHARE * c.score) return false;
  const around = bySentence(s.group);
  return c.group.occurrences.every((o) => (around.get(o.sentence) ?? []).some((x) => x.start <= o.start && o.end <= x.end));
}

const sentenceIndex = new WeakMap<PhraseGroup, Map<number, Occurrence[]>>();

/** The occurrences of a group by sentence (kept: a chosen group is compared with many others). */
function bySentence(g: PhraseGroup): Map<number, Occurrence[]> {
  let index = sentenceIndex.get(g);
  if (!index) {
    index = new Map();
    for (let oi = 0; oi < g.occurrences.length; oi++) {
      const o = g.occurrences[oi]!;
      const list = index.get(o.sentence) ?? [];
      list.push(o);
      index.set(o.sentence, list);
    }
    sentenceIndex.set(g, index);
  }
  return index;
}

export function groupCandidates(analysis: Readonly<Analysis>, sentences: readonly Word[][], lex: TopicsLexicon): PhraseGroup[] {
  let candidates: Candidate[] = sentences.flatMap((words) => sentenceCandidates(words, lex));
  const groups = new Map<string, PhraseGroup>();
  const mentions = analysis.mentions ?? [];
  if (mentions.length && analysis.entities) {
    const sorted = [...mentions].sort((a, b) => a.start - b.start);
    const entities = new Map(analysis.entities.map((e) => [e.id, e]));
    // an entity is one phrase: noun phrases inside one of its mentions are not listed beside it;
    // "le gardien Kevin Marchal": a role glued to a person is not a subject either
    candidates = candidates.filter((c) => {
      for (let k = firstEndingAfter(sorted, c.start); k < sorted.length && sorted[k]!.start < c.end; k++) {
        const m = sorted[k]!;
        if (m.start <= c.start && c.end <= m.end) return false;
        if (m.type === 'PER' && (c.start < m.start || c.end > m.end)) return false;
      }
      return true;
    });
    let sentence = 0;
    for (const m of sorted) {
      const entity = entities.get(m.entity);
      if (!entity) continue;
      while (sentence + 1 < analysis.sentences.length && analysis.sentences[sentence]!.end <= m.start) sentence++;
      const key = `entity:${entity.id}`;
      let g = groups.get(key);
      if (!g) {
        const content = entity.canonical.split(/\s+/).map(lower);
        g = { key, content, head: content[0] ?? '', complement: false, proper: true, occurrences: [], entity: { id: entity.id, type: entity.type, name: entity.canonical } };
        groups.set(key, g);
      }
      g.occurrences.push({ sentence, from: -1, to: -1, start: m.start, end: m.end, paragraph: analysis.sentences[sentence]?.paragraph ?? 0 });
    }
  }
  const seen = new Set<string>();
  for (const c of candidates) {
    const span = `${c.key}\t${c.start}:${c.end}`;
    if (seen.has(span)) continue;
    seen.add(span);
    let g = groups.get(c.key);
    if (!g) groups.set(c.key, (g = { key: c.key, content: c.content, head: c.head, complement: c.complement, proper: c.proper, occurrences: [] }));
    g.occurrences.push(c);
  }
  return [...groups.values()];
}

const TERM_BOOST = 0.5; // per unit of lexicon weight, the phrase being the term
const PART_BOOST = 0.2; // per unit of lexicon weight, the term being part of the phrase
const OTHER_LABEL = 0.5; // a term of a category that is not the document's

/**
 * A phrase that is a term of a category lexicon ("taux de participation", "carton rouge") is the
 * vocabulary of a subject: it weighs more, most when the subject is the document's, less when the
 * term is only part of the phrase.
 */
function subjectVocabulary(terms: readonly TermMatch[], subjects: ReadonlySet<string>): (g: PhraseGroup) => { factor: number; whole: boolean } {
  const sorted = [...terms].sort((a, b) => a.start - b.start);
  return (g) => {
    let factor = 1;
    let whole = false;
    for (let oi = 0; oi < g.occurrences.length; oi++) {
      const o = g.occurrences[oi]!;
      for (let k = firstStartingAt(sorted, o.start); k < sorted.length && sorted[k]!.start < o.end; k++) {
        const t = sorted[k]!;
        if (t.end > o.end) continue;
        const weight = t.weight * (subjects.has(t.label) ? 1 : OTHER_LABEL);
        const isWhole = t.start === o.start && t.end === o.end;
        whole ||= isWhole;
        factor = Math.max(factor, 1 + (isWhole ? TERM_BOOST : PART_BOOST) * weight);
      }
    }
    return { factor, whole };
  };
}

function firstStartingAt(sorted: readonly { start: number }[], start: number): number {
  return lowerBound(sorted.length, (i) => sorted[i]!.start < start);
}

/**
 * Index of the first mention (sorted by start) that may overlap a span starting at `start`.
 * Mentions do not nest, so their ends grow with their starts.
 */
function firstEndingAfter(sorted: readonly { start: number; end: number }[], start: number): number {
  return lowerBound(sorted.length, (i) => sorted[i]!.end <= start);
}

/** Inverse document frequency of a lemma against the background corpora, 0 (everywhere) to 1 (never seen). */
export function specificity(lemma: string, lex: TopicsLexicon): number {
  const df = lex.df.get(lemma) ?? 0;
  return Math.log((lex.documents + 1) / (df + 1)) / Math.log(lex.documents + 1);
}

/**
 * For each group, how many of its occurrences lie inside an occurrence of a longer phrase that is
 * itself repeated: "vigilance" inside "vigilance rouge" is mostly the longer phrase.
 */
export function nestedCounts(groups: readonly PhraseGroup[]): Map<PhraseGroup, number> {
  const bySentence = new Map<number, { o: Occurrence; g: PhraseGroup }[]>();
  for (let gi = 0; gi < groups.length; gi++) {
    const g = groups[gi]!;
    if (g.occurrences.length < 2) continue;
    for (let oi = 0; oi < g.occurrences.length; oi++) {
      const o = g.occurrences[oi]!;
      const list = bySentence.get(o.sentence) ?? [];
      list.push({ o, g });
      bySentence.set(o.sentence, list);
    }
  }
  const out = new Map<PhraseGroup, number>();
  for (let gi = 0; gi < groups.length; gi++) {
    const g = groups[gi]!;
    let n = 0;
    for (let oi = 0; oi < g.occurrences.length; oi++) {
      const o = g.occurrences[oi]!;
      const around = bySentence.get(o.sentence) ?? [];
      if (around.some((x) => x.g !== g && x.o.start <= o.start && o.end <= x.o.end && x.o.end - x.o.start > o.end - o.start)) n++;
    }
    out.set(g, n);
  }
  return out;
}

/** Occurrences of each noun, adjective and proper-noun lemma in the document. */
export function lemmaFrequencies(sentences: readonly Word[][]): Map<string, number> {
  const out = new Map<string, number>();
  for (let si = 0; si < sentences.length; si++) {
    const words = sentences[si]!;
    for (let wi = 0; wi < words.length; wi++) {
      const w = words[wi]!;
      if (w.pos !== 'NOUN' && w.pos !== 'PROPN' && w.pos !== 'ADJ') continue;
      const key = w.pos === 'PROPN' ? lower(w.form) : w.lemma;
      out.set(key, (out.get(key) ?? 0) + 1);
    }
  }
  return out;
}

export function scoreGroup(g: PhraseGroup, nested: number, lex: TopicsLexicon, frequencies: ReadonlyMap<string, number> = new Map()): number {
  const own = g.occurrences.length - nested + NESTED_WEIGHT * nested;
  // the words of a phrase said once may recur on their own: "clients fragiles" among many "clients"
  const support = g.content.length > 1 ? g.content.reduce((s, c) => s + (frequencies.get(c) ?? 0), 0) / g.content.length : 0;
  const count = own + SUPPORT * Math.max(0, support - g.occurrences.length);
  const content = g.content.filter((l) => !lex.stopwords.has(l));
  const specs = content.map((l) => (lex.boilerplate.has(l) ? 0.1 : specificity(l, lex)));
  const spec = specs.length ? 0.5 * (specs.reduce((a, b) => a + b, 0) / specs.length) + 0.5 * Math.max(...specs) : 0;
  const paragraphs = new Set(g.occurrences.map((o) => o.paragraph));
  const firstParagraph = Math.min(...paragraphs);
  const position = firstParagraph === 0 ? HEADLINE : firstParagraph === 1 ? LEAD : 1;
  const spread = 1 + SPREAD * (paragraphs.size - 1);
  // a long phrase that recurs is a name for something; said once, it is mostly a description
  const once = g.occurrences.length === 1 && !g.entity;
  const length = !once ? 1 + LENGTH_BONUS * Math.min(content.length - 1, 3) : content.length === 1 ? ONCE_WORD : content.length === 2 ? 1 + LENGTH_BONUS : (1 + LENGTH_BONUS) * LONG_ONCE ** (content.length - 2);
  const frequency = Math.sqrt(count);
  const entity = g.entity ? ENTITY_WEIGHT[g.entity.type] : 1;
  return frequency * spec * position * spread * length * entity;
}

function toKeyPhrase(g: PhraseGroup, score: number, analysis: Readonly<Analysis>, explain: boolean): KeyPhrase {
  const spans: Span[] = g.occurrences
    .map((o) => ({ start: o.start, end: o.end, text: analysis.text.slice(o.start, o.end) }))
    .sort((a, b) => a.start - b.start);
  // the form written most often, a capital that only starts a sentence not counting
  const initial = new Set(g.occurrences.filter((o) => analysis.sentences[o.sentence]?.start === o.start).map((o) => o.start));
  const forms = new Map<string, number>();
  for (const s of spans) forms.set(s.text, (forms.get(s.text) ?? 0) + (initial.has(s.start) ? 1 : 1.5));
  let text = g.entity?.name ?? [...forms].sort((a, b) => b[1] - a[1])[0]![0];
  if (!g.proper && initial.size === g.occurrences.length && startsUpperLower(text)) {
    text = text[0]!.toLowerCase() + text.slice(1);
  }
  return {
    text,
    lemma: g.entity ? g.entity.name : g.key,
    score: round(score),
    count: spans.length,
    spans,
    ...(g.entity && { entity: { id: g.entity.id, type: g.entity.type } }),
    ...(explain && { rule: g.entity ? 'entity' : 'noun-phrase' }),
  };
}

