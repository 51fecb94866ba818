import { readFileSync } from 'node:fs';

/**
 * A TSV file looked up by its first column through a hash index built at build time: loading reads
 * two files and parses nothing, a lookup hashes the key and compares it with one or two lines.
 * The index (`<file>.idx`, little-endian u32): the byte length of the TSV it was built for, the
 * slot count (a power of two), then per slot 0 (empty) or 1 + the byte offset of a line; open
 * addressing, linear probing, FNV-1a over the key's UTF-8 bytes. Lines starting with '#' are not
 * indexed.
 */
export class IndexedLines {
  private constructor(
    private readonly data: Buffer,
    private readonly index: Buffer,
    private readonly mask: number,
  ) {}

  static read(tsvPath: string, indexPath: string = tsvPath.replace(/\.tsv$/, '.idx')): IndexedLines {
    const data = readFileSync(tsvPath);
    const index = readFileSync(indexPath);
    if (index.length < 8 || index.readUInt32LE(0) !== data.length || index.length !== 8 + 4 * index.readUInt32LE(4)) {
      throw new Error(`${indexPath} does not index ${tsvPath} as it is now: rebuild it`);
    }
    return new IndexedLines(data, index, index.readUInt32LE(4) - 1);
  }

  /** The rest of a leading comment line `name<TAB>…` (a header field), or undefined. */
  header(name: string): string | undefined {
    const { data } = this;
    for (let start = 0; start < data.length && data[start] === 0x23; ) {
      let end = data.indexOf(10, start);
      if (end < 0) end = data.length;
      const line = data.toString('utf8', start, end);
      if (line.startsWith(name + '\t')) return line.slice(name.length + 1);
      start = end + 1;
    }
    return undefined;
  }

  /** The rest of the line (after the first tab) whose first column is `key`, or undefined. */
  get(key: string): string | undefined {
    // ASCII keys (most words) are hashed and compared by their char codes, without encoding them
    let h = FNV_OFFSET;
    let ascii = true;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      if (c === 9 || c === 10) return undefined;
      if (c >= 0x80) {
        ascii = false;
        break;
      }
      h = Math.imul(h ^ c, FNV_PRIME);
    }
    if (ascii) return this.probe(h >>> 0, key.length, key);
    if (key.includes('\t') || key.includes('\n')) return undefined;
    const length = encode(key);
    return this.probe(hashBytes(scratch, length), length, undefined);
  }

  /** The line of the key: its char codes when ASCII, else its UTF-8 bytes in `scratch`. */
  private probe(hash: number, length: number, ascii: string | undefined): string | undefined {
    const { data, index } = this;
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      // little-endian u32 read by hand: Buffer#readUInt32LE validates its argument on every call
      const o = 8 + 4 * slot;
      const at = (index[o]! | (index[o + 1]! << 8) | (index[o + 2]! << 16) | (index[o + 3]! << 24)) >>> 0;
      if (at === 0) return undefined;
      const start = at - 1;
      let i = 0;
      if (ascii === undefined) while (i < length && data[start + i] === scratch[i]) i++;
      else while (i < length && data[start + i] === ascii.charCodeAt(i)) i++;
      if (i === length && data[start + i] === 9) {
        const end = data.indexOf(10, start + i);
        return data.toString('utf8', start + i + 1, end < 0 ? data.length : end);
      }
    }
  }
}

/** Builds the index of a TSV (its exact bytes): every line but comments needs a tab, keys are unique. */
export function buildLineIndex(data: Buffer): Buffer {
  const lines: [number, Buffer][] = [];
  const seen = new Set<string>();
  for (let start = 0; start < data.length; ) {
    let end = data.indexOf(10, start);
    if (end < 0) end = data.length;
    if (data[start] !== 0x23 && end > start) {
      const tab = data.indexOf(9, start);
      if (tab < 0 || tab > end) throw new Error(`line without a tab at byte ${start}`);
      const key = data.subarray(start, tab);
      const text = key.toString('utf8');
      if (seen.has(text)) throw new Error(`repeated key "${text}"`);
      seen.add(text);
      lines.push([start, key]);
    }
    start = end + 1;
  }
  let slots = 1;
  while (slots < lines.length * 2) slots *= 2;
  const table = new Uint32Array(slots);
  for (const [start, key] of lines) {
    let slot = hashBytes(key, key.length) & (slots - 1);
    while (table[slot] !== 0) slot = (slot + 1) & (slots - 1);
    table[slot] = start + 1;
  }
  const out = Buffer.alloc(8 + 4 * slots);
  out.writeUInt32LE(data.length, 0);
  out.writeUInt32LE(slots, 4);
  table.forEach((v, i) => out.writeUInt32LE(v, 8 + 4 * i));
  return out;
}

const encoder = new TextEncoder();
/** The UTF-8 bytes of the key being looked up: one buffer for every lookup. */
let scratch = new Uint8Array(64);

function encode(key: string): number {
  if (scratch.length < key.length * 3) scratch = new Uint8Array(key.length * 3);
  return encoder.encodeInto(key, scratch).written;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function hashBytes(bytes: Uint8Array, length: number): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < length; i++) h = Math.imul(h ^ bytes[i]!, FNV_PRIME);
  return h >>> 0;
}
