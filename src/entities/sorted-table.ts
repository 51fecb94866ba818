import { readFileSync } from 'node:fs';
import { endianness } from 'node:os';

const TAB = 9;
const NEWLINE = 10;
const SPACE = 32;

/**
 * A generated TSV table searched in place: '#' header lines, then one line per key, sorted by the
 * UTF-8 bytes of the first column, with a sidecar `.idx` file (Uint32 little-endian): the number
 * of lines n, where each line starts and where the last one ends (n + 1 offsets), then a Bloom
 * filter of the keys' first words (a power of two of words; none when empty). Loading is two
 * file reads, with no decoding, no split and no object per row; a lookup is one hash for the
 * filter — most words of a text are in no list — then a binary search over the lines, the word
 * encoded as it is compared. `npm run build:entities` writes the tables and their indexes.
 *
 * A key may be several words joined by spaces (the gazetteer's pre-tokenized names): `narrow`
 * then matches it word by word. Keys hold no byte below '!' but those spaces, so a key and the
 * keys it opens ("Côte", "Côte d' Ivoire") sort together, before "Côte-d'Or".
 */
export class SortedTable {
  /** Number of lines (keys). */
  readonly size: number;
  /** `lines[k]` is where line k starts; lines[size] is the end of the last line's newline. */
  private readonly lines: Uint32Array;
  private readonly bloom: Uint32Array;
  private readonly bloomMask: number;

  /** `index` as the .idx file holds it (see tableIndex). */
  constructor(
    readonly data: Buffer,
    index: Uint32Array,
  ) {
    this.size = index[0]!;
    this.lines = index.subarray(1, this.size + 2);
    this.bloom = index.subarray(this.size + 2);
    this.bloomMask = this.bloom.length * 32 - 1;
  }

  /** False when no key opens with the first word of `word` (up to a space); true when one may. */
  mayOpen(word: string): boolean {
    if (!this.bloom.length) return true;
    const h = firstWordHash(word);
    const a = h & this.bloomMask;
    const b = secondHash(h) & this.bloomMask;
    return (this.bloom[a >>> 5]! & (1 << (a & 31))) !== 0 && (this.bloom[b >>> 5]! & (1 << (b & 31))) !== 0;
  }

  /** Reads `path` (a .tsv) and its index (the same path ending in .idx). */
  static read(path: string): SortedTable {
    const data = readFileSync(path);
    const index = readFileSync(path.replace(/\.tsv$/, '.idx'));
    let lines: Uint32Array;
    if (endianness() === 'LE' && index.byteOffset % 4 === 0) lines = new Uint32Array(index.buffer, index.byteOffset, index.byteLength >> 2);
    else {
      lines = new Uint32Array(index.byteLength >> 2);
      for (let k = 0; k < lines.length; k++) lines[k] = index.readUInt32LE(k * 4);
    }
    return new SortedTable(data, lines);
  }

  /** The rest of the line (after the first tab; '' without one) whose key is exactly `key`. */
  get(key: string): string | undefined {
    if (!this.mayOpen(key)) return undefined;
    const line = this.lowerBound(0, this.size, 0, key, false);
    if (line >= this.size || this.compare(line, 0, key, false) !== 0) return undefined;
    const start = this.lines[line]!;
    const end = this.lines[line + 1]! - 1;
    const tab = this.data.indexOf(TAB, start);
    return tab < 0 || tab > end ? '' : this.data.toString('utf8', tab + 1, end);
  }

  has(key: string): boolean {
    if (!this.mayOpen(key)) return false;
    const line = this.lowerBound(0, this.size, 0, key, false);
    return line < this.size && this.compare(line, 0, key, false) === 0;
  }

  /**
   * Of the lines [from, to) — all sharing their key's first `at` bytes — the range of those whose
   * key goes on with the word `word`, then ends or has a space: [start, end), empty when none.
   * The line whose key ends right after the word comes first.
   */
  narrow(from: number, to: number, at: number, word: string): [number, number] {
    const lo = this.lowerBound(from, to, at, word, true);
    if (lo >= to || this.compare(lo, at, word, true) !== 0) return [lo, lo];
    let a = lo + 1;
    let hi = to;
    while (a < hi) {
      const mid = (a + hi) >>> 1;
      if (this.compare(mid, at, word, true) > 0) hi = mid;
      else a = mid + 1;
    }
    return [lo, hi];
  }

  /** Does the key of line `line` end after `length` bytes? */
  keyEndsAt(line: number, length: number): boolean {
    const b = this.data[this.lines[line]! + length];
    return b === TAB || b === NEWLINE;
  }

  /** The columns of line `line` (the key first). */
  columns(line: number): string[] {
    return this.data.toString('utf8', this.lines[line]!, this.lines[line + 1]! - 1).split('\t');
  }

  /** First line of [from, to) whose key segment at `at` compares ≥ `word` (`to` when none). */
  private lowerBound(from: number, to: number, at: number, word: string, spaceEnds: boolean): number {
    let lo = from;
    let hi = to;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.compare(mid, at, word, spaceEnds) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Compares the key segment of line `line` from byte `at` (up to a tab, the line's end, or a
   * space when `spaceEnds`) with the UTF-8 bytes of `word`: negative when the segment sorts first.
   */
  private compare(line: number, at: number, word: string, spaceEnds: boolean): number {
    const { data } = this;
    let p = this.lines[line]! + at;
    for (let k = 0; k < word.length; k++) {
      let c = word.charCodeAt(k);
      if (c < 0x80) {
        const b = data[p++]!;
        if (b === TAB || b === NEWLINE || (spaceEnds && b === SPACE)) return -1;
        if (b !== c) return b - c;
        continue;
      }
      if (c >= 0xd800 && c < 0xdc00 && k + 1 < word.length) {
        const low = word.charCodeAt(k + 1);
        if (low >= 0xdc00 && low < 0xe000) {
          c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
          k++;
        }
      }
      // The code point's UTF-8 bytes, lead byte first.
      const n = c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
      for (let s = n - 1; s >= 0; s--) {
        const e = s === n - 1 ? ((0xf00 >> n) & 0xff) | (c >> (6 * s)) : 0x80 | ((c >> (6 * s)) & 0x3f);
        const b = data[p++]!;
        if (b === TAB || b === NEWLINE || (spaceEnds && b === SPACE)) return -1;
        if (b !== e) return b - e;
      }
    }
    const b = data[p];
    return b === TAB || b === NEWLINE || (spaceEnds && b === SPACE) ? 0 : 1;
  }
}

/** Byte length of a word in UTF-8 (what a key advances by, word after word). */
export function utf8Length(word: string): number {
  let n = 0;
  for (let k = 0; k < word.length; k++) {
    const c = word.charCodeAt(k);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00 && k + 1 < word.length && word.charCodeAt(k + 1) >= 0xdc00 && word.charCodeAt(k + 1) < 0xe000) {
      n += 4;
      k++;
    } else n += 3;
  }
  return n;
}

/** FNV-1a hash of a word's first word (up to a space): the Bloom filter's first bit. Signed 32 bits: a small integer to V8. */
function firstWordHash(word: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c === SPACE) break;
    h = Math.imul(h ^ c, 0x01000193);
  }
  return h;
}

/** The Bloom filter's second bit, mixed from the first hash. */
function secondHash(h: number): number {
  const g = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  return g ^ (g >>> 13);
}

/**
 * The index of a table's text (see SortedTable): the lines after the '#' header, where each
 * starts, then a Bloom filter of the keys' first words, about 16 bits a word (`bloom: false`
 * for none, where lookups are few).
 */
export function tableIndex(text: string, bloom = true): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length && bytes[bytes.length - 1] !== NEWLINE) throw new Error('a table ends with a newline');
  const starts: number[] = [];
  let at = 0;
  while (at < bytes.length && bytes[at] === 0x23) at = bytes.indexOf(NEWLINE, at) + 1;
  for (; at < bytes.length; at = bytes.indexOf(NEWLINE, at) + 1) starts.push(at);
  const firstWords = new Set(
    bloom
      ? text
          .split('\n')
          .filter((line) => line && !line.startsWith('#'))
          .map((line) => line.split('\t', 1)[0]!.split(' ', 1)[0]!)
      : [],
  );
  let words = 0;
  if (firstWords.size) for (words = 1; words * 32 < firstWords.size * 16; ) words *= 2;
  const filter = new Uint32Array(words);
  for (const w of firstWords) {
    const h = firstWordHash(w);
    for (const bit of [h & (words * 32 - 1), secondHash(h) & (words * 32 - 1)]) filter[bit >>> 5]! |= 1 << (bit & 31);
  }
  const index = Buffer.alloc((starts.length + 2 + words) * 4);
  index.writeUInt32LE(starts.length, 0);
  starts.forEach((s, k) => index.writeUInt32LE(s, (k + 1) * 4));
  index.writeUInt32LE(bytes.length, (starts.length + 1) * 4);
  filter.forEach((w, k) => index.writeUInt32LE(w, (starts.length + 2 + k) * 4));
  return index;
}
