/**
 * Greedy left-to-right tagging with the averaged perceptron, computing exactly the features of
 * features.ts without building their strings: the weights of the features that read one word are
 * summed once per distinct word, those that read tags come from tables indexed by tag, and those
 * that join two or three words are found by the words' ids. On running text words repeat, so a
 * token costs a few vector additions and a handful of sparse rows. The tables are the compiled
 * ones of tables.ts, read in place.
 */
import { BOS, EOS, wordInfo, type ClassLookup, type WordInfo } from './features.js';
import {
  C0, CC, CM1, CM2, CP1, CP2, CS, FIRST, FORM, INNER, N1W, PREFIX, S3M1, S3P1, SH0, SHM1, SHP1, SUFFIX, T1C, T1W,
  W0, WM1, WM2, WN, WP1, WP2, WW, BOUNDARY_TAGS, featureOf, stringId, tupleRow, type TaggerTables,
} from './tables.js';
import { ExtraitError } from '../core/errors.js';

/** Limits on the labels of the last pass. */
export interface TagConstraints {
  /** Labels a word may take (1 = allowed); undefined: any. */
  allowed(w: WordInfo): Uint8Array | undefined;
  /** Whether a token (lower-cased) is a clitic that only ever follows a verb. */
  afterVerb(lower: string): boolean;
}

/** A distinct word form, shared by the passes: what each pass precomputed for it. */
export interface WordEntry {
  /** Small integer naming the form while it is cached (0 and 1: sentence boundaries). */
  id: number;
  info: WordInfo;
  passes: PassWord[];
  /** Whatever the caller keeps per (form, label id), e.g. lemmas. */
  results: unknown[];
}

export interface PassWord {
  /** Ids of the lower-cased form and of the lexicon class among the strings the features read (-1: none). */
  word: number;
  lexClass: number;
  /** Summed weights of the word's own features at each offset (-2 … 2): 5 × labels. */
  sums: Float32Array;
  /** Labels the word may take (1 = allowed); undefined: any. */
  allowed: Uint8Array | undefined;
  /** The word is a clitic hyphenated to a verb before it (-t-il, -on, -moi, -en): that word is a verb. */
  afterVerb: boolean;
  /** Offsets in tagBlocks of the rows by tag id of t1w, t1c, n1w (-1: the word has none). */
  byPrevTag: number;
  byClassPrevTag: number;
  byNextTag: number;
  /** Rows of the position feature when the word opens the sentence, and when it does not. */
  first: number;
  inner: number;
}

const MAX_CACHED_WORDS = 200_000;

/** One left-to-right pass of the tagger. */
export class TaggerPass {
  private readonly n: number;
  private readonly scores: Float64Array;
  private readonly T: number;
  private readonly rows = new Int32Array(16);
  private readonly verbLabels: Uint8Array;
  private tagPairTable = new Float64Array(0);
  private tagPairDone = new Uint8Array(0);
  readonly bos: PassWord;
  readonly eos: PassWord;

  constructor(
    readonly tables: TaggerTables,
    private readonly constraints?: TagConstraints,
  ) {
    this.n = tables.labels.length;
    this.scores = new Float64Array(this.n);
    this.T = this.n + BOUNDARY_TAGS.length;
    this.verbLabels = Uint8Array.from(tables.labels, (l) => (l === 'VERB' || l === 'AUX' ? 1 : 0));
    this.bos = this.prepare(BOS);
    this.eos = this.prepare(EOS);
  }

  /**
   * Label ids, one per word (`slot` picks this pass's precomputed data in each entry); `ahead`
   * holds a previous pass's label ids, read by a second-pass model.
   */
  tagEntries(words: readonly WordEntry[], slot: number, ahead?: Int32Array): Int32Array {
    const m = words.length;
    const { n, T, scores, tables } = this;
    const { rowStart, columns, values, tagBlocks, tagRows, tagTable } = tables;
    const labels = new Int32Array(m);
    const rows = this.rows;
    // the sums of the words around each position, two boundary words on each side
    const window: Float32Array[] = new Array(m + 4);
    window[0] = window[1] = this.bos.sums;
    window[m + 2] = window[m + 3] = this.eos.sums;
    for (let i = 0; i < m; i++) window[i + 2] = words[i]!.passes[slot]!.sums;
    const END = T - 1;
    let t1 = T - 3;
    let t2 = T - 2;
    for (let i = 0; i < m; i++) {
      const w = words[i]!.passes[slot]!;
      const next = i + 1 < m ? words[i + 1]!.passes[slot]! : this.eos;
      // tag-free features: the words around, word pairs, lexicon classes, position
      let base = this.tagPairSums(t1, t2);
      const tagSums = this.tagPairTable;
      for (let l = 0; l < n; l++) scores[l] = tagSums[base + l]!;
      for (let k = 0; k < 5; k++) {
        const sums = window[i + k]!;
        base = k * n;
        for (let l = 0; l < n; l++) scores[l]! += sums[base + l]!;
      }
      const prev = i > 0 ? words[i - 1]!.passes[slot]! : this.bos;
      let count = 0;
      rows[count++] = tupleRow(tables, WW, prev.word, w.word, -1);
      rows[count++] = tupleRow(tables, WN, w.word, next.word, -1);
      rows[count++] = next.lexClass < 0 ? -1 : tupleRow(tables, CC, prev.lexClass, w.lexClass, next.lexClass);
      rows[count++] = i === 0 ? w.first : w.inner;
      // features that read tags (the tag pair's are summed above)
      if (w.byPrevTag >= 0) rows[count++] = tagBlocks[w.byPrevTag + t1]!;
      if (w.byClassPrevTag >= 0) rows[count++] = tagBlocks[w.byClassPrevTag + t1]!;
      if (ahead) {
        const n1 = i + 1 < m ? ahead[i + 1]! : END;
        const n2 = i + 2 < m ? ahead[i + 2]! : END;
        rows[count++] = tagRows[tagTable['n1:']! + n1]!;
        rows[count++] = tagRows[tagTable['n2:']! + n2]!;
        rows[count++] = tagRows[tagTable['n12:']! + n1 * T + n2]!;
        rows[count++] = tagRows[tagTable['t1n1:']! + t1 * T + n1]!;
        if (w.byNextTag >= 0) rows[count++] = tagBlocks[w.byNextTag + n1]!;
        rows[count++] = tagRows[tagTable['a0:']! + ahead[i]!]!;
      }
      for (let r = 0; r < count; r++) {
        const row = rows[r]!;
        if (row < 0) continue;
        const end = rowStart[row + 1]!;
        for (let e = rowStart[row]!; e < end; e++) scores[columns[e]!]! += values[e]!;
      }
      // before a hyphenated clitic comes a verb, unless the word is itself one (dis-le-lui)
      const mask = next.afterVerb && !w.afterVerb ? this.verbLabels : w.allowed;
      let best = -1;
      for (let l = 0; l < n; l++) if ((!mask || mask[l]) && (best < 0 || scores[l]! > scores[best]!)) best = l;
      if (best < 0) best = 0;
      labels[i] = best;
      t2 = t1;
      t1 = best;
    }
    return labels;
  }

  /** Offset in tagPairTable of the summed t1, t2, t12 weights of a tag pair (filled on first use). */
  private tagPairSums(t1: number, t2: number): number {
    const { n, T, tables } = this;
    if (this.tagPairTable.length === 0) {
      this.tagPairTable = new Float64Array(T * T * n);
      this.tagPairDone = new Uint8Array(T * T);
    }
    const pair = t1 * T + t2;
    const base = pair * n;
    if (!this.tagPairDone[pair]) {
      const { tagRows, tagTable, rowStart, columns, values } = tables;
      for (const row of [tagRows[tagTable['t1:']! + t1]!, tagRows[tagTable['t2:']! + t2]!, tagRows[tagTable['t12:']! + pair]!]) {
        if (row < 0) continue;
        const end = rowStart[row + 1]!;
        for (let e = rowStart[row]!; e < end; e++) this.tagPairTable[base + columns[e]!]! += values[e]!;
      }
      this.tagPairDone[pair] = 1;
    }
    return base;
  }

  /** Adds a feature row's weights to the sums of one offset. */
  private add(sums: Float32Array, at: number, row: number): void {
    if (row < 0) return;
    const { rowStart, columns, values } = this.tables;
    const end = rowStart[row + 1]!;
    for (let e = rowStart[row]!; e < end; e++) sums[at + columns[e]!]! += values[e]!;
  }

  /**
   * This pass's precomputed data for a word. Rows are added in the order of wordFeatures: float
   * sums depend on it.
   */
  prepare(info: WordInfo): PassWord {
    const { n, tables: t } = this;
    const { lower, form, shape } = info;
    const len = lower.length;
    const word = stringId(t, lower, 0, len);
    const lexClass = stringId(t, info.lexClass, 0, info.lexClass.length);
    const shapeId = stringId(t, shape, 0, shape.length);
    // the last three characters (or the whole word): read at offsets -1, 1 and with the class
    const end3 = len > 3 ? stringId(t, lower, len - 3, len) : word;
    const sums = new Float32Array(5 * n);
    // offset 0
    const at = 2 * n;
    this.add(sums, at, t.bias);
    this.add(sums, at, featureOf(t, word, W0));
    this.add(sums, at, featureOf(t, shapeId, SH0));
    this.add(sums, at, featureOf(t, lexClass, C0));
    if (form !== lower) this.add(sums, at, featureOf(t, stringId(t, form, 0, form.length), FORM));
    for (let k = 1; k <= 5 && k < len; k++) this.add(sums, at, featureOf(t, k === 3 ? end3 : stringId(t, lower, len - k, len), SUFFIX));
    for (let k = 1; k <= 3 && k < len; k++) this.add(sums, at, featureOf(t, stringId(t, lower, 0, k), PREFIX));
    if (lower.includes('-')) this.add(sums, at, t.hyphen);
    this.add(sums, at, tupleRow(t, CS, lexClass, end3, -1));
    // offsets -2, -1, 1, 2
    this.add(sums, 0, featureOf(t, word, WM2));
    this.add(sums, 0, featureOf(t, lexClass, CM2));
    this.add(sums, n, featureOf(t, word, WM1));
    this.add(sums, n, featureOf(t, end3, S3M1));
    this.add(sums, n, featureOf(t, lexClass, CM1));
    this.add(sums, n, featureOf(t, shapeId, SHM1));
    this.add(sums, 3 * n, featureOf(t, word, WP1));
    this.add(sums, 3 * n, featureOf(t, end3, S3P1));
    this.add(sums, 3 * n, featureOf(t, lexClass, CP1));
    this.add(sums, 3 * n, featureOf(t, shapeId, SHP1));
    this.add(sums, 4 * n, featureOf(t, word, WP2));
    this.add(sums, 4 * n, featureOf(t, lexClass, CP2));
    const initial = stringId(t, shape, 0, Math.min(1, shape.length));
    return {
      word,
      lexClass,
      sums,
      allowed: this.constraints?.allowed(info),
      afterVerb: this.constraints?.afterVerb(lower) ?? false,
      byPrevTag: featureOf(t, word, T1W),
      byClassPrevTag: featureOf(t, lexClass, T1C),
      byNextTag: featureOf(t, word, N1W),
      first: featureOf(t, initial, FIRST),
      inner: featureOf(t, initial, INNER),
    };
  }
}

/** The tagger: a first pass, then (when the model has one) a second pass reading the first's tags ahead. */
export class Tagger {
  readonly passes: TaggerPass[];
  private cache = new Map<string, WordEntry>();
  private nextId = 2;

  constructor(tables: readonly TaggerTables[], private readonly lookup: ClassLookup, constraints?: TagConstraints) {
    const labels = tables[0]?.labels.join(' ');
    if (labels === undefined || tables.some((m) => m.labels.join(' ') !== labels)) {
      throw new ExtraitError('E_MODEL', 'tagger model: its passes must share one label set (retrain with npm run train:pos)');
    }
    this.passes = tables.map((m, i) => new TaggerPass(m, i === tables.length - 1 ? constraints : undefined));
  }

  get labels(): readonly string[] {
    return this.passes[this.passes.length - 1]!.tables.labels;
  }

  /** The cached entries of the forms (made on first sight). */
  entries(forms: readonly string[]): WordEntry[] {
    if (this.cache.size + forms.length > MAX_CACHED_WORDS) {
      this.cache = new Map();
      this.nextId = 2;
    }
    const out: WordEntry[] = new Array(forms.length);
    for (let i = 0; i < forms.length; i++) {
      const form = forms[i]!;
      let entry = this.cache.get(form);
      if (!entry) {
        const info = wordInfo(form, this.lookup);
        entry = { id: this.nextId++, info, passes: this.passes.map((p) => p.prepare(info)), results: [] };
        this.cache.set(form, entry);
      }
      out[i] = entry;
    }
    return out;
  }

  /** Label ids (into `labels`) of the entries. */
  tagEntries(words: readonly WordEntry[]): Int32Array {
    let ids: Int32Array | undefined;
    this.passes.forEach((pass, slot) => {
      ids = pass.tagEntries(words, slot, ids);
    });
    return ids ?? new Int32Array(0);
  }

  tag(forms: readonly string[]): string[] {
    const labels = this.labels;
    return Array.from(this.tagEntries(this.entries(forms)), (id) => labels[id]!);
  }
}
