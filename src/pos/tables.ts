/**
 * The tagger compiled for loading (lexicons/pos/tagger-tables.bin, written from tagger.bin by
 * `npm run compile:pos`): every table the tagger reads, as typed arrays read straight into the
 * memory of the WebAssembly core (core.wat), which looks them up. Loading parses no feature name
 * and fills no Map.
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
 * File: binary-sections.ts, the header giving each pass's labels, meta and rows of the constant
 * features, the sections of pass k named "k.…".
 */
import { ExtraitError } from '../core/errors.js';
import { encodeSections, readLayout, type TypedArray } from './binary-sections.js';
import { Core } from './core.js';
import type { TaggerModel } from './model.js';
import { buildStringTable, hashInts, tableSize, type StringTable } from './string-table.js';

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
/**
 * Templates joining a tag and a string (t1w: previous tag and word, t1c: previous tag and class,
 * n1w: next tag and word): the string's feature of kind base + tag id.
 */
export const T1W = 32;
export const T1C = 64;
export const N1W = 96;

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
  tupleKeys: Uint32Array,
  tupleRows: Int32Array,
  tagRows: Int32Array,
  rowStart: Uint32Array,
  columns: Uint8Array,
  values: Int16Array,
} as const;
type SectionName = keyof typeof SECTIONS;
/** The strings the features read (string-table.ts), then what each gives. */
interface Sections extends StringTable {
  /** String i's features: kinds and rows in [featureStart[i], featureStart[i + 1]), sorted by kind. */
  featureStart: Uint32Array;
  featureKind: Uint8Array;
  featureRow: Int32Array;
  /** The joined-strings hash table: entry ids (-1: empty), keys (a | b << 16, c + 1 | kind << 16), rows. */
  tupleSlots: Int32Array;
  tupleKeys: Uint32Array;
  tupleRows: Int32Array;
  /** The tag-only features' tables (tagTable gives where each starts). */
  tagRows: Int32Array;
  /**
   * Feature f's non-zero weights: for the labels columns[rowStart[f] … rowStart[f + 1]], the
   * float32 nearest values[…] × (1 / scale), as decodeModels reads them.
   */
  rowStart: Uint32Array;
  columns: Uint8Array;
  values: Int16Array;
}

/** One pass of the tagger, in the core's memory. */
export interface TaggerTables {
  core: Core;
  labels: string[];
  meta: Record<string, unknown>;
  /** Address of the pass's description (core.wat). */
  pass: number;
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

/** The compiled tables of one decoded pass. */
function compilePass(model: TaggerModel): { header: PassHeader; sections: Sections } {
  const tagNames = [...model.labels, ...BOUNDARY_TAGS];
  const tagIds = new Map(tagNames.map((t, i) => [t, i]));
  const T = tagNames.length;
  const strings = new Map<string, number>();
  const features: [string: number, kind: number, row: number][] = [];
  const tuples = new Map<string, [number, number, number, number, number]>();
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
        if (tagId !== undefined) features.push([id(s), kind + tagId, r]);
      }
      return;
    }
    if (TAG_TABLES.some(([prefix]) => name.startsWith(prefix))) return;
    throw new ExtraitError('E_MODEL', `tagger model: feature ${JSON.stringify(name)} belongs to no template`);
  });
  // a kind is one byte: base + tag id
  if (T > 32) throw new ExtraitError('E_MODEL', `tagger model: ${T} tags, the compiled tables hold at most 32`);

  const tagTable: Record<string, number> = {};
  const tagRows: number[] = [];
  for (const [prefix, tags] of TAG_TABLES) {
    tagTable[prefix] = tagRows.length;
    if (tags === 1) for (const t of tagNames) tagRows.push(row(prefix + t));
    else for (const a of tagNames) for (const b of tagNames) tagRows.push(row(prefix + a + '|' + b));
  }

  const names = [...strings.keys()];
  const table = buildStringTable(names);

  // each string's features, by kind
  features.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const featureStart = new Uint32Array(names.length + 1);
  let f = 0;
  for (let s = 0; s < names.length; s++) {
    featureStart[s] = f;
    while (f < features.length && features[f]![0] === s) f++;
  }
  featureStart[names.length] = f;

  // tuple keys hold string ids in 16 bits
  if (names.length >= 0xffff) throw new ExtraitError('E_MODEL', `tagger model: ${names.length} strings, the compiled tables hold fewer than 65535`);
  const tupleList = [...tuples.values()];
  const tupleKeys = new Uint32Array(tupleList.length * 2);
  const tupleSlots = new Int32Array(tableSize(tupleList.length)).fill(-1);
  tupleList.forEach(([kind, a, b, c], e) => {
    tupleKeys[e * 2] = (a | (b << 16)) >>> 0;
    tupleKeys[e * 2 + 1] = ((c + 1) | (kind << 16)) >>> 0;
    let at = hashInts(kind, a, b, c) & (tupleSlots.length - 1);
    while (tupleSlots[at]! >= 0) at = (at + 1) & (tupleSlots.length - 1);
    tupleSlots[at] = e;
  });

  return {
    header: { labels: model.labels, meta: model.meta, bias, hyphen, tagTable, scale: model.scale },
    sections: {
      ...table,
      featureStart,
      featureKind: Uint8Array.from(features, (x) => x[1]),
      featureRow: Int32Array.from(features, (x) => x[2]),
      tupleSlots,
      tupleKeys,
      tupleRows: Int32Array.from(tupleList, (x) => x[4]),
      tagRows: Int32Array.from(tagRows),
      rowStart: model.rowStart,
      columns: model.columns,
      values: model.quantized,
    },
  };
}

const MAGIC = 'EXTRAIT-POS-TABLES 3\n';
const REMEDY = 'npm run compile:pos';

interface PassHeader {
  labels: string[];
  meta: Record<string, unknown>;
  bias: number;
  hyphen: number;
  tagTable: Record<string, number>;
  scale: number;
}

/** The tables file of decoded passes (deterministic: the same models give the same bytes). */
export function compileTables(models: readonly TaggerModel[], source: { file: string; bytes: number }): Buffer {
  const passes: PassHeader[] = [];
  const sections: Record<string, TypedArray> = {};
  models.forEach((model, k) => {
    const compiled = compilePass(model);
    passes.push(compiled.header);
    for (const name of Object.keys(SECTIONS) as SectionName[]) sections[`${k}.${name}`] = compiled.sections[name];
  });
  return encodeSections(MAGIC, { generatedBy: REMEDY, source, passes }, sections);
}

/** Size of a pass description (core.wat), and where it holds 1 / scale (float64). */
const PASS_BYTES = 128;
const INVERSE_SCALE = 120;

/** Pass description fields (core.wat), in order: the addresses of these sections, then of the tag tables. */
const DESCRIBED: SectionName[] = ['slots', 'slots', 'stringStart', 'chars', 'featureStart', 'featureKind', 'featureRow', 'tupleSlots', 'tupleSlots', 'tupleKeys', 'tupleRows'];

/** The passes of a tables file read into the core's memory at `at`. */
export function loadTables(core: Core, at: number, length: number, source: string): { passes: TaggerTables[]; source: { file: string; bytes: number } } {
  const { header, start, sections } = readLayout<{ passes: PassHeader[]; source: { file: string; bytes: number } }>(core.bytes.subarray(at, at + length), MAGIC, source, REMEDY);
  const passes = header.passes.map((p, k) => {
    const address = (name: SectionName) => {
      const entry = sections[`${k}.${name}`];
      if (!entry || entry[0] !== SECTIONS[name].name) throw new ExtraitError('E_MODEL', `${source}: no section ${k}.${name}; run ${REMEDY}`);
      return at + start + entry[1];
    };
    const length = (name: SectionName) => sections[`${k}.${name}`]![2];
    const n = p.labels.length;
    // labels are bits of an int32 in the core (allowed labels, verbs)
    if (n > 31) throw new ExtraitError('E_MODEL', `${source}: ${n} labels, the tagger handles at most 31`);
    const T = n + BOUNDARY_TAGS.length;
    const pass = core.alloc(PASS_BYTES);
    const work = core.alloc(T * T * n * 8);
    const done = core.alloc(T * T);
    const scores = core.alloc(n * 8);
    const fields = DESCRIBED.map(address);
    fields[1] = length('slots') - 1;
    fields[8] = length('tupleSlots') - 1;
    for (const [prefix] of TAG_TABLES) fields.push(address('tagRows') + p.tagTable[prefix]! * 4);
    fields.push(address('rowStart'), address('columns'), address('values'), n, T, p.bias, p.hyphen, work, done, scores);
    fields.push(p.labels.reduce((bits, l, i) => (l === 'VERB' || l === 'AUX' ? bits | (1 << i) : bits), 0));
    core.i32.set(fields, pass >> 2);
    // the weights' scale, as decodeModels uses it
    new Float64Array(core.u8.buffer, pass + INVERSE_SCALE, 1)[0] = 1 / p.scale;
    return { core, labels: p.labels, meta: p.meta, pass };
  });
  return { passes, source: header.source };
}

/** The passes of a tables file given as bytes, in a core of their own. */
export function tablesFromBytes(file: Uint8Array, source: string): TaggerTables[] {
  const core = new Core();
  return loadTables(core, core.copyIn(file), file.length, source).passes;
}
