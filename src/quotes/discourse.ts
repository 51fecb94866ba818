import type { Analysis } from '../core/analysis.js';
import { lowerBound } from '../core/search.js';
import type { Span, Token } from '../core/types.js';
import type { Entity, EntityMention, EntityType } from '../entities/types.js';
import { norm, quotesLexicon, splitWords, type Gender, type RoleEntry } from './lexicon.js';
import { firstTokenAt } from './view.js';
import { isCapitalisedWord, startsLower, startsUpper } from '../core/letters.js';

/** A role the text gives a person: "le maire, Frédéric Lagarde" → maire. */
export interface LinkedRole {
  key: string;
  group: string;
  gender?: Gender;
  /** Words after the role noun, lower case: "du var", "des ressources humaines du site". */
  complement: string;
}

/** A person, organisation or place that can speak, with what the text says about it. */
export interface Referent {
  id: string;
  canonical: string;
  type: EntityType;
  aliases: string[];
  gender?: Gender;
  plural: boolean;
  roles: LinkedRole[];
}

interface Event {
  offset: number;
  sentence: number;
  weight: number;
}

export const WEIGHT = { oblique: 1, core: 2, quoted: 0.5, speaker: 3 } as const;
const DECAY = 0.5;
/** Salience below which a referent is too far back to be meant by a role noun. */
const ROLE_REACH = 0.02;

/**
 * What the quotation resolver knows of the discourse: the referents (entities), where they are
 * mentioned, their gender and roles, and how salient each is at a point of the text.
 */
export class Discourse {
  readonly referents = new Map<string, Referent>();
  readonly mentions: EntityMention[];
  private mentionOf: Int32Array;
  private events = new Map<string, Event[]>();
  private sentenceStarts: number[];

  constructor(
    private readonly analysis: Pick<Analysis, 'text' | 'tokens' | 'sentences'> & { mentions?: EntityMention[]; entities?: Entity[] },
    isQuoted: (offset: number) => boolean,
  ) {
    const { text } = analysis;
    this.sentenceStarts = analysis.sentences.map((s) => s.start);
    const given = analysis.mentions && analysis.entities;
    const { mentions, entities } = given ? { mentions: analysis.mentions!, entities: analysis.entities! } : guessNames(text, analysis.tokens);
    this.mentions = mentions;
    this.mentionOf = new Int32Array(text.length + 1).fill(-1);
    mentions.forEach((m, i) => this.mentionOf.fill(i, m.start, m.end));
    for (const e of entities) {
      this.referents.set(e.id, {
        id: e.id,
        canonical: e.canonical,
        type: e.type,
        aliases: e.aliases ?? [],
        ...(e.gender && { gender: e.gender }),
        plural: e.type === 'ORG' && /^(?:les|des)\s/i.test(e.canonical),
        roles: (e.roles ?? []).flatMap((r) => {
          const entry = roleEntry(splitWords(r.role));
          return entry ? [{ key: entry.key, group: entry.group, ...(entry.gender && { gender: entry.gender }), complement: splitWords(r.role).slice(entry.words.length).join(' ') }] : [];
        }),
      });
    }
    mentions.forEach((m) => {
      const quoted = isQuoted(m.start);
      const weight = (this.isOblique(m) ? WEIGHT.oblique : WEIGHT.core) * (quoted ? WEIGHT.quoted : 1);
      this.addEvent(m.entity, m.start, weight);
    });
  }

  mentionIndexAt(offset: number): number {
    return offset >= 0 && offset < this.mentionOf.length ? this.mentionOf[offset]! : -1;
  }

  referentAt(offset: number): Referent | undefined {
    const i = this.mentionIndexAt(offset);
    return i >= 0 ? this.referents.get(this.mentions[i]!.entity) : undefined;
  }

  sentenceIndex(offset: number): number {
    const starts = this.sentenceStarts;
    return Math.max(0, lowerBound(starts.length, (i) => starts[i]! <= offset) - 1);
  }

  addEvent(id: string, offset: number, weight: number): void {
    const list = this.events.get(id) ?? [];
    const event = { offset, sentence: this.sentenceIndex(offset), weight };
    let at = list.length;
    while (at > 0 && list[at - 1]!.offset > offset) at--;
    list.splice(at, 0, event);
    this.events.set(id, list);
  }

  /** How present a referent is in the reader's mind at `offset`: recent, subject and speaker mentions count most. */
  salience(id: string, offset: number): number {
    const here = this.sentenceIndex(offset);
    let score = 0;
    for (const e of this.events.get(id) ?? []) {
      if (e.offset >= offset) break;
      score += e.weight * DECAY ** (here - e.sentence);
    }
    return score;
  }

  /** Offset of the last mention of a referent before `offset`, or -1. */
  lastMention(id: string, offset: number): number {
    let last = -1;
    for (const e of this.events.get(id) ?? []) {
      if (e.offset >= offset) break;
      last = e.offset;
    }
    return last;
  }

  /** The most salient referent at `offset` among those that pass `accept`. */
  best(offset: number, accept: (r: Referent) => boolean, minimum = 0): Referent | undefined {
    let best: Referent | undefined;
    let bestScore = minimum;
    for (const r of this.referents.values()) {
      if (!accept(r)) continue;
      const s = this.salience(r.id, offset);
      if (s > bestScore) {
        best = r;
        bestScore = s;
      }
    }
    return best;
  }

  /** The referent mentioned last before `offset` among those that pass `accept` ("ce dernier"). */
  latest(offset: number, accept: (r: Referent) => boolean): Referent | undefined {
    let best: Referent | undefined;
    let at = -1;
    for (const r of this.referents.values()) {
      if (!accept(r)) continue;
      const m = this.lastMention(r.id, offset);
      if (m > at) {
        at = m;
        best = r;
      }
    }
    return best;
  }

  static readonly reach = ROLE_REACH;

  /** Gender of a person: given, else from titles, roles, first name. */
  genderOf(r: Referent): Gender | undefined {
    return r.gender;
  }

  /** A name, title or role just before the mention says it is a complement (de son milieu X), not a subject. */
  private isOblique(m: EntityMention): boolean {
    const { tokens } = this.analysis;
    let t = firstTokenAt(tokens, m.start) - 1;
    let skipped = 0;
    const lex = quotesLexicon();
    while (t >= 0 && skipped < 4) {
      const w = norm(tokens[t]!.text);
      const info = lex.words.get(w);
      if (info?.classes.has('prep')) return true;
      if (info?.classes.has('det') || info?.classes.has('title') || lex.roles.has(w) || (startsLower(tokens[t]!.text) && !info && w.length > 2)) {
        t--;
        skipped++;
        continue;
      }
      return false;
    }
    return false;
  }

  /** Infers gender from titles before mentions (M., Mme), roles and first names, for referents without one. */
  inferGenders(): void {
    const { tokens, text } = this.analysis;
    const lex = quotesLexicon();
    const votes = new Map<string, number>();
    for (const m of this.mentions) {
      const t = firstTokenAt(tokens, m.start) - 1;
      const prev = t >= 0 ? tokens[t] : undefined;
      if (!prev) continue;
      const info = lex.words.get(norm(prev.text));
      if (info?.classes.has('title') && startsUpper(prev.text) && (info.detail === 'm' || info.detail === 'f')) {
        votes.set(m.entity, (votes.get(m.entity) ?? 0) + (info.detail === 'f' ? 1 : -1));
      }
    }
    void text;
    for (const r of this.referents.values()) {
      if (r.gender || r.type !== 'PER') continue;
      const vote = votes.get(r.id) ?? 0;
      if (vote) {
        r.gender = vote > 0 ? 'f' : 'm';
        continue;
      }
      const fromRole = r.roles.find((x) => x.gender)?.gender;
      if (fromRole) {
        r.gender = fromRole;
        continue;
      }
      const g = firstNameGender([r.canonical, ...r.aliases]);
      if (g) r.gender = g;
    }
  }

  addRole(id: string, role: LinkedRole): void {
    const r = this.referents.get(id);
    if (!r) return;
    if (!r.roles.some((x) => x.key === role.key && x.complement === role.complement)) r.roles.push(role);
    if (!r.gender && role.gender && r.type === 'PER') r.gender = role.gender;
  }
}

/** The role entry that the words start with (longest first): ["avocat", "général", …] → avocat général. */
export function roleEntry(words: readonly string[]): RoleEntry | undefined {
  const list = quotesLexicon().roles.get(words[0] ?? '');
  return list?.find((e) => e.words.every((w, k) => words[k] === w));
}

function firstNameGender(names: readonly string[]): Gender | undefined {
  const lex = quotesLexicon();
  for (const name of names) {
    const words = name.split(/\s+/);
    if (!words[0]) continue;
    const first = norm(words[0]);
    const known = lex.firstNames.get(first);
    if (known === 'm' || known === 'f') return known;
    if (known === 'mf') return undefined;
    const head = norm(first.split('-')[0]!);
    const headKnown = lex.firstNames.get(head);
    if (headKnown === 'm' || headKnown === 'f') return headKnown;
    if (words.length >= 2 && isCapitalisedWord(words[0].split('-')[0]!) && !/\.$/.test(words[0])) {
      return /(?:a|e|ie|ine|elle|ette|ise)$/.test(first) ? 'f' : 'm';
    }
  }
  return undefined;
}

const NAME_PARTICLES = new Set(['de', 'du', 'des', 'van', 'von', 'der', 'den', 'di', 'da', 'del', 'le', 'la', "d'", 'al', 'ben', 'bin', 'el']);

/**
 * Stand-in names when no entity component ran: runs of capitalised words (with particles inside),
 * clustered by their last word. Crude, but it keeps the quotation extractor usable on its own.
 */
export function guessNames(text: string, tokens: readonly Token[]): { mentions: EntityMention[]; entities: Entity[] } {
  const lex = quotesLexicon();
  const mentions: EntityMention[] = [];
  const byKey = new Map<string, Entity>();
  const entities: Entity[] = [];
  for (let t = 0; t < tokens.length; t++) {
    const tok = tokens[t]!;
    if (!/^\p{Lu}\p{L}/u.test(tok.text) || lex.words.has(norm(tok.text)) || lex.verbs.has(norm(tok.text))) continue;
    let end = t;
    while (end + 1 < tokens.length) {
      const next = tokens[end + 1]!;
      if (startsUpper(next.text) && !lex.words.get(norm(next.text))?.classes.has('title')) end++;
      else if (NAME_PARTICLES.has(norm(next.text)) && tokens[end + 2] && startsUpper(tokens[end + 2]!.text)) end += 2;
      else break;
    }
    const start = tok.start;
    const stop = tokens[end]!.end;
    const span: Span = { start, end: stop, text: text.slice(start, stop) };
    const previous = tokens[t - 1];
    const sentenceInitial = !previous || /[.!?…»:\n]/.test(previous.text);
    if (sentenceInitial && end === t && lex.roles.has(norm(tok.text))) {
      t = end;
      continue;
    }
    const key = norm(tokens[end]!.text);
    let entity = byKey.get(key);
    if (!entity) {
      entity = { id: `g${entities.length}`, canonical: span.text, type: end > t ? 'PER' : 'ORG', roles: [], mentions: [], aliases: [] };
      byKey.set(key, entity);
      entities.push(entity);
    } else if (span.text.length > entity.canonical.length) {
      entity.aliases.push(entity.canonical);
      entity.canonical = span.text;
      entity.type = 'PER';
    }
    entity.mentions.push(mentions.length);
    mentions.push({ ...span, type: entity.type, entity: entity.id, rule: 'quotes-fallback' });
    t = end;
  }
  return { mentions, entities };
}
