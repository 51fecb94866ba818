/**
 * The tagger compiled for loading (lexicons/pos/tagger-tables.bin, written from tagger.bin by
 * `npm run compile:pos`): every table the tagger reads, as typed arrays viewed in the file buffer.
 * Loading parses no feature name and fills no Map.
 *
 * A feature is found from its parts, never from its name. The strings the templates read (a
 * word, an ending, a beginning, a lexicon class, a shape) are numbered in one hash table, and
 * each string lists its one-string features as (template, row) pairs. Features joining strings
 * (ww, wn, cs, cc) are keyed by the strings' ids in a second hash table; those joining a tag and
 * a string (t1w, t1c, n1w) give the string a block of rows indexed by tag; tag-only features are
 * tables indexed by tag. A name whose parts could be cut in more than one place at '|' (a word
 * holding '|', the classes 'ADJ|NOUN') is entered under every cut: whatever the parts a lookup
 * brings, it finds the row exactly when their joined name is a feature.
 *
 * File: the magic line, a JSON header line (for each pass: labels, meta, rows of the constant
 * features, sections as [type, byte offset, length]), zeros up to a multiple of 8 bytes, then
 * the sections, little-endian, each at a multiple of 4 bytes from there.
 */
import { ExtraitError } from '../core/errors.js';
import type { TaggerModel } from './model.js';

const MAGIC = 'EXTRAIT-POS-TABLES 1\n';

/** Templates reading one string: their index is the kind a string's feature list names. */
export const W0 = 0;
export const WM2 = 1;
export const WM1 = 2;
export const WP1 = 3;
export const WP2 = 4;
export const FORM = 5;
export const SUFFIX = 6;
export const PREFIX = 7;
export const S3M1 = 8;
export const S3P1 = 9;
export const SH0 = 10;
export const SHM1 = 11;
export const SHP1 = 12;
export const C0 = 13;
export const CM2 = 14;
export const CM1 = 15;
export const CP1 = 16;
export const CP2 = 17;
export const FIRST = 18;
export const INNER = 19;
/** The string's block of rows by tag (t1w: previous tag and word, t1c: previous tag and class, n1w: next tag and word). */
export const T1W = 20;
export const T1C = 21;
export const N1W = 22;

/** Prefix of each one-string template, with the longest string it can be looked up with. */
const ONE_STRING: [prefix: string, kind: number, maxLength: number][] = [
  ['w:', W0, Infinity],
  ['-2:w:', WM2, Infinity],
  ['-1:w:', WM1, Infinity],
  ['1:w:', WP1, Infinity],
  ['2:w:', WP2, Infinity],
  ['f:', FORM, Infinity],
  ['-1:s3:', S3M1, 3],
  ['1:s3:', S3P1, 3],
  ['sh:', SH0, Infinity],
  ['-1:sh:', SHM1, Infinity],
  ['1:sh:', SHP1, Infinity],
  ['c:', C0, Infinity],
  ['-2:c:', CM2, Infinity],
  ['-1:c:', CM1, Infinity],
  ['1:c:', CP1, Infinity],
  ['2:c:', CP2, Infinity],
  ['i:first|', FIRST, 1],
  ['i:in|', INNER, 1],
];
/** s1:…s5: and p1:…p3: read the ending (beginning) of exactly that many characters. */
const AFFIX = /^([sp])([1-9]):/;

/** Kinds of the features joining strings (the first key of a tuple). */
export const WW = 0;
export const WN = 1;
export const CS = 2;
export const CC = 3;
const JOINED: [prefix: string, kind: number, parts: number][] = [
  ['ww:', WW, 2],
  ['wn:', WN, 2],
  ['cs:', CS, 2],
  ['cc:', CC, 3],
];
const TAG_AND_STRING: [prefix: string, kind: number][] = [
  ['t1w:', T1W],
  ['t1c:', T1C],
  ['n1w:', N1W],
];
/** Tag-only templates: one tag (a table of T rows) or two (T × T). */
const TAG_TABLES: [prefix: string, tags: 1 | 2][] = [
  ['t1:', 1],
  ['t2:', 1],
  ['t12:', 2],
  ['n1:', 1],
  ['n2:', 1],
  ['n12:', 2],
  ['t1n1:', 2],
  ['a0:', 1],
];
export const BOUNDARY_TAGS = ['<s>', '<s2>', '</s>'];

const SECTIONS = {
  slots: Int32Array,
  stringStart: Uint32Array,
  chars: Uint16Array,
  featureStart: Uint32Array,
  featureKind: Uint8Array,
  featureRow: Int32Array,
  tupleSlots: Int32Array,
  tupleKeys: Int32Array,
  tupleRows: Int32Array,
  tagBlocks: Int32Array,
  tagRows: Int32Array,
  rowStart: Uint32Array,
  columns: Uint8Array,
  values: Float32Array,
} as const;
type SectionName = keyof typeof SECTIONS;
interface Sections {
  /** The string hash table: string ids (-1: empty slot), linear probing. */
  slots: Int32Array;
  /** String i is chars[stringStart[i], stringStart[i + 1]) (UTF-16 code units). */
  stringStart: Uint32Array;
  chars: Uint16Array;
  /** String i's one-string features: kinds and rows (a tag block's offset for T1W, T1C, N1W) in [featureStart[i], featureStart[i + 1]). */
  featureStart: Uint32Array;
  featureKind: Uint8Array;
  featureRow: Int32Array;
  /** The joined-strings hash table: entry ids (-1: empty), keys (kind, a, b, c or -1), rows. */
  tupleSlots: Int32Array;
  tupleKeys: Int32Array;
  tupleRows: Int32Array;
  /** Rows by tag id (T each) of the tag-and-string features. */
  tagBlocks: Int32Array;
  /** The tag-only features' tables (tagTable gives where each starts). */
  tagRows: Int32Array;
  /** Feature f's non-zero weights: values[rowStart[f] … rowStart[f + 1]] for the labels columns[…]. */
  rowStart: Uint32Array;
  columns: Uint8Array;
  values: Float32Array;
}

/** One pass of the tagger, compiled. */
export interface TaggerTables extends Sections {
  labels: string[];
  meta: Record<string, unknown>;
  /** Rows of the constant feature (b) and of the hyphen feature (hy); -1 when absent. */
  bias: number;
  hyphen: number;
  /** Offset in tagRows of each tag-only template's table (TAG_TABLES order). */
  tagTable: Record<string, number>;
}

function hashFinal(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x45d9f3b);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Hash of s[start, end) by UTF-16 code units. */
export function hashRange(s: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return hashFinal(h);
}

function hashTuple(kind: number, a: number, b: number, c: number): number {
  let h = Math.imul(0x811c9dc5 ^ kind, 0x01000193);
  h = Math.imul(h ^ a, 0x01000193);
  h = Math.imul(h ^ b, 0x01000193);
  return hashFinal(Math.imul(h ^ c, 0x01000193));
}

/** Id of the string s[start, end), or -1 when no feature reads it. */
export function stringId(t: TaggerTables, s: string, start: number, end: number): number {
  const { slots, stringStart, chars } = t;
  const mask = slots.length - 1;
  const length = end - start;
  for (let at = hashRange(s, start, end) & mask; ; at = (at + 1) & mask) {
    const id = slots[at]!;
    if (id < 0) return -1;
    const from = stringStart[id]!;
    if (stringStart[id + 1]! - from !== length) continue;
    let i = 0;
    while (i < length && chars[from + i] === s.charCodeAt(start + i)) i++;
    if (i === length) return id;
  }
}

/** The row of a string's one-string feature of that kind (or its tag block), -1 when none. */
export function featureOf(t: TaggerTables, id: number, kind: number): number {
  if (id < 0) return -1;
  const { featureStart, featureKind } = t;
  const end = featureStart[id + 1]!;
  for (let e = featureStart[id]!; e < end; e++) if (featureKind[e] === kind) return t.featureRow[e]!;
  return -1;
}

/** The row of a feature joining strings (c = -1 for two), -1 when none. */
export function tupleRow(t: TaggerTables, kind: number, a: number, b: number, c: number): number {
  if (a < 0 || b < 0) return -1;
  const { tupleSlots, tupleKeys } = t;
  const mask = tupleSlots.length - 1;
  for (let at = hashTuple(kind, a, b, c) & mask; ; at = (at + 1) & mask) {
    const e = tupleSlots[at]!;
    if (e < 0) return -1;
    const k = e * 4;
    if (tupleKeys[k] === kind && tupleKeys[k + 1] === a && tupleKeys[k + 2] === b && tupleKeys[k + 3] === c) return t.tupleRows[e]!;
  }
}

/** Every way to cut s at '|' into `parts` pieces. */
function cuts(s: string, parts: number): string[][] {
  if (parts === 1) return [[s]];
  const out: string[][] = [];
  for (let bar = s.indexOf('|'); bar >= 0; bar = s.indexOf('|', bar + 1)) {
    for (const rest of cuts(s.slice(bar + 1), parts - 1)) out.push([s.slice(0, bar), ...rest]);
  }
  return out;
}

/**
 * Whether a string can be a lexicon class (features.ts, index.ts): '' or distinct tags, sorted,
 * joined with '|' — the tags themselves hold no '|' (tests/pos-data.test.ts checks the lexicon).
 * The other cuts of a name at '|' are never looked up.
 */
function maybeClass(s: string): boolean {
  if (s === '') return true;
  const tags = s.split('|');
  return tags.every((t, i) => t !== '' && (i === 0 || tags[i - 1]! < t));
}

const tableSize = (count: number) => {
  let size = 16;
  while (size < count * 2) size *= 2;
  return size;
};

/** The compiled tables of one decoded pass. */
function compilePass(model: TaggerModel): { header: Record<string, unknown>; sections: Sections } {
  const tagNames = [...model.labels, ...BOUNDARY_TAGS];
  const tagIds = new Map(tagNames.map((t, i) => [t, i]));
  const T = tagNames.length;
  const strings = new Map<string, number>();
  const features: [string: number, kind: number, row: number][] = [];
  const tuples = new Map<string, [number, number, number, number, number]>();
  const blocks = new Map<string, Int32Array>();
  const id = (s: string) => {
    let i = strings.get(s);
    if (i === undefined) strings.set(s, (i = strings.size));
    return i;
  };
  const row = (name: string) => model.index.get(name) ?? -1;
  let bias = -1;
  let hyphen = -1;
  model.names.forEach((name, r) => {
    if (name === 'b') return void (bias = r);
    if (name === 'hy') return void (hyphen = r);
    const affix = AFFIX.exec(name);
    if (affix) {
      const rest = name.slice(affix[0].length);
      // s3:, p2:… are only ever looked up with that many characters
      if (rest.length === Number(affix[2])) features.push([id(rest), affix[1] === 's' ? SUFFIX : PREFIX, r]);
      return;
    }
    for (const [prefix, kind, maxLength] of ONE_STRING) {
      if (!name.startsWith(prefix)) continue;
      const rest = name.slice(prefix.length);
      if (rest.length <= maxLength) features.push([id(rest), kind, r]);
      return;
    }
    for (const [prefix, kind, parts] of JOINED) {
      if (!name.startsWith(prefix)) continue;
      for (const cut of cuts(name.slice(prefix.length), parts)) {
        // cs: joins a class and an ending of at most 3 characters; cc: three classes
        if (kind === CS && (cut[1]!.length > 3 || !maybeClass(cut[0]!))) continue;
        if (kind === CC && !cut.every(maybeClass)) continue;
        const ids = cut.map(id);
        const key: [number, number, number, number] = [kind, ids[0]!, ids[1]!, parts === 3 ? ids[2]! : -1];
        tuples.set(key.join(' '), [...key, r]);
      }
      return;
    }
    for (const [prefix, kind] of TAG_AND_STRING) {
      if (!name.startsWith(prefix)) continue;
      for (const [tag, s] of cuts(name.slice(prefix.length), 2) as [string, string][]) {
        const tagId = tagIds.get(tag);
        if (tagId === undefined) continue;
        const key = kind + ' ' + s;
        let block = blocks.get(key);
        if (!block) blocks.set(key, (block = new Int32Array(T).fill(-1)));
        block[tagId] = r;
      }
      return;
    }
    if (TAG_TABLES.some(([prefix]) => name.startsWith(prefix))) return;
    throw new ExtraitError('E_MODEL', `tagger model: feature ${JSON.stringify(name)} belongs to no template`);
  });
  const tagBlocks = new Int32Array(blocks.size * T);
  [...blocks].forEach(([key, block], b) => {
    const space = key.indexOf(' ');
    features.push([id(key.slice(space + 1)), Number(key.slice(0, space)), b * T]);
    tagBlocks.set(block, b * T);
  });

  const tagTable: Record<string, number> = {};
  const tagRows: number[] = [];
  for (const [prefix, tags] of TAG_TABLES) {
    tagTable[prefix] = tagRows.length;
    if (tags === 1) for (const t of tagNames) tagRows.push(row(prefix + t));
    else for (const a of tagNames) for (const b of tagNames) tagRows.push(row(prefix + a + '|' + b));
  }

  const names = [...strings.keys()];
  const stringStart = new Uint32Array(names.length + 1);
  let chars = 0;
  names.forEach((s, i) => {
    stringStart[i] = chars;
    chars += s.length;
  });
  stringStart[names.length] = chars;
  const charCodes = new Uint16Array(chars);
  names.forEach((s, i) => {
    for (let k = 0; k < s.length; k++) charCodes[stringStart[i]! + k] = s.charCodeAt(k);
  });
  const slots = new Int32Array(tableSize(names.length)).fill(-1);
  names.forEach((s, i) => {
    let at = hashRange(s, 0, s.length) & (slots.length - 1);
    while (slots[at]! >= 0) at = (at + 1) & (slots.length - 1);
    slots[at] = i;
  });

  // each string's features, by kind
  features.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const featureStart = new Uint32Array(names.length + 1);
  let f = 0;
  for (let s = 0; s < names.length; s++) {
    featureStart[s] = f;
    while (f < features.length && features[f]![0] === s) f++;
  }
  featureStart[names.length] = f;

  const tupleList = [...tuples.values()];
  const tupleKeys = new Int32Array(tupleList.length * 4);
  const tupleSlots = new Int32Array(tableSize(tupleList.length)).fill(-1);
  tupleList.forEach(([kind, a, b, c], e) => {
    tupleKeys.set([kind, a, b, c], e * 4);
    let at = hashTuple(kind, a, b, c) & (tupleSlots.length - 1);
    while (tupleSlots[at]! >= 0) at = (at + 1) & (tupleSlots.length - 1);
    tupleSlots[at] = e;
  });

  return {
    header: { labels: model.labels, meta: model.meta, bias, hyphen, tagTable },
    sections: {
      slots,
      stringStart,
      chars: charCodes,
      featureStart,
      featureKind: Uint8Array.from(features, (x) => x[1]),
      featureRow: Int32Array.from(features, (x) => x[2]),
      tupleSlots,
      tupleKeys,
      tupleRows: Int32Array.from(tupleList, (x) => x[4]),
      tagBlocks,
      tagRows: Int32Array.from(tagRows),
      rowStart: model.rowStart,
      columns: model.columns,
      values: model.values,
    },
  };
}

/** The tables file of decoded passes (deterministic: the same models give the same bytes). */
export function compileTables(models: readonly TaggerModel[], source: { file: string; bytes: number }): Buffer {
  const chunks: Buffer[] = [];
  let offset = 0;
  const passes = models.map((model) => {
    const { header, sections } = compilePass(model);
    const layout: Record<string, [string, number, number]> = {};
    for (const name of Object.keys(SECTIONS) as SectionName[]) {
      const array = sections[name];
      const bytes = Buffer.from(array.buffer, array.byteOffset, array.byteLength);
      layout[name] = [name, offset, array.length];
      chunks.push(bytes, Buffer.alloc((4 - (bytes.length % 4)) % 4));
      offset += bytes.length + ((4 - (bytes.length % 4)) % 4);
    }
    return { ...header, sections: layout };
  });
  const head = MAGIC + JSON.stringify({ generatedBy: 'npm run compile:pos', source, passes }) + '\n';
  const headBytes = Buffer.from(head, 'utf8');
  return Buffer.concat([headBytes, Buffer.alloc((8 - (headBytes.length % 8)) % 8), ...chunks]);
}

interface FileHeader {
  source: { file: string; bytes: number };
  passes: { labels: string[]; meta: Record<string, unknown>; bias: number; hyphen: number; tagTable: Record<string, number>; sections: Record<SectionName, [string, number, number]> }[];
}

/** The passes of a tables file, viewing its bytes (copied once if they are not 4-byte aligned). */
export function loadTables(file: Buffer, source: string): { passes: TaggerTables[]; header: FileHeader } {
  const bad = (why: string) => new ExtraitError('E_MODEL', `${source}: not tagger tables (${why}); run npm run compile:pos`);
  if (file.length < MAGIC.length || file.toString('latin1', 0, MAGIC.length) !== MAGIC) throw bad('bad magic');
  if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) throw bad('this machine is big-endian');
  const headEnd = file.indexOf(10, MAGIC.length);
  if (headEnd < 0) throw bad('no header');
  const header = JSON.parse(file.toString('utf8', MAGIC.length, headEnd)) as FileHeader;
  const start = headEnd + 1 + ((8 - ((headEnd + 1) % 8)) % 8);
  const data = (file.byteOffset + start) % 4 === 0 ? file : Buffer.from(file);
  const base = data.byteOffset + start;
  const passes = header.passes.map((p) => {
    const views = {} as Record<SectionName, unknown>;
    for (const name of Object.keys(SECTIONS) as SectionName[]) {
      const [, offset, length] = p.sections[name];
      const Type = SECTIONS[name];
      if (start + offset + length * Type.BYTES_PER_ELEMENT > data.length) throw bad('truncated');
      views[name] = new Type(data.buffer as ArrayBuffer, base + offset, length);
    }
    return { labels: p.labels, meta: p.meta, bias: p.bias, hyphen: p.hyphen, tagTable: p.tagTable, ...(views as Sections) };
  });
  return { passes, header };
}
