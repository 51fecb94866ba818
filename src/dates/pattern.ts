import { ExtraitError } from '../core/errors.js';
import { CLASSES, type ClassMatcher, type TokenView } from './classes.js';
import { normalizeWord } from './lexicon.js';

/** One alternative of a pattern element: a token class or a literal word. */
type Atom = { kind: 'class'; name: string; match: ClassMatcher } | { kind: 'word'; word: string };

export interface Element {
  atoms: Atom[];
  slot?: string;
  optional: boolean;
}

export interface Pattern {
  /** Context before the expression, in text order: matched, kept outside the span. */
  before: Element[];
  body: Element[];
  /** The token after the expression must not match this. */
  notAfter?: Element;
}

/** What a slot captured: the class (or word) that matched, its value and its tokens. */
export interface Capture {
  atom: string;
  value: unknown;
  start: number;
  end: number;
}

export interface PatternMatch {
  /** Token range of the expression (context excluded), end exclusive. */
  start: number;
  end: number;
  slots: Record<string, Capture>;
}

function parseAtom(source: string, where: string): Atom {
  if (/^[A-Z][A-Z0-9]*$/.test(source)) {
    const match = CLASSES[source];
    if (!match) throw new ExtraitError('E_LEXICON', `${where}: unknown class ${source}`);
    return { kind: 'class', name: source, match };
  }
  return { kind: 'word', word: normalizeWord(source) };
}

function parseElement(source: string, where: string): Element {
  let s = source;
  const optional = s.endsWith('?') && s.length > 1;
  if (optional) s = s.slice(0, -1);
  let slot: string | undefined;
  const colon = /^([a-z][a-z0-9]*):(.+)$/.exec(s);
  if (colon) {
    slot = colon[1];
    s = colon[2]!;
  }
  const atoms = s.split('|').map((a) => parseAtom(a, where));
  return { atoms, optional, ...(slot !== undefined && { slot }) };
}

/** Parses a pattern of lexicons/dates/rules.tsv (syntax in that file's header). */
export function parsePattern(source: string, where: string): Pattern {
  const before: Element[] = [];
  const body: Element[] = [];
  let notAfter: Element | undefined;
  for (const part of source.trim().split(/\s+/)) {
    if (notAfter) throw new ExtraitError('E_LEXICON', `${where}: !element must come last`);
    if (part.startsWith('^')) {
      if (body.length) throw new ExtraitError('E_LEXICON', `${where}: ^context must come first`);
      const e = parseElement(part.slice(1), where);
      if (e.optional || e.atoms.some((a) => a.kind === 'class')) throw new ExtraitError('E_LEXICON', `${where}: ^context takes words only`);
      before.push(e);
    } else if (part.startsWith('!') && part.length > 1) {
      notAfter = parseElement(part.slice(1), where);
    } else body.push(parseElement(part, where));
  }
  if (!body.some((e) => !e.optional)) throw new ExtraitError('E_LEXICON', `${where}: a pattern needs a required element`);
  return { before, body, ...(notAfter && { notAfter }) };
}

const NONE: { len: number; atom: string; value: unknown }[] = [];

/** Tokens an element matches at i (one per alternative that matches), with the value it read. */
function matchElement(e: Element, v: TokenView, i: number): { len: number; atom: string; value: unknown }[] {
  if (i >= v.tokens.length) return NONE;
  let out = NONE;
  const norm = v.norm[i];
  // index loops, not for…of: these run per token and rule, mostly in cold code where iterators cost
  for (let a = 0; a < e.atoms.length; a++) {
    const atom = e.atoms[a]!;
    if (atom.kind === 'word') {
      if (norm === atom.word) (out === NONE ? (out = []) : out).push({ len: 1, atom: atom.word, value: atom.word });
    } else {
      const m = atom.match(v, i);
      if (m && !crossesBreak(v, i, m.len)) (out === NONE ? (out = []) : out).push({ len: m.len, atom: atom.name, value: m.value });
    }
  }
  return out;
}

function crossesBreak(v: TokenView, i: number, len: number): boolean {
  for (let k = i + 1; k < i + len; k++) if (v.breakBefore[k]) return true;
  return false;
}

/**
 * Every way the pattern matches with its expression starting at token `start`, longest first.
 * The search walks the elements once per path; optional elements at most double the paths,
 * so the work is bounded by the pattern, never by the text.
 */
export function matchPattern(p: Pattern, v: TokenView, start: number): PatternMatch[] {
  const n = p.before.length;
  if (start - n < 0) return [];
  for (let k = 0; k < n; k++) {
    const i = start - n + k;
    // context and expression sit on one line
    if (v.breakBefore[i + 1]) return [];
    if (!hasWordAtom(p.before[k]!, v.norm[i]!)) return [];
  }
  const results: PatternMatch[] = [];
  walk(p, v, start, 0, start, [], results);
  return results.length > 1 ? results.sort((a, b) => b.end - a.end) : results;
}

function hasWordAtom(e: Element, norm: string): boolean {
  for (let a = 0; a < e.atoms.length; a++) {
    const atom = e.atoms[a]!;
    if (atom.kind === 'word' && norm === atom.word) return true;
  }
  return false;
}

/** Depth-first over the elements; `stack` holds the captures of the current path. */
function walk(p: Pattern, v: TokenView, start: number, e: number, i: number, stack: (Capture & { slot: string })[], results: PatternMatch[]): void {
  if (e === p.body.length) {
    if (i === start || results.some((r) => r.end === i)) return;
    if (p.notAfter && i < v.tokens.length && !v.breakBefore[i] && matchElement(p.notAfter, v, i).length) return;
    const slots: Record<string, Capture> = {};
    for (let k = 0; k < stack.length; k++) {
      const c = stack[k]!;
      slots[c.slot] = { atom: c.atom, value: c.value, start: c.start, end: c.end };
    }
    results.push({ start, end: i, slots });
    return;
  }
  const element = p.body[e]!;
  if (i === start || !v.breakBefore[i]) {
    const matches = matchElement(element, v, i);
    for (let k = 0; k < matches.length; k++) {
      const m = matches[k]!;
      if (element.slot) stack.push({ slot: element.slot, atom: m.atom, value: m.value, start: i, end: i + m.len });
      walk(p, v, start, e + 1, i + m.len, stack, results);
      if (element.slot) stack.pop();
    }
  }
  if (element.optional) walk(p, v, start, e + 1, i, stack, results);
}

/** Words or class names a pattern's expression can start with (for indexing rules by first token). */
export function firstKeys(p: Pattern): { words: string[]; classes: string[] } {
  const words: string[] = [];
  const classes: string[] = [];
  for (const e of p.body) {
    for (const a of e.atoms) (a.kind === 'word' ? words : classes).push(a.kind === 'word' ? a.word : a.name);
    if (!e.optional) break;
  }
  return { words, classes };
}
