/**
 * Greedy left-to-right tagging with the averaged perceptron, computing exactly the features of
 * features.ts without building their strings: the weights of the features that read one word are
 * summed once per distinct word, those that read tags come from tables indexed by tag, and those
 * that join two words are found once per word pair and kept. On running text words and pairs
 * repeat, so a token costs a few vector additions.
 */
import { BOS, EOS, OFFSETS, wordFeatures, wordInfo, type ClassLookup, type WordInfo } from './features.js';
import type { TaggerModel } from './model.js';

/** Limits on the labels of the last pass. */
export interface TagConstraints {
  /** Labels a word may take (1 = allowed); undefined: any. */
  allowed(w: WordInfo): Uint8Array | undefined;
  /** Whether a token (lower-cased) is a clitic that only ever follows a verb. */
  afterVerb(lower: string): boolean;
}

interface CachedWord {
  id: number;
  info: WordInfo;
  classId: number;
  /** Summed weights of the word's own features at each offset: OFFSETS.length × labels. */
  sums: Float64Array;
  /** Labels the word may take (1 = allowed); undefined: any. */
  allowed: Uint8Array | undefined;
  /** The word is a clitic hyphenated to a verb before it (-t-il, -on, -moi, -en): that word is a verb. */
  afterVerb: boolean;
  /** Feature rows by tag id (-1: no such feature): t1w, t1c, n1w. */
  byPrevTag: Int32Array;
  byClassPrevTag: Int32Array;
  byNextTag: Int32Array;
  /** Rows of the position feature when the word opens the sentence, and when it does not. */
  first: number;
  inner: number;
  /** Rows of ww (previous word id → row) and wn (next word id → row). */
  afterWord: Map<number, number>;
  beforeWord: Map<number, number>;
}

const MAX_CACHED_WORDS = 200_000;

/** One left-to-right pass of the tagger. */
export class TaggerPass {
  private cache = new Map<string, CachedWord>();
  private nextId = 2;
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
  private bos!: CachedWord;
  private eos!: CachedWord;

  constructor(
    readonly model: TaggerModel,
    private readonly lookup: ClassLookup,
    private readonly constraints?: TagConstraints,
  ) {
    this.n = model.labels.length;
    this.allowed = constraints?.allowed;
    this.verbLabels = Uint8Array.from(model.labels, (l) => (l === 'VERB' || l === 'AUX' ? 1 : 0));
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
    this.resetCache();
  }

  /** One label per surface token; `ahead` holds a first pass's labels, read by a second-pass model. */
  tag(forms: readonly string[], ahead?: readonly string[]): string[] {
    if (this.cache.size + forms.length > MAX_CACHED_WORDS) this.resetCache();
    const m = forms.length;
    const words: CachedWord[] = new Array(m);
    for (let i = 0; i < m; i++) words[i] = this.word(forms[i]!);
    const { n, T, scores } = this;
    const weights = this.model.weights;
    const modelLabels = this.model.labels;
    let aheadIds: Int32Array | undefined;
    if (ahead) {
      aheadIds = new Int32Array(m + 2).fill(T - 1);
      for (let i = 0; i < m; i++) aheadIds[i] = modelLabels.indexOf(ahead[i]!);
    }
    const labels: string[] = new Array(m);
    const width = OFFSETS.length;
    let t1 = T - 3;
    let t2 = T - 2;
    for (let i = 0; i < m; i++) {
      // tag-only features, summed per tag pair once
      let base = this.tagPairSums(t1, t2);
      const tagSums = this.tagPairTable;
      for (let l = 0; l < n; l++) scores[l] = tagSums[base + l]!;
      for (let k = 0; k < width; k++) {
        const j = i + k - 2;
        const sums = (j < 0 ? this.bos : j >= m ? this.eos : words[j]!).sums;
        base = k * n;
        for (let l = 0; l < n; l++) scores[l]! += sums[base + l]!;
      }
      const w = words[i]!;
      const prev = i > 0 ? words[i - 1]! : this.bos;
      const next = i + 1 < m ? words[i + 1]! : this.eos;
      const rows = this.rows;
      let count = 0;
      rows[count++] = w.byPrevTag[t1]!;
      rows[count++] = w.byClassPrevTag[t1]!;
      rows[count++] = this.pairRow(prev, w);
      rows[count++] = this.nextPairRow(w, next);
      rows[count++] = this.classRow(prev, w, next);
      rows[count++] = i === 0 ? w.first : w.inner;
      if (aheadIds) {
        const n1 = aheadIds[i + 1]!;
        const n2 = aheadIds[i + 2]!;
        rows[count++] = this.n1Row[n1]!;
        rows[count++] = this.n2Row[n2]!;
        rows[count++] = this.n12Row[n1 * T + n2]!;
        rows[count++] = this.t1n1Row[t1 * T + n1]!;
        rows[count++] = w.byNextTag[n1]!;
        rows[count++] = this.a0Row[aheadIds[i]!]!;
      }
      for (let r = 0; r < count; r++) {
        const row = rows[r]!;
        if (row < 0) continue;
        base = row * n;
        for (let l = 0; l < n; l++) scores[l]! += weights[base + l]!;
      }
      const mask = next.afterVerb ? this.verbLabels : w.allowed;
      let best = -1;
      for (let l = 0; l < n; l++) if ((!mask || mask[l]) && (best < 0 || scores[l]! > scores[best]!)) best = l;
      if (best < 0) best = 0;
      labels[i] = modelLabels[best]!;
      t2 = t1;
      t1 = best;
    }
    return labels;
  }

  private readonly rows = new Int32Array(16);
  private readonly allowed?: (w: WordInfo) => Uint8Array | undefined;
  private readonly verbLabels: Uint8Array;
  private tagPairTable = new Float64Array(0);
  private tagPairDone = new Uint8Array(0);

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

  /** Row of ww (a = previous word of b) or wn (b = next word of a): each pair is looked up once. */
  private pairRow(a: CachedWord, b: CachedWord): number {
    let row = b.afterWord.get(a.id);
    if (row === undefined) {
      row = this.model.index.get('ww:' + a.info.lower + '|' + b.info.lower) ?? -1;
      b.afterWord.set(a.id, row);
    }
    return row;
  }

  private nextPairRow(a: CachedWord, b: CachedWord): number {
    let row = a.beforeWord.get(b.id);
    if (row === undefined) {
      row = this.model.index.get('wn:' + a.info.lower + '|' + b.info.lower) ?? -1;
      a.beforeWord.set(b.id, row);
    }
    return row;
  }

  private classRow(prev: CachedWord, w: CachedWord, next: CachedWord): number {
    const C = 4096;
    const key = (prev.classId * C + w.classId) * C + next.classId;
    let row = this.ccRows.get(key);
    if (row === undefined) {
      row = this.model.index.get('cc:' + prev.info.lexClass + '|' + w.info.lexClass + '|' + next.info.lexClass) ?? -1;
      this.ccRows.set(key, row);
    }
    return row;
  }

  private resetCache(): void {
    this.cache = new Map();
    this.ccRows.clear();
    this.nextId = 2;
    this.bos = this.summed(BOS, 0);
    this.eos = this.summed(EOS, 1);
  }

  private word(form: string): CachedWord {
    let cached = this.cache.get(form);
    if (!cached) {
      cached = this.summed(wordInfo(form, this.lookup), this.nextId++);
      this.cache.set(form, cached);
    }
    return cached;
  }

  private summed(info: WordInfo, id: number): CachedWord {
    const { n, model } = this;
    const row = (f: string) => model.index.get(f) ?? -1;
    const sums = new Float64Array(OFFSETS.length * n);
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
    const cached: CachedWord = {
      id,
      info,
      classId,
      sums,
      allowed: this.allowed?.(info),
      afterVerb: this.constraints?.afterVerb(info.lower) ?? false,
      byPrevTag: Int32Array.from(this.tagNames, (t) => row('t1w:' + t + '|' + info.lower)),
      byClassPrevTag: Int32Array.from(this.tagNames, (t) => row('t1c:' + t + '|' + info.lexClass)),
      byNextTag: Int32Array.from(this.tagNames, (t) => row('n1w:' + t + '|' + info.lower)),
      first: row('i:first|' + shape),
      inner: row('i:in|' + shape),
      afterWord: new Map(),
      beforeWord: new Map(),
    };
    return cached;
  }
}

/** The tagger: a first pass, then (when the model has one) a second pass reading the first's tags ahead. */
export class Tagger {
  readonly passes: TaggerPass[];

  constructor(models: readonly TaggerModel[], lookup: ClassLookup, constraints?: TagConstraints) {
    this.passes = models.map((m, i) => new TaggerPass(m, lookup, i === models.length - 1 ? constraints : undefined));
  }

  get labels(): readonly string[] {
    return this.passes[this.passes.length - 1]!.model.labels;
  }

  tag(forms: readonly string[]): string[] {
    let labels: string[] | undefined;
    for (const pass of this.passes) labels = pass.tag(forms, labels);
    return labels ?? [];
  }
}
