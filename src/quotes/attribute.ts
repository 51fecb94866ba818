import type { Span } from '../core/types.js';
import { clauseSubject, cueForward, phraseAt, placeOfOn, subjectBefore, type Cue, type CueContext } from './cues.js';
import { hasClass, isWord, looksVerbal, verbGroupAt, verbGroupFrom, type VerbGroup } from './grammar.js';
import { quotesLexicon, type CueEntry } from './lexicon.js';
import type { Item } from './view.js';
import { hasLetterOrNumber } from '../core/letters.js';

/** How a quotation's speaker phrase was found in the text. */
export type Frame = 'incise' | 'after' | 'before' | 'colon' | 'selon' | 'agent' | 'voice' | 'source';

export interface Attribution {
  cue?: Cue;
  verb?: { group: VerbGroup; span: Span };
  frame: Frame;
  /** The attributing phrase is anonymous on purpose (certains, une voisine) or there is none. */
  confidence: number;
}

const TERMINAL = new Set(['.', '!', '?', '…', '...']);
const SEPARATORS = new Set([',', '!', '?', '…', '...', '.', '—', '–']);
/** How far back a reporting verb may govern a quotation in its sentence. */
const MAX_GOVERNOR_DISTANCE = 40;
/** A det-introduced quotation (un « excès d'optimisme ») belongs to a reporting verb only this close. */
const NP_REACH = 3;
/** A quotation after a noun or a preposition (un vote « d'affichage », qualifie l'offre d'« aumône »). */
const ATTRIBUTE_REACH = 9;

const verbInfo = (items: readonly Item[], g: VerbGroup): Attribution['verb'] => {
  const it = items[g.main]!;
  return { group: g, span: { start: it.start, end: it.end, text: it.text } };
};

/** Whether the words before the quotation in its sentence are none (it opens the sentence). */
export function opensSentence(items: readonly Item[], q: number, lo: number): boolean {
  for (let m = lo; m < q; m++) if (isWord(items[m]) || items[m]!.region !== undefined) return false;
  return true;
}

/** Frames without a verb: "Selon X, « … »", "D'après X", "Pour X, « … »", "Aux yeux de X". Returns the cue and the first item after it. */
function frameAt(items: readonly Item[], m: number, hi: number, ctx: CueContext, allowPour: boolean): { cue: Cue; end: number; word: string } | undefined {
  const p = phraseAt(items, m, 'frame');
  if (!p) return undefined;
  const word = items.slice(m, p.end).map((x) => x.norm).join(' ');
  if (word === 'pour' && !allowPour) return undefined;
  if (word === 'par la voix de') return undefined;
  const found = cueForward(items, p.end, hi, ctx);
  if (!found) return undefined;
  if (word === 'pour' && found.cue.kind === 'role' && !found.cue.role) return undefined; // pour l'heure, pour la première fois
  return { cue: found.cue, end: found.end, word };
}

/**
 * The attribution found before a quotation at items[q] in its sentence [lo, q): a colon clause,
 * a "Selon X," frame, or the reporting verb that governs it and that verb's subject.
 */
export function attributeBefore(items: readonly Item[], q: number, lo: number, hi: number, ctx: CueContext): (Attribution & { direct: boolean }) | undefined {
  if (q <= lo) return undefined;
  const prev = items[q - 1]!;
  // X a déclaré : « … » / X s'est voulu rassurant : « … »
  if (prev.text === ':') {
    for (let j = q - 2; j >= lo; j--) {
      if (items[j]!.region !== undefined) break;
      const g = verbGroupAt(items, j, lo);
      if (!g || !g.finite) continue; // s'est voulu rassurant : — no reporting verb
      if (g.negated) return undefined;
      const cue = g.clitic ? pronounCue(items, g.clitic.item) : subjectOf(items, g, lo, ctx);
      return { ...(cue && { cue }), verb: verbInfo(items, g), frame: 'colon', confidence: 0.9, direct: true };
    }
    const cue = clauseSubject(items, lo, q - 1, ctx);
    if (cue) return { cue, frame: 'colon', confidence: 0.8, direct: true };
    return undefined;
  }
  // Selon X, « … » / Pour X, « … »
  const frame = frameAt(items, lo, q, ctx, true);
  if (frame && (frame.end === q || (items[frame.end]?.text === ',' && appositionUpTo(items, frame.end, q)))) {
    return { cue: frame.cue, frame: 'selon', confidence: 0.9, direct: true };
  }
  const governed = governingVerb(items, q, lo, hi, ctx);
  if (governed) return { ...governed, direct: false };
  // Selon X, la commune « … »
  for (let m = lo; m < q; m++) {
    const f = frameAt(items, m, q, ctx, m === lo);
    if (f) return { cue: f.cue, frame: 'selon', confidence: 0.8, direct: false };
  }
  return undefined;
}

/** Items [from, q) are ", apposition, apposition," with no verb: "Pour X, secrétaire de la section FO, « … »". */
function appositionUpTo(items: readonly Item[], from: number, q: number): boolean {
  if (items[q - 1]?.text !== ',') return false;
  for (let m = from; m < q; m++) if (items[m]!.region !== undefined || looksVerbal(items[m])) return false;
  return q - from <= 14;
}

function pronounCue(items: readonly Item[], i: number): Cue {
  const it = items[i]!;
  // the pronoun of "-t-il" without its hyphen and t
  const text = it.text.replace(/^-(?:t-)?/, '');
  const start = it.end - text.length;
  return { kind: 'pronoun', span: { start, end: it.end, text }, pronoun: text.toLowerCase() };
}

/** The subject of a verb group: its clitic, the phrase before it, or for a gerund (estimant que) the subject of the main clause. */
function subjectOf(items: readonly Item[], g: VerbGroup, lo: number, ctx: CueContext): Cue | undefined {
  if (g.clitic) return pronounCue(items, g.clitic.item);
  if (g.kind === 'gerund' || g.kind === 'infinitive' && !g.finite) return mainSubject(items, lo, g.first, ctx);
  if (items[g.first - 1]?.norm === 'et' || items[g.first - 1]?.norm === 'puis') {
    // coordinated: … rappelle que … et qualifie — the subject of the reporting verb before
    for (let j = g.first - 2; j >= lo; j--) {
      const prev = verbGroupAt(items, j, lo);
      if (prev && prev.finite) return subjectOf(items, prev, lo, ctx);
    }
    return mainSubject(items, lo, g.first, ctx);
  }
  const cue = subjectBefore(items, g.first, lo, ctx);
  if (cue?.kind === 'pronoun' && cue.pronoun === 'on') {
    const place = placeOfOn(items, lo, g.last + 4, ctx);
    if (place) return { kind: 'place', span: place.span, pronoun: cue.span, place };
  }
  return cue;
}

/** The subject of the sentence's first finite verb (for gerunds and coordinated verbs). */
function mainSubject(items: readonly Item[], lo: number, before: number, ctx: CueContext): Cue | undefined {
  const lex = quotesLexicon();
  for (let j = lo; j < before; j++) {
    const it = items[j]!;
    if (it.region !== undefined) continue;
    if (lex.auxiliaries.has(it.norm) || verbGroupAt(items, j, lo)?.finite || (j > lo && looksVerbal(it) && !hasClass(it, 'det'))) {
      let g = j;
      while (g > lo && (items[g - 1]!.norm === 'se' || items[g - 1]!.norm === "s'" || items[g - 1]!.norm === 'ne' || items[g - 1]!.norm === "n'")) g--;
      return subjectBefore(items, g, lo, ctx);
    }
  }
  return clauseSubject(items, lo, before, ctx);
}

const DETERMINERS_BEFORE = (it: Item | undefined) => hasClass(it, 'det');
const DE = new Set(['de', "d'", 'du', 'des', 'à', 'au', 'aux']);

/**
 * The reporting verb that governs the quotation at items[q]: the nearest one before it in the
 * sentence, as long as the quotation stands where that verb's words go — its object (a dénoncé
 * « … »), its que-clause (assure que … « … »), an attribute (qualifie l'offre d'« aumône »,
 * un vote « d'affichage »). A weak verb inside the que-clause of a verb of saying yields to it.
 */
function governingVerb(items: readonly Item[], q: number, lo: number, hi: number, ctx: CueContext): Attribution | undefined {
  const from = Math.max(lo, q - MAX_GOVERNOR_DISTANCE);
  let found: VerbGroup | undefined;
  for (let j = q - 1; j >= from; j--) {
    if (items[j]!.region !== undefined) continue;
    const g = verbGroupAt(items, j, lo);
    if (g && g.last < q) {
      found = g;
      break;
    }
  }
  if (!found || found.negated) return undefined;
  let g = found;
  let inClause = false;
  // the que-clause of an earlier verb of saying: l'Élysée a indiqué qu'il soutiendrait « … »
  for (let j = g.first - 1; j >= from; j--) {
    const it = items[j]!;
    if (it.norm === 'que' || it.norm === "qu'") {
      for (let v = j - 1; v >= Math.max(from, j - 3); v--) {
        const w = verbGroupAt(items, v, lo);
        if (w && !w.negated && w.last < j) {
          inClause = true;
          if (g.verbClass === 'weak' && w.verbClass === 'say') g = w;
          break;
        }
      }
      break;
    }
  }
  const distance = q - 1 - g.last;
  const p = items[q - 1]!;
  const clause = items.slice(g.last + 1, q).some((it) => it.norm === 'que' || it.norm === "qu'") || inClause;
  const contracted = p.norm === 'du' || p.norm === 'des' || p.norm === 'au' || p.norm === 'aux';
  const detBefore = DETERMINERS_BEFORE(p) || contracted;
  if (g.verbClass === 'qualify' && detBefore && !clause) return undefined; // jugent insuffisante la « prime … »: the object, a term
  let governs = false;
  if (distance === 0) governs = true;
  else if (detBefore) {
    // l'extension des « déserts médicaux », l'abandon du « troisième lien »: a name inside a noun phrase
    const nounAt = contracted ? q - 2 : DE.has(items[q - 2]?.norm ?? '') ? q - 3 : -1;
    const noun = nounAt > g.last ? items[nounAt] : undefined;
    const nounComplement = noun !== undefined && isWord(noun) && !looksVerbal(noun) && !hasClass(noun, 'det');
    governs = !nounComplement && (distance <= NP_REACH || clause);
  } else if (clause) governs = true;
  else governs = distance <= ATTRIBUTE_REACH;
  if (!governs) return undefined;
  let cue: Cue | undefined;
  let frame: Frame = 'before';
  // « … » par la voix de X / qualifié de « … » par X
  const tail = afterQuote(items, q, hi);
  const voice = voiceAfter(items, tail, hi, ctx);
  if (voice) {
    cue = voice;
    frame = 'voice';
  } else if (g.passive) {
    const agent = agentAfter(items, q + 1, hi, ctx);
    if (!agent) return undefined;
    cue = agent;
    frame = 'agent';
  } else cue = subjectOf(items, g, lo, ctx);
  return { ...(cue && { cue }), verb: verbInfo(items, g), frame, confidence: distance === 0 || clause ? 0.9 : 0.75 };
}

function afterQuote(items: readonly Item[], q: number, hi: number): number {
  let n = q + 1;
  while (n < hi && (items[n]!.text === ',' || items[n]!.text === ')')) n++;
  return n;
}

/** "par la voix de son orateur, Mathieu Ruffiac" anywhere after the quotation in its sentence. */
function voiceAfter(items: readonly Item[], from: number, hi: number, ctx: CueContext): Cue | undefined {
  for (let m = from; m < Math.min(hi, from + 6); m++) {
    const p = phraseAt(items, m, 'frame');
    if (p && items.slice(m, p.end).map((x) => x.norm).join(' ') === 'par la voix de') return cueForward(items, p.end, hi, ctx)?.cue;
  }
  return undefined;
}

/** The agent of a passive participle: « … » par Moscou. */
function agentAfter(items: readonly Item[], from: number, hi: number, ctx: CueContext): Cue | undefined {
  for (let m = from; m < Math.min(hi, from + 4); m++) {
    if (items[m]!.norm === 'par') return cueForward(items, m + 1, hi, ctx)?.cue;
    if (!isWord(items[m]) && items[m]!.text !== ',') break;
  }
  return undefined;
}

/**
 * The attribution after a quotation at items[q]: « … », a déclaré X / affirme-t-elle / selon lui /
 * peut-on lire dans un communiqué de X.
 */
export function attributeAfter(items: readonly Item[], q: number, hi: number, ctx: CueContext): Attribution | undefined {
  const n = afterQuote(items, q, hi);
  if (n >= hi) return undefined;
  const frame = frameAt(items, n, hi, ctx, false);
  if (frame) return { cue: frame.cue, frame: 'selon', confidence: 0.9 };
  // peut-on lire dans un communiqué de X / lit-on dans X
  const source = sourceAfter(items, n, hi, ctx);
  if (source) return source;
  const g = verbGroupFrom(items, n, hi);
  if (!g || g.negated) return undefined;
  if (g.clitic) {
    const cue = pronounCue(items, g.clitic.item);
    if (cue.kind === 'pronoun' && cue.pronoun === 'on') {
      const place = placeOfOn(items, g.last + 1, Math.min(hi, g.last + 6), ctx);
      if (place) return { cue: { kind: 'place', span: place.span, pronoun: cue.span, place }, verb: verbInfo(items, g), frame: 'after', confidence: 0.85 };
    }
    return { cue, verb: verbInfo(items, g), frame: 'after', confidence: 0.85 };
  }
  const subject = subjectAfterVerb(items, g.last + 1, hi, ctx);
  if (!subject) return undefined;
  return { cue: subject.cue, verb: verbInfo(items, g), frame: 'after', confidence: 0.95 };
}

/**
 * The subject after an inverted verb, past the adverbs and complements that may come first:
 * "a déclaré mardi Jean Castex", "a indiqué dimanche soir le ministre", "a confié à l'AFP le maire".
 */
function subjectAfterVerb(items: readonly Item[], from: number, hi: number, ctx: CueContext): { cue: Cue; end: number } | undefined {
  const direct = cueForward(items, from, hi, ctx);
  if (direct) return direct;
  let m = from;
  for (let step = 0; step < 5 && m < hi; step++) {
    const it = items[m]!;
    if (!isWord(it) || it.cap) return undefined;
    if (hasClass(it, 'prep')) {
      // à l'AFP, devant la presse: a preposition, a determiner, a word or a name
      m++;
      if (hasClass(items[m], 'det')) m++;
      m++;
    } else if (hasClass(it, 'det') || hasClass(it, 'pron') || looksVerbal(it)) return undefined;
    else m++;
    const found = cueForward(items, m, hi, ctx);
    if (found && (found.cue.kind === 'name' || found.cue.kind === 'role')) return found;
  }
  return undefined;
}

function sourceAfter(items: readonly Item[], n: number, hi: number, ctx: CueContext): Attribution | undefined {
  const lex = quotesLexicon();
  let m = n;
  if (lex.modals.has(items[m]?.norm ?? '')) m++;
  if (!items[m]?.norm.startsWith('-') && !lex.sourceVerbs.has(items[m]?.norm ?? '')) return undefined;
  if (items[m]?.norm.startsWith('-')) m++;
  if (!lex.sourceVerbs.has(items[m]?.norm ?? '')) return undefined;
  if (items[m + 1]?.norm.startsWith('-')) m++;
  m++;
  if (items[m]?.norm === 'dans' || items[m]?.norm === 'sur') m++;
  const found = cueForward(items, m, hi, ctx);
  if (!found) return undefined;
  return { cue: found.cue, frame: 'source', confidence: 0.7 };
}

/** Where an incise ends: after its subject, through appositions ("…, cheffe de file de la liste X."). */
function inciseEnd(items: readonly Item[], e: number, hi: number, pronounSubject: boolean): { end: number; resume: number } {
  for (let guard = 0; guard < 4; guard++) {
    if (e >= hi) return { end: hi, resume: hi };
    const it = items[e]!;
    if (TERMINAL.has(it.text)) return { end: e + 1, resume: e + 1 };
    if (it.text === ',') {
      const next = items[e + 1];
      if (pronounSubject || !next || !continuesIncise(items, e + 1)) return { end: e + 1, resume: e + 1 };
    }
    // an apposition or a circumstance: go to the next comma or full stop
    let m = e + 1;
    while (m < hi && items[m]!.text !== ',' && !TERMINAL.has(items[m]!.text) && items[m]!.region === undefined) m++;
    e = m;
  }
  return { end: e, resume: e };
}

/** After "X," inside a quotation: the incise goes on with an apposition (cheffe de file…, 52 ans, qui…, lors de…). */
function continuesIncise(items: readonly Item[], i: number): boolean {
  const it = items[i]!;
  if (it.cap) return false;
  if (/^\d/.test(it.text) && items[i + 1]?.norm === 'ans') return true;
  if (it.norm === 'qui' || hasClass(it, 'prep') && it.norm !== 'de') return true;
  const words: string[] = [];
  for (let k = hasClass(it, 'det') ? i + 1 : i; k < i + 4 && isWord(items[k]); k++) words.push(items[k]!.norm);
  const roles = quotesLexicon().roles.get(words[0] ?? '');
  return !!roles?.some((r) => r.words.every((w, k) => words[k] === w));
}

export interface Incise {
  /** Index of the separator before the incise and of the first item after it. */
  at: number;
  resume: number;
  attribution: Attribution;
}

/**
 * Incises inside a quotation part: « A, a-t-il expliqué, B », « A, souligne X, directrice du site. B »,
 * and the turn's tail "— Pourquoi ? demande la présidente."
 */
export function findIncises(items: readonly Item[], ctx: CueContext): Incise[] {
  const out: Incise[] = [];
  const hi = items.length;
  for (let i = 0; i < hi - 1; i++) {
    if (!SEPARATORS.has(items[i]!.text) || i === 0) continue;
    const n = i + 1;
    let attribution: Attribution | undefined;
    let e = n;
    let pronounSubject = false;
    const frame = frameAt(items, n, hi, ctx, false);
    if (frame) {
      attribution = { cue: frame.cue, frame: 'selon', confidence: 0.85 };
      e = frame.end;
    } else {
      const g = verbGroupFrom(items, n, hi);
      if (!g || g.negated || (g.person !== undefined && g.person !== 3 && !g.clitic)) continue;
      if (g.clitic) {
        attribution = { cue: pronounCue(items, g.clitic.item), verb: verbInfo(items, g), frame: 'incise', confidence: 0.9 };
        e = g.last + 1;
        pronounSubject = true;
      } else {
        const subject = subjectAfterVerb(items, g.last + 1, hi, ctx);
        if (!subject) continue;
        attribution = { cue: subject.cue, verb: verbInfo(items, g), frame: 'incise', confidence: 0.9 };
        e = subject.end;
      }
    }
    const { end, resume } = inciseEnd(items, e, hi, pronounSubject);
    void end;
    out.push({ at: i, resume, attribution });
    i = Math.max(i, resume - 1);
  }
  return out;
}

/** A non-speech cue around the quotation at items[q]: baptisé « … », le film « … », « … », un opéra, le slogan « … ». */
export function nonSpeechCue(items: readonly Item[], q: number): CueEntry | undefined {
  const lex = quotesLexicon();
  const match = (endAt: number): CueEntry | undefined => {
    for (let len = 3; len >= 1; len--) {
      const a = endAt - len + 1;
      if (a < 0) continue;
      const words = items.slice(a, endAt + 1).map((x) => x.norm);
      const entry = lex.cues.get(words[0]!)?.find((c) => c.words.length === len && c.words.every((w, k) => words[k] === w));
      if (entry) return entry;
    }
    return undefined;
  };
  let k = q - 1;
  let throughDe = false;
  // la qualification de « … », le titre « … »: skip one de/d' and a determiner
  for (let step = 0; step < 3 && k >= 0; step++) {
    const entry = match(k);
    if (entry && !(throughDe && entry.cue !== 'naming-de')) {
      if (entry.cue === 'status') {
        const before = items[k - 1]?.norm;
        if (before === 'été' || before === 'est' || before === 'sont' || before === 'était' || before === 'a') return entry;
      } else if (entry.cue !== 'distance' || step <= 1) return entry;
      return undefined;
    }
    const it = items[k]!;
    if (!(it.norm === 'de' || it.norm === "d'" || hasClass(it, 'det') || it.norm === 'en')) break;
    if (it.norm === 'de' || it.norm === "d'") throughDe = true;
    k--;
  }
  // « Les Indes galantes », un opéra baroque
  if (items[q + 1]?.text === ',' && hasClass(items[q + 2], 'det')) {
    const entry = match(q + 3);
    if (entry?.cue === 'work') return entry;
  }
  return undefined;
}

/** Words of a span that look like speech rather than a name: a verb, a person, a clause. */
export function speechLike(text: string, items: readonly Item[]): boolean {
  const words = text.split(/[\s\u00a0\u202f]+/).filter((w) => hasLetterOrNumber(w));
  if (words.length >= 8) return true;
  if (/[.!?;:]\s*\S/.test(text) || /[.!?…]$/.test(text) && words.length >= 3) return true;
  const personal = /(?:^|[\s'’])(?:je|j|nous|vous|tu|on|me|m|mon|ma|mes|notre|nos|votre)(?=[\s'’]|$)/i.test(text);
  const verbal = items.some((it) => looksVerbal(it));
  return words.length >= 3 && (personal || verbal);
}
