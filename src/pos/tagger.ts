/**
 * Greedy left-to-right tagging with the averaged perceptron, computing exactly the features of
 * features.ts without building their strings: the weights of the features that read one word are
 * summed once per distinct word, those that read tags come from tables indexed by tag, and those
 * that join two words are found once per word pair and kept. On running text words and pairs
 * repeat, so a token costs a few vector additions and a handful of sparse rows.
 */
import { BOS, EOS, OFFSETS, wordFeatures, wordInfo, type ClassLookup, type WordInfo } from './features.js';
import type { TaggerModel } from './model.js';
import { ExtraitError } from '../core/errors.js';

/** Index of the first name ≥ key in sorted names. */
function firstAtLeast(names: readonly string[], key: string): number {
  let lo = 0;
  let hi = names.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (names[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

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

interface PassWord {
  classId: number;
  /** Summed weights of the word's own features at each offset: OFFSETS.length × labels. */
  sums: Float32Array;
  /** Labels the word may take (1 = allowed); undefined: any. */
  allowed: Uint8Array | undefined;
  /** The word is a clitic hyphenated to a verb before it (-t-il, -on, -moi, -en): that word is a verb. */
  afterVerb: boolean;
  /** Feature rows by tag id (-1: no such feature): t1w, t1c, n1w; null when the word has none. */
  byPrevTag: Int32Array | null;
  byClassPrevTag: Int32Array | null;
  byNextTag: Int32Array | null;
  /** Rows of the position feature when the word opens the sentence, and when it does not. */
  first: number;
  inner: number;
  /** Id of the word among those the ww/wn features pair (-1: none; -2: holds a '|', looked up by name). */
  pairId: number;
}

const MAX_CACHED_WORDS = 200_000;

/** One left-to-right pass of the tagger. */
export class TaggerPass {
  private readonly n: number;
  private readonly scores: Float64Array;
  /** Tag ids: the labels, then <s>, <s2>, </s>. */
  private readonly tagNames: string[];
  private readonly T: number;
  private readonly t1Row: Int32Array;
  private readonly t2Row: Int32Array;
  private readonly t12Row: Int32Array;
  private readonly n1Row: Int32Array;
  private readonly n2Row: Int32Array;
  private readonly n12Row: Int32Array;
  private readonly t1n1Row: Int32Array;
  private readonly a0Row: Int32Array;
  private readonly classIds = new Map<string, number>();
  private readonly ccRows = new Map<number, number>();
  /** The words the ww/wn features pair, numbered, and their rows by pair key (left id × count + right id). */
  private readonly pairIds = new Map<string, number>();
  private readonly pairCount: number;
  private readonly wwRows = new Map<number, number>();
  private readonly wnRows = new Map<number, number>();
  private readonly rows = new Int32Array(16);
  private readonly verbLabels: Uint8Array;
  private tagPairTable = new Float64Array(0);
  private tagPairDone = new Uint8Array(0);
  readonly bos: PassWord;
  readonly eos: PassWord;

  constructor(
    readonly model: TaggerModel,
    private readonly constraints?: TagConstraints,
  ) {
    this.n = model.labels.length;
    this.scores = new Float64Array(this.n);
    this.tagNames = [...model.labels, '<s>', '<s2>', '</s>'];
    const T = (this.T = this.tagNames.length);
    const row = (f: string) => model.index.get(f) ?? -1;
    const one = (prefix: string) => Int32Array.from(this.tagNames, (t) => row(prefix + t));
    const two = (prefix: string) => {
      const out = new Int32Array(T * T);
      for (let a = 0; a < T; a++) for (let b = 0; b < T; b++) out[a * T + b] = row(prefix + this.tagNames[a] + '|' + this.tagNames[b]);
      return out;
    };
    this.t1Row = one('t1:');
    this.t2Row = one('t2:');
    this.t12Row = two('t12:');
    this.n1Row = one('n1:');
    this.n2Row = one('n2:');
    this.n12Row = two('n12:');
    this.t1n1Row = two('t1n1:');
    this.a0Row = one('a0:');
    const pairs: [Map<number, number>, string, string, number][] = [];
    for (const [prefix, table] of [['wn:', this.wnRows], ['ww:', this.wwRows]] as const) {
      // names are sorted: the features of a template are one run
      for (let r = firstAtLeast(model.names, prefix); r < model.names.length && model.names[r]!.startsWith(prefix); r++) {
        const f = model.names[r]!;
        const body = f.slice(3);
        const bar = body.indexOf('|');
        // a word holding '|' makes the split ambiguous: such pairs are looked up by name
        if (bar < 0 || body.indexOf('|', bar + 1) >= 0) continue;
        const [a, b] = [body.slice(0, bar), body.slice(bar + 1)];
        for (const word of [a, b]) if (!this.pairIds.has(word)) this.pairIds.set(word, this.pairIds.size);
        pairs.push([table, a, b, r]);
      }
    }
    this.pairCount = this.pairIds.size;
    for (const [table, a, b, r] of pairs) table.set(this.pairIds.get(a)! * this.pairCount + this.pairIds.get(b)!, r);
    this.verbLabels = Uint8Array.from(model.labels, (l) => (l === 'VERB' || l === 'AUX' ? 1 : 0));
    this.bos = this.prepare(BOS);
    this.eos = this.prepare(EOS);
  }

  /**
   * Label ids, one per word (`slot` picks this pass's precomputed data in each entry); `ahead`
   * holds a previous pass's label ids, read by a second-pass model.
   */
  tagEntries(words: readonly WordEntry[], slot: number, ahead?: Int32Array): Int32Array {
    const m = words.length;
    const { n, T, scores } = this;
    const { rowStart, columns, values } = this.model;
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
      const entry = words[i]!;
      const w = entry.passes[slot]!;
      const nextEntry = i + 1 < m ? words[i + 1]! : undefined;
      const next = nextEntry ? nextEntry.passes[slot]! : this.eos;
      // tag-free features: the words around, word pairs, lexicon classes, position
      let base = this.tagPairSums(t1, t2);
      const tagSums = this.tagPairTable;
      for (let l = 0; l < n; l++) scores[l] = tagSums[base + l]!;
      for (let k = 0; k < 5; k++) {
        const sums = window[i + k]!;
        base = k * n;
        for (let l = 0; l < n; l++) scores[l]! += sums[base + l]!;
      }
      const prevInfo = i > 0 ? words[i - 1]!.info : BOS;
      const prev = i > 0 ? words[i - 1]!.passes[slot]! : this.bos;
      const nextInfo = nextEntry ? nextEntry.info : EOS;
      let count = 0;
      rows[count++] = this.pairRow(this.wwRows, 'ww:', prev, w, prevInfo, entry.info);
      rows[count++] = this.pairRow(this.wnRows, 'wn:', w, next, entry.info, nextInfo);
      rows[count++] = this.classRow(prev, w, next, prevInfo, entry.info, nextInfo);
      rows[count++] = i === 0 ? w.first : w.inner;
      // features that read tags (the tag pair's are summed above)
      if (w.byPrevTag) rows[count++] = w.byPrevTag[t1]!;
      if (w.byClassPrevTag) rows[count++] = w.byClassPrevTag[t1]!;
      if (ahead) {
        const n1 = i + 1 < m ? ahead[i + 1]! : END;
        const n2 = i + 2 < m ? ahead[i + 2]! : END;
        rows[count++] = this.n1Row[n1]!;
        rows[count++] = this.n2Row[n2]!;
        rows[count++] = this.n12Row[n1 * T + n2]!;
        rows[count++] = this.t1n1Row[t1 * T + n1]!;
        if (w.byNextTag) rows[count++] = w.byNextTag[n1]!;
        rows[count++] = this.a0Row[ahead[i]!]!;
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
    const { n, T } = this;
    if (this.tagPairTable.length === 0) {
      this.tagPairTable = new Float64Array(T * T * n);
      this.tagPairDone = new Uint8Array(T * T);
    }
    const pair = t1 * T + t2;
    const base = pair * n;
    if (!this.tagPairDone[pair]) {
      for (const row of [this.t1Row[t1]!, this.t2Row[t2]!, this.t12Row[pair]!]) {
        if (row < 0) continue;
        for (let l = 0; l < n; l++) this.tagPairTable[base + l]! += this.model.weights[row * n + l]!;
      }
      this.tagPairDone[pair] = 1;
    }
    return base;
  }

  /** Row of the ww or wn feature of two words, from the pair table built at load. */
  private pairRow(table: Map<number, number>, prefix: string, a: PassWord, b: PassWord, aInfo: WordInfo, bInfo: WordInfo): number {
    if (a.pairId >= 0 && b.pairId >= 0) return table.get(a.pairId * this.pairCount + b.pairId) ?? -1;
    if (a.pairId === -2 || b.pairId === -2) return this.model.index.get(prefix + aInfo.lower + '|' + bInfo.lower) ?? -1;
    return -1;
  }

  private classRow(prev: PassWord, w: PassWord, next: PassWord, a: WordInfo, b: WordInfo, c: WordInfo): number {
    const C = 1024;
    if (prev.classId >= C || w.classId >= C || next.classId >= C) return this.model.index.get('cc:' + a.lexClass + '|' + b.lexClass + '|' + c.lexClass) ?? -1;
    // a small integer key: the Map hashes it without allocating
    const key = (prev.classId * C + w.classId) * C + next.classId;
    let row = this.ccRows.get(key);
    if (row === undefined) {
      row = this.model.index.get('cc:' + a.lexClass + '|' + b.lexClass + '|' + c.lexClass) ?? -1;
      this.ccRows.set(key, row);
    }
    return row;
  }

  /** This pass's precomputed data for a word. */
  prepare(info: WordInfo): PassWord {
    const { n, model } = this;
    const row = (f: string) => model.index.get(f) ?? -1;
    const sums = new Float32Array(OFFSETS.length * n);
    OFFSETS.forEach((offset, k) => {
      for (const f of wordFeatures(offset, info)) {
        const r = row(f);
        if (r < 0) continue;
        for (let l = 0; l < n; l++) sums[k * n + l]! += model.weights[r * n + l]!;
      }
    });
    let classId = this.classIds.get(info.lexClass);
    if (classId === undefined) this.classIds.set(info.lexClass, (classId = this.classIds.size));
    const shape = info.shape.charAt(0);
    const byTag = (rowOf: (tag: string) => number) => {
      const rows = Int32Array.from(this.tagNames, rowOf);
      return rows.some((r) => r >= 0) ? rows : null;
    };
    return {
      classId,
      sums,
      allowed: this.constraints?.allowed(info),
      afterVerb: this.constraints?.afterVerb(info.lower) ?? false,
      byPrevTag: byTag((t) => row('t1w:' + t + '|' + info.lower)),
      byClassPrevTag: byTag((t) => row('t1c:' + t + '|' + info.lexClass)),
      byNextTag: byTag((t) => row('n1w:' + t + '|' + info.lower)),
      first: row('i:first|' + shape),
      inner: row('i:in|' + shape),
      pairId: info.lower.includes('|') ? -2 : (this.pairIds.get(info.lower) ?? -1),
    };
  }

}

/** The tagger: a first pass, then (when the model has one) a second pass reading the first's tags ahead. */
export class Tagger {
  readonly passes: TaggerPass[];
  private cache = new Map<string, WordEntry>();
  private nextId = 2;

  constructor(models: readonly TaggerModel[], private readonly lookup: ClassLookup, constraints?: TagConstraints) {
    const labels = models[0]?.labels.join(' ');
    if (labels === undefined || models.some((m) => m.labels.join(' ') !== labels)) {
      throw new ExtraitError('E_MODEL', 'tagger model: its passes must share one label set (retrain with npm run train:pos)');
    }
    this.passes = models.map((m, i) => new TaggerPass(m, i === models.length - 1 ? constraints : undefined));
  }

  get labels(): readonly string[] {
    return this.passes[this.passes.length - 1]!.model.labels;
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
