import type { Analysis } from '../core/analysis.js';
import { lowerBound } from '../core/search.js';
import type { Span } from '../core/types.js';
import { attributeAfter, attributeBefore, findIncises, nonSpeechCue, opensSentence, speechLike, type Attribution } from './attribute.js';
import { cueForward, type Cue, type CueContext } from './cues.js';
import { Discourse, WEIGHT } from './discourse.js';
import { hasClass, usePos } from './grammar.js';
import { linkRoles } from './links.js';
import { scanRegions, trimmedSpan, type Region } from './marks.js';
import { resolveCue, type Resolved } from './resolve.js';
import { findTurns } from './turns.js';
import type { NonSpeechKind, Quote, QuoteKind, Speaker, SpeakerMethod } from './types.js';
import { buildFrame, type Frame } from './view.js';
import { hasLetterOrNumber, startsLower } from '../core/letters.js';

export type QuotesInput = Pick<Analysis, 'text' | 'paragraphs' | 'sentences' | 'tokens' | 'mentions' | 'entities'>;

export interface ExtractOptions {
  /** Keep quoted material that is not speech (kind `mention`). */
  allQuotes?: boolean;
  /** Keep the rule that attributed each quotation. */
  explain?: boolean;
}

interface Located {
  frame: Frame;
  index: number;
}

/** What the analysis of one region found, before speakers are resolved. */
interface Draft {
  region: Region;
  segments: Span[];
  kind: QuoteKind;
  why?: NonSpeechKind;
  attribution?: Attribution;
  slogan: boolean;
  headline: boolean;
  standalone: boolean;
  /** Frame and sentence of its first part, to tell quotations of one sentence. */
  sentenceKey: string;
  paragraph: number;
  resolved?: Resolved | null;
  method?: SpeakerMethod;
  rule: string;
}

/** Headlines are short first paragraphs of a text with several. */
const MAX_HEADLINE = 250;

/** Finds the quotations of a tokenised text, with their speakers resolved against its entities. */
export function extractQuotes(analysis: QuotesInput, options: ExtractOptions = {}): Quote[] {
  const { text, paragraphs, tokens } = analysis;
  const turns = findTurns(text, paragraphs);
  const regions = scanRegions(text, paragraphs, turns);
  const quoted = new Uint8Array(text.length + 1);
  for (const r of regions) for (const p of r.parts) quoted.fill(1, p.start, p.end);
  const discourse = new Discourse(analysis, (o) => quoted[o] === 1);
  const ctx: CueContext = { text, discourse };
  usePos(tokens.some((t) => t.pos) ? (item) => (item.token !== undefined ? tokens[item.token]!.pos : undefined) : undefined);

  const paragraphStarts = paragraphs.map((p) => p.start);
  const paragraphOf = (offset: number) => Math.max(0, lowerBound(paragraphStarts.length, (i) => paragraphStarts[i]! <= offset) - 1);

  // frames: each paragraph with its top-level quotations folded, and each part of each quotation
  const topByParagraph = new Map<number, Region[]>();
  const children = new Map<number, Region[]>();
  for (const r of regions) {
    if (r.parent === undefined) {
      const seen = new Set<number>();
      for (const p of r.parts) {
        const pi = paragraphOf(p.start);
        if (seen.has(pi)) continue;
        seen.add(pi);
        topByParagraph.set(pi, [...(topByParagraph.get(pi) ?? []), r]);
      }
    } else children.set(r.parent, [...(children.get(r.parent) ?? []), r]);
  }
  const locations = new Map<number, Located[]>();
  const register = (frame: Frame, key: string) => {
    frame.items.forEach((it, index) => {
      if (it.region === undefined) return;
      const list = locations.get(it.region) ?? [];
      list.push({ frame, index });
      locations.set(it.region, list);
    });
    frameKeys.set(frame, key);
  };
  const frameKeys = new Map<Frame, string>();
  const paragraphFrames = paragraphs.map((p, pi) => {
    const f = buildFrame(text, tokens, p.start, p.end, topByParagraph.get(pi) ?? []);
    register(f, `p${pi}`);
    return f;
  });
  const ownFrames = new Map<number, Frame[]>();
  for (const r of regions) {
    const frames = r.parts.map((part, k) => {
      const f = buildFrame(text, tokens, part.start, part.end, children.get(r.id) ?? []);
      register(f, `r${r.id}.${k}`);
      return f;
    });
    ownFrames.set(r.id, frames);
  }
  for (const f of paragraphFrames) linkRoles(f.items, ctx);
  discourse.inferGenders();

  const headlineParagraph = paragraphs.length > 1 && paragraphs[0]!.text.length <= MAX_HEADLINE && !/[.:]$/.test(paragraphs[0]!.text) ? 0 : -1;
  const drafts: Draft[] = regions.map((r) => draft(r));

  function draft(r: Region): Draft {
    const frames = ownFrames.get(r.id)!;
    const segments: Span[] = [];
    let inciseAttribution: Attribution | undefined;
    r.parts.forEach((part, k) => {
      const items = frames[k]!.items;
      const incises = findIncises(items, ctx);
      let from = part.start;
      for (const inc of incises) {
        const sep = items[inc.at]!;
        const to = sep.text === ',' || sep.text === '—' || sep.text === '–' ? sep.start : sep.end;
        const seg = trimmedSpan(text, from, to);
        if (seg.end > seg.start) segments.push(seg);
        from = inc.resume < items.length ? items[inc.resume]!.start : part.end;
        inciseAttribution ??= inc.attribution;
      }
      const seg = trimmedSpan(text, from, part.end);
      if (seg.end > seg.start) segments.push(seg);
    });
    if (!segments.length && r.parts[0]) segments.push(r.parts[0]);
    const locs = locations.get(r.id) ?? [];
    const first = locs[0];
    const last = locs[locs.length - 1];
    const paragraph = r.paragraph;
    const base = { region: r, segments, slogan: false, headline: paragraph === headlineParagraph, paragraph };
    if (r.mark === 'dash' || r.mark === 'label') {
      return {
        ...base,
        kind: 'dialogue',
        ...(inciseAttribution && { attribution: inciseAttribution }),
        standalone: true,
        sentenceKey: `turn${r.id}`,
        rule: inciseAttribution ? 'turn-incise' : 'turn',
      };
    }
    if (!first || !last) return { ...base, kind: 'mention', why: 'term', standalone: false, sentenceKey: `r${r.id}`, rule: 'unplaced' };
    const items = first.frame.items;
    const sentence = first.frame.sentences[first.frame.sentenceOf[first.index]!]!;
    const [lo, hi] = sentence;
    const standalone = opensSentence(items, first.index, lo);
    const sentenceKey = `${frameKeys.get(first.frame)}:${first.frame.sentenceOf[first.index]}`;
    const cue = nonSpeechCue(items, first.index);
    if (cue && cue.why !== 'slogan') return { ...base, kind: 'mention', why: cue.why as NonSpeechKind, standalone, sentenceKey, rule: `non-speech:${cue.cue}` };
    if (cue) return { ...base, kind: 'direct', slogan: true, standalone, sentenceKey, rule: 'slogan' };
    const before = attributeBefore(items, first.index, lo, hi, ctx);
    const lastSentence = last.frame.sentences[last.frame.sentenceOf[last.index]!]!;
    const after = attributeAfter(last.frame.items, last.index, lastSentence[1], ctx);
    const attribution = inciseAttribution ?? (standalone ? after ?? before : before ?? after);
    const direct = standalone || (attribution === before && before?.direct === true);
    const kind: QuoteKind = direct ? 'direct' : 'partial';
    const rule = inciseAttribution ? 'incise' : attribution ? `${attribution.frame}${attribution.verb ? '-verb' : ''}` : 'unattributed';
    if (attribution && (attribution.cue || attribution.verb)) return { ...base, kind, attribution, standalone, sentenceKey, rule };
    const content = frames.flatMap((f) => f.items);
    if (speechLike(segments.map((s) => s.text).join(' '), content) || (standalone && endsItsSentence(first.frame, first.index, hi))) {
      return { ...base, kind, standalone, sentenceKey, rule };
    }
    return { ...base, kind: 'mention', why: scareOrTerm(items, first.index, segments), standalone, sentenceKey, rule: 'non-speech:short' };
  }

  // resolve speakers in text order: earlier speakers are salient for later pronouns
  let interviewee: Resolved | undefined;
  const byId = new Map(drafts.map((d) => [d.region.id, d]));
  const done = new Set<number>();
  for (const d of drafts) {
    if (done.has(d.region.id)) continue;
    if (d.kind === 'dialogue') {
      for (const t of dialogueBlock(d)) done.add(t.region.id);
      continue;
    }
    done.add(d.region.id);
    if (d.kind === 'mention' || d.slogan) {
      d.resolved = null;
      continue;
    }
    const outer = d.region.parent !== undefined ? byId.get(d.region.parent)?.resolved : undefined;
    if (d.attribution?.cue) {
      d.resolved = resolveCue(d.attribution.cue, { discourse, outer: outer ?? null });
      d.method = methodOf(d.attribution, d.resolved);
      noteSpeaker(d.resolved, d.attribution.cue);
      continue;
    }
    if (d.headline) continue; // after the body
    const previous = continuationSource(d);
    if (previous?.resolved !== undefined) {
      d.resolved = previous.resolved && { ...previous.resolved };
      d.method = 'continuation';
      if (!d.attribution?.verb && previous.attribution?.verb && previous.sentenceKey === d.sentenceKey) d.attribution = { ...previous.attribution, cue: undefined as never };
      d.rule = 'continuation';
    } else d.resolved = null;
  }
  for (const d of drafts) if (d.headline && d.resolved === undefined && d.kind !== 'mention') resolveHeadline(d);

  function noteSpeaker(resolved: Resolved, cue: Cue): void {
    if (resolved.entity) discourse.addEvent(resolved.entity, cue.span.start, WEIGHT.speaker);
  }

  /** The quotation whose speaker an unattributed one continues: same sentence, or the previous one nearby. */
  function continuationSource(d: Draft): Draft | undefined {
    const index = drafts.indexOf(d);
    for (let k = index - 1; k >= 0; k--) {
      const p = drafts[k]!;
      if (p.kind === 'mention' || p.slogan || p.region.depth !== d.region.depth || p.resolved === undefined) continue;
      if (p.region.parent !== d.region.parent) continue;
      if (p.sentenceKey === d.sentenceKey) return p;
      if (!d.standalone) return undefined;
      if (p.kind === 'dialogue') return undefined;
      const gap = d.paragraph - lastParagraph(p);
      return gap <= 1 && !namesBetween(p, d) ? p : undefined;
    }
    return undefined;
  }

  function lastParagraph(d: Draft): number {
    return paragraphOf(d.region.parts[d.region.parts.length - 1]!.start);
  }

  /** Another person named as a subject between two quotations breaks the continuation. */
  function namesBetween(a: Draft, b: Draft): boolean {
    const from = a.region.close;
    const to = b.region.open;
    for (let o = from; o < to; o++) {
      const m = discourse.mentionIndexAt(o);
      if (m < 0) continue;
      const mention = discourse.mentions[m]!;
      o = mention.end;
      if (mention.type === 'PER' && mention.entity !== a.resolved?.entity && quoted[mention.start] !== 1) return true;
    }
    return false;
  }

  function resolveHeadline(d: Draft): void {
    const words = (s: string) => new Set(s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 2));
    const mine = words(d.segments.map((s) => s.text).join(' '));
    let best: Draft | undefined;
    let bestOverlap = 0.6;
    for (const other of drafts) {
      if (other === d || other.headline || !other.resolved) continue;
      const theirs = words(other.segments.map((s) => s.text).join(' '));
      let shared = 0;
      for (const w of mine) if (theirs.has(w)) shared++;
      const overlap = mine.size ? shared / mine.size : 0;
      if (overlap > bestOverlap) {
        best = other;
        bestOverlap = overlap;
      }
    }
    const source = best?.resolved ?? interviewee;
    d.resolved = source ? { ...source, mention: null } : null;
    d.method = 'continuation';
    d.rule = best ? 'headline-repeats' : source ? 'headline-interview' : 'headline';
  }

  /** Speakers of a run of dialogue turns: labels, incises, then alternation between two people. */
  function dialogueBlock(first: Draft): Draft[] {
    const start = drafts.indexOf(first);
    const block: Draft[] = [];
    for (let k = start; k < drafts.length; k++) {
      const t = drafts[k]!;
      if (t.kind !== 'dialogue') {
        if (t.region.depth > 0) continue;
        break;
      }
      if (block.length && t.region.paragraph !== block[block.length - 1]!.region.paragraph + 1) break;
      block.push(t);
    }
    if (first.region.mark === 'label') {
      for (const t of block) {
        const label = t.region.label!;
        const key = label.text.toLowerCase().replace(/\.$/, '');
        const m = discourse.mentionIndexAt(label.start);
        if (m >= 0) {
          const r = discourse.referents.get(discourse.mentions[m]!.entity);
          t.resolved = r ? { name: r.canonical, type: r.type, entity: r.id, mention: label, via: 'name', confidence: 0.9 } : { name: label.text, mention: label, via: 'name', confidence: 0.7 };
          if (r?.type === 'PER') interviewee ??= t.resolved;
        } else if (key === 'r' || key === 'réponse') {
          t.resolved = null;
        } else t.resolved = key === 'q' || key === 'question' ? { name: null, mention: label, via: 'name', confidence: 0.6 } : { name: label.text, mention: label, via: 'name', described: true, confidence: 0.6 };
        t.method = 'name';
      }
      const answer = interviewee ?? introPerson(first);
      for (const t of block) {
        const key = t.region.label!.text.toLowerCase().replace(/\.$/, '');
        if ((key === 'r' || key === 'réponse') && answer) t.resolved = { ...answer, mention: null };
      }
      return block;
    }
    // em-dash turns: incises fix some speakers, the others alternate
    const fixed: (Resolved | null | undefined)[] = block.map((t) => (t.attribution?.cue ? resolveCue(t.attribution.cue, { discourse }) : undefined));
    block.forEach((t, k) => {
      const r = fixed[k];
      if (r && t.attribution?.cue) noteSpeaker(r, t.attribution.cue);
    });
    const anchor = fixed.findIndex((r) => r && r.name);
    let a: Resolved | null;
    let b: Resolved | null;
    let parityA: number;
    if (anchor >= 0) {
      a = fixed[anchor]!;
      parityA = anchor % 2;
      b = otherParticipant(first, a);
    } else {
      // an interview: the reporter asks (no name), the person introduced answers
      const person = introPerson(first);
      const asks = /\?\s*$/.test(block[0]!.segments[0]?.text ?? '') || !person;
      a = asks ? null : person ?? null;
      b = asks ? person ?? null : null;
      parityA = 0;
      if (person) interviewee ??= person;
    }
    block.forEach((t, k) => {
      const own = fixed[k];
      if (own !== undefined) {
        t.resolved = own;
        t.method = own ? methodOf(t.attribution!, own) : 'name';
        return;
      }
      const who = k % 2 === parityA ? a : b;
      t.resolved = who ? { ...who, mention: null } : null;
      t.method = 'alternation';
      t.rule = 'alternation';
    });
    return block;
  }

  /** The person introduced before a dialogue: the most salient one at its start. */
  function introPerson(first: Draft): Resolved | undefined {
    const r = discourse.best(first.region.open, (x) => x.type === 'PER');
    return r ? { name: r.canonical, type: r.type, entity: r.id, mention: null, via: 'name', confidence: 0.7 } : undefined;
  }

  /** The other person of a two-party dialogue: named or given a role in the paragraph before it. */
  function otherParticipant(first: Draft, a: Resolved): Resolved | null {
    const pi = first.region.paragraph - 1;
    if (pi >= 0) {
      const items = paragraphFrames[pi]!.items;
      for (let i = 0; i < items.length; i++) {
        if (!hasClass(items[i], 'det') && discourse.mentionIndexAt(items[i]!.start) < 0) continue;
        const found = cueForward(items, i, items.length, ctx);
        if (!found) continue;
        if (found.cue.kind === 'name' || found.cue.kind === 'role') {
          const res = resolveCue(found.cue, { discourse });
          if (res.entity && res.entity !== a.entity && res.type === 'PER') return { ...res, mention: null, via: 'name' };
        }
        i = Math.max(i, found.end - 1);
      }
    }
    const r = discourse.best(first.region.open, (x) => x.type === 'PER' && x.id !== a.entity);
    return r ? { name: r.canonical, type: r.type, entity: r.id, mention: null, via: 'name', confidence: 0.5 } : null;
  }

  // output: quotations in text order, nested ones pointing at their parent
  const kept = drafts.filter((d) => options.allQuotes || d.kind !== 'mention');
  const indexOf = new Map(kept.map((d, i) => [d.region.id, i]));
  return kept.map((d) => toQuote(d, indexOf, options, text));
}

function endsItsSentence(frame: Frame, index: number, hi: number): boolean {
  for (let m = index + 1; m < hi; m++) if (hasLetterOrNumber(frame.items[m]!.text)) return false;
  return true;
}

function scareOrTerm(items: Frame['items'], q: number, segments: Span[]): NonSpeechKind {
  const oneWord = segments.length === 1 && !/[\s\u00a0\u202f]/.test(segments[0]!.text);
  const prev = items[q - 1];
  // un été « normal »: a lone word after a noun
  return oneWord && prev && startsLower(prev.text) && !hasClass(prev, 'det') && !hasClass(prev, 'prep') ? 'scare' : 'term';
}

function methodOf(a: Attribution, r: Resolved): SpeakerMethod {
  if (a.frame === 'colon') return 'colon';
  if (a.frame === 'selon' || a.frame === 'source') return 'selon';
  return r.via;
}

function toQuote(d: Draft, indexOf: Map<number, number>, options: ExtractOptions, text: string): Quote {
  const first = d.segments[0]!;
  const last = d.segments[d.segments.length - 1]!;
  const start = first.start;
  const end = last.end;
  const r = d.resolved;
  const speaker: Speaker | null =
    d.kind === 'mention' || r === undefined || r === null
      ? null
      : {
          name: r.name,
          ...(r.type && { type: r.type }),
          ...(r.entity && { entity: r.entity }),
          mention: r.mention,
          method: d.method ?? r.via,
          inferred: (d.method ?? r.via) !== 'name' && !(d.method === 'colon' || d.method === 'selon') ? true : r.via !== 'name',
          ...(r.described && { described: true }),
        };
  const v = d.kind === 'mention' ? undefined : d.attribution?.verb;
  const parent = d.region.parent !== undefined ? indexOf.get(d.region.parent) : undefined;
  const confidence = Math.round(100 * (d.kind === 'mention' ? 0.6 : Math.min(d.attribution?.confidence ?? 0.5, r ? r.confidence : 0.5) * (d.region.unterminated ? 0.7 : 1))) / 100;
  return {
    start,
    end,
    text: text.slice(start, end),
    parts: d.segments,
    kind: d.kind,
    ...(d.why && { why: d.why }),
    speaker,
    verb: v ? { ...v.span, lemma: v.group.lemma } : null,
    ...(parent !== undefined && { parent }),
    ...(d.region.unterminated && { unterminated: true }),
    confidence,
    ...(options.explain && { rule: d.rule }),
  };
}
