import type { Paragraph, Span } from '../core/types.js';
import { hasLetter } from '../core/letters.js';

/** How a region was opened: a quotation mark, an em-dash turn, or an interview label line. */
export type RegionMark = '«' | '“' | '”' | '„' | '"' | '‹' | '‘' | "'" | 'dash' | 'label';

/** Quoted material found by its marks, before any attribution: one quotation, maybe over several paragraphs. */
export interface Region {
  id: number;
  mark: RegionMark;
  /** Offset of the opening mark (of the dash or label for turns). */
  open: number;
  /** Offset of the closing mark, or the end of the last part when the quotation was left open. */
  close: number;
  /** Inner text of each paragraph the quotation covers, without marks and surrounding spaces. */
  parts: Span[];
  /** Enclosing region, for a nested quotation. */
  parent?: number;
  depth: number;
  paragraph: number;
  unterminated: boolean;
  /** For label turns (RFI : …): the label span. */
  label?: Span;
}

const CLOSER_OF: Partial<Record<RegionMark, string>> = {
  '«': '»',
  '“': '”',
  '”': '”',
  '„': '“”',
  '"': '"',
  '‹': '›',
  '‘': '’',
  "'": "'",
};

/** The characters scanRegions acts on. */
const MARKS = /[«‹„“»›”"‘’']/g;

/** How far to look for the closer of a single quote before taking it for an apostrophe. */
const SINGLE_QUOTE_REACH = 300;

export const isSpace = (c: string | undefined): boolean => c !== undefined && /\s/.test(c);
const isLetter = (c: string | undefined): boolean => c !== undefined && hasLetter(c);

/** Inner span of text[from, to) without the spaces (no-break or thin included) at its ends. */
export function trimmedSpan(text: string, from: number, to: number): Span {
  let s = from;
  let e = to;
  while (s < e && isSpace(text[s])) s++;
  while (e > s && isSpace(text[e - 1])) e--;
  return { start: s, end: e, text: text.slice(s, e) };
}

/** Where a dialogue turn or label line starts: the mark (dash or label) and its text. */
export interface TurnStart {
  mark: 'dash' | 'label';
  open: number;
  textStart: number;
  label?: Span;
}

interface Open {
  region: Region;
  partStart: number;
}

/**
 * Finds every quotation by its marks, in one pass over the paragraphs (linear in the text).
 * Nested marks nest; a closer with no opener is ignored; a quotation still open at the end of its
 * paragraph goes on in the next paragraph when that one opens with the same mark (the French
 * convention for long quotations), else it stops there and is flagged unterminated.
 * Dialogue turns (paragraphs opening with an em dash) and label lines are regions too when
 * `turns` says so; quotations inside them are nested in them.
 */
export function scanRegions(text: string, paragraphs: readonly Paragraph[], turns: ReadonlyMap<number, TurnStart> = new Map()): Region[] {
  const regions: Region[] = [];
  let stack: Open[] = [];

  const openRegion = (mark: RegionMark, open: number, partStart: number, paragraph: number) => {
    const parent = stack.length ? stack[stack.length - 1]!.region : undefined;
    const region: Region = {
      id: regions.length,
      mark,
      open,
      close: -1,
      parts: [],
      ...(parent && { parent: parent.id }),
      depth: stack.length,
      paragraph,
      unterminated: false,
    };
    regions.push(region);
    stack.push({ region, partStart });
  };
  const endPart = (o: Open, end: number) => {
    const span = trimmedSpan(text, o.partStart, end);
    o.region.parts.push(span);
  };
  const closeAt = (index: number, markPos: number) => {
    // regions above the one that closes were left open: they stop here
    for (let k = stack.length - 1; k > index; k--) {
      endPart(stack[k]!, markPos);
      stack[k]!.region.close = stack[k]!.region.parts.at(-1)!.end;
      stack[k]!.region.unterminated = true;
    }
    const o = stack[index]!;
    endPart(o, markPos);
    o.region.close = markPos;
    stack = stack.slice(0, index);
  };
  const findOpen = (closer: string): number => {
    for (let k = stack.length - 1; k >= 0; k--) {
      const region = stack[k]!.region;
      if (region.mark !== 'dash' && region.mark !== 'label' && CLOSER_OF[region.mark]!.includes(closer)) return k;
    }
    return -1;
  };

  paragraphs.forEach((p, pi) => {
    let i = p.start;
    if (stack.length) {
      const bottom = stack[0]!;
      const first = text[p.start];
      if (first !== undefined && bottom.region.mark !== 'dash' && bottom.region.mark !== 'label' && opensSameAs(bottom.region.mark, first)) {
        stack = [{ region: bottom.region, partStart: p.start + 1 }];
        i = p.start + 1;
      } else {
        stack = [];
      }
    }
    const turn = turns.get(pi);
    if (turn && !stack.length) {
      openRegion(turn.mark, turn.open, turn.textStart, pi);
      if (turn.label) stack[0]!.region.label = turn.label;
      i = turn.textStart;
    }
    // only quotation marks do anything: jump from one to the next
    for (MARKS.lastIndex = i; ; ) {
      const found = MARKS.exec(text);
      if (!found || found.index >= p.end) break;
      i = found.index;
      MARKS.lastIndex = i + 1;
      const c = found[0];
      const prev = i > p.start ? text[i - 1] : undefined;
      const next = i + 1 < p.end ? text[i + 1] : undefined;
      switch (c) {
        case '«':
          openRegion('«', i, i + 1, pi);
          break;
        case '‹':
          openRegion('‹', i, i + 1, pi);
          break;
        case '„':
          openRegion('„', i, i + 1, pi);
          break;
        case '“': {
          const k = findOpen('“');
          if (k >= 0 && stack[k]!.region.mark === '„') closeAt(k, i);
          else openRegion('“', i, i + 1, pi);
          break;
        }
        case '»':
        case '›': {
          const k = findOpen(c);
          if (k >= 0) closeAt(k, i);
          break;
        }
        case '”': {
          const k = findOpen('”');
          if (k >= 0) closeAt(k, i);
          else if ((prev === undefined || isSpace(prev)) && next !== undefined && !isSpace(next)) openRegion('”', i, i + 1, pi);
          break;
        }
        case '"': {
          const k = findOpen('"');
          if (k >= 0) closeAt(k, i);
          else if ((prev === undefined || isSpace(prev) || '([«—–-/'.includes(prev)) && next !== undefined && !isSpace(next)) openRegion('"', i, i + 1, pi);
          break;
        }
        case '‘':
          if (isLetter(next) && hasSingleCloser(text, i + 1, p.end, '’')) openRegion('‘', i, i + 1, pi);
          break;
        case '’': {
          // an apostrophe (l’État) never closes: a closing quote is not followed by a letter
          const k = findOpen('’');
          if (k >= 0 && !isLetter(next) && prev !== undefined && !isSpace(prev)) closeAt(k, i);
          break;
        }
        case "'": {
          const k = findOpen("'");
          if (k >= 0 && !isLetter(next) && prev !== undefined && !isSpace(prev)) closeAt(k, i);
          else if (stack.length && (prev === undefined || isSpace(prev) || '([«“"'.includes(prev)) && isLetter(next) && hasSingleCloser(text, i + 1, p.end, "'")) {
            openRegion("'", i, i + 1, pi);
          }
          break;
        }
      }
    }
    // paragraph end: whatever is still open stops here, for now
    const nextP = paragraphs[pi + 1];
    const carried: Open[] = [];
    for (let k = stack.length - 1; k >= 0; k--) {
      const o = stack[k]!;
      endPart(o, p.end);
      const continues =
        k === 0 && nextP !== undefined && o.region.mark !== 'dash' && o.region.mark !== 'label' && opensSameAs(o.region.mark, text[nextP.start]!) && !turns.has(pi + 1);
      if (continues) carried.push(o);
      else {
        o.region.close = o.region.parts.at(-1)!.end;
        // a turn ends with its paragraph: that is not an unterminated quotation
        if (o.region.mark !== 'dash' && o.region.mark !== 'label') o.region.unterminated = true;
      }
    }
    stack = carried;
  });
  return regions;
}

function opensSameAs(mark: RegionMark, c: string): boolean {
  if (mark === '«') return c === '«';
  if (mark === '“' || mark === '„') return c === '“' || c === '„';
  if (mark === '"') return c === '"';
  return false;
}

function hasSingleCloser(text: string, from: number, end: number, closer: string): boolean {
  const limit = Math.min(end, from + SINGLE_QUOTE_REACH);
  for (let j = from; j < limit; j++) {
    if (text[j] === closer && !isSpace(text[j - 1]) && !isLetter(text[j + 1])) return true;
  }
  return false;
}
