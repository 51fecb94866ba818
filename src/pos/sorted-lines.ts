/**
 * A sorted TSV file searched in place: lines are sorted by the bytes of their first column, so a
 * lookup is a binary search over the raw buffer and loading costs no parsing at all.
 * Leading lines that start with '#' are a header, outside the search.
 */
export class SortedLines {
  private readonly start: number;

  constructor(private readonly data: Buffer) {
    let at = 0;
    while (at < data.length && data[at] === 0x23) {
      const nl = data.indexOf(10, at);
      at = nl < 0 ? data.length : nl + 1;
    }
    this.start = at;
  }

  /** The rest of the line (after the first tab) whose first column is `key`, or undefined. */
  get(key: string): string | undefined {
    return findLine(this.data, this.start, this.data.length, key, false);
  }

  /** The rest of the last line whose first column sorts at or before `key`, or undefined. */
  floor(key: string): string | undefined {
    return findLine(this.data, this.start, this.data.length, key, true);
  }
}

const encoder = new TextEncoder();
/** The UTF-8 bytes of the key being searched: one buffer for every lookup. */
let scratch = new Uint8Array(256);

/**
 * The rest of the line of data[from, to) (whole lines, sorted) whose first column is `key` — or,
 * with `floor`, of the last line whose first column is at most `key` — or undefined.
 */
export function findLine(data: Buffer, from: number, to: number, key: string, floor: boolean): string | undefined {
  if (scratch.length < key.length * 3) scratch = new Uint8Array(key.length * 3);
  const length = encoder.encodeInto(key, scratch).written;
  const k = scratch;
  let lo = from;
  let hi = to;
  let below = -1;
  let belowEnd = -1;
  while (lo < hi) {
    let ls = (lo + hi) >> 1;
    while (ls > lo && data[ls - 1] !== 10) ls--;
    let le = data.indexOf(10, ls);
    if (le < 0 || le > hi) le = hi;
    const c = compareKey(k, length, data, ls, le);
    if (c === 0) return data.toString('utf8', ls + length + 1, le);
    if (c < 0) hi = ls;
    else {
      below = ls;
      belowEnd = le;
      lo = le + 1;
    }
  }
  if (!floor || below < 0) return undefined;
  let tab = below;
  while (tab < belowEnd && data[tab] !== 9) tab++;
  return data.toString('utf8', tab + 1, belowEnd);
}

/** Compares key[0, length) with the first column of data[from, to): negative when the key sorts before it. */
function compareKey(key: Uint8Array, length: number, data: Buffer, from: number, to: number): number {
  let i = 0;
  for (; i < length; i++) {
    const at = from + i;
    const b = at < to ? data[at]! : -1;
    if (b === 9 || b === -1) return 1;
    if (key[i] !== b) return key[i]! - b;
  }
  const next = from + i < to ? data[from + i]! : -1;
  return next === 9 || next === -1 ? 0 : -1;
}

/** Sorts TSV lines the way SortedLines searches them (bytes of the first column). */
export function sortLines(lines: string[]): string[] {
  const keyed = lines.map((line) => ({ line, key: Buffer.from(line.split('\t', 1)[0]!, 'utf8') }));
  keyed.sort((a, b) => Buffer.compare(a.key, b.key));
  return keyed.map((k) => k.line);
}
