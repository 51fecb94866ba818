/**
 * Greedy left-to-right tagging with the averaged perceptron, computing exactly the features of
 * features.ts without building their strings: the weights of the features that read one word are
 * summed once per distinct word, those that read tags come from tables indexed by tag, and those
 * that join two or three words are found by the words' ids. On running text words repeat, so a
 * token costs a few vector additions and a handful of sparse rows.
 *
 * The lookups and the arithmetic run in the WebAssembly core (core.wat) over the compiled tables
 * (tables.ts); each distinct word gets a record there, laid out by core.wat.
 */
import { BOS, EOS, wordInfo, type ClassLookup, type WordInfo } from './features.js';
import { BOUNDARY_TAGS, type TaggerTables } from './tables.js';
import type { Core } from './core.js';
import { ExtraitError } from '../core/errors.js';

/** Limits on the labels of the last pass. */
export interface TagConstraints {
  /** Labels a word may take (label i: bit i); undefined: any. */
  allowed(w: WordInfo): number | undefined;
  /** Whether a token (lower-cased) is a clitic that only ever follows a verb. */
  afterVerb(lower: string): boolean;
}

/** A distinct word form, shared by the passes: what each pass precomputed for it. */
export interface WordEntry {
  /** Small integer naming the form while it is cached (0 and 1: sentence boundaries). */
  id: number;
  info: WordInfo;
  /** Address of the word's record in each pass. */
  passes: number[];
  /** Whatever the caller keeps per (form, label id), e.g. lemmas. */
  results: unknown[];
}

/** A word's record, read back (for tests and inspection). */
export interface PassWord {
  /** Ids of the lower-cased form and of the lexicon class among the strings the features read (-1: none). */
  word: number;
  lexClass: number;
  /** Rows of the position feature when the word opens the sentence, and when it does not. */
  first: number;
  inner: number;
  /** Labels the word may take, as bits; undefined: any. */
  allowed: number | undefined;
  afterVerb: boolean;
  /** Summed weights of the word's own features at each offset (-2 … 2): 5 × labels. */
  sums: Float32Array;
}

const MAX_CACHED_WORDS = 200_000;
const RECORD_HEADER = 32;

/** One left-to-right pass of the tagger. */
export class TaggerPass {
  readonly n: number;
  private readonly core: Core;
  private readonly recordBytes: number;
  /** Sentence buffers in the core: record addresses, a previous pass's labels, the labels out. */
  private io = { words: 0, ahead: 0, out: 0, capacity: 0 };
  readonly bos: number;
  readonly eos: number;

  constructor(
    readonly tables: TaggerTables,
    private readonly constraints?: TagConstraints,
  ) {
    this.n = tables.labels.length;
    this.core = tables.core;
    this.recordBytes = RECORD_HEADER + 20 * this.n;
    // a boundary is never tagged: the labels it may take are never read
    this.bos = this.prepare(BOS, false);
    this.eos = this.prepare(EOS, false);
  }

  /** This pass's record of a word: its address. */
  prepare(info: WordInfo, tagged = true): number {
    const { core } = this;
    const record = core.alloc(this.recordBytes);
    const { lower, form, shape, lexClass } = info;
    const key = core.writeKey(lower + form + shape + lexClass);
    const allowed = tagged ? this.constraints?.allowed(info) : undefined;
    const afterVerb = this.constraints?.afterVerb(lower) ? 1 : 0;
    core.prepare(this.tables.pass, record, key, lower.length, form.length, shape.length, lexClass.length, form !== lower ? 1 : 0, lower.includes('-') ? 1 : 0, allowed ?? 0, allowed === undefined ? 0 : 1, afterVerb);
    return record;
  }

  /**
   * Label ids, one per word (`slot` picks this pass's record in each entry); `ahead` holds a
   * previous pass's label ids, read by a second-pass model.
   */
  tagEntries(words: readonly WordEntry[], slot: number, ahead?: Int32Array): Int32Array {
    const m = words.length;
    const { core } = this;
    if (m > this.io.capacity) {
      const capacity = Math.max(64, m * 2);
      this.io = { words: core.alloc(capacity * 4), ahead: core.alloc(capacity * 4), out: core.alloc(capacity * 4), capacity };
    }
    const { io } = this;
    const i32 = core.i32;
    for (let i = 0; i < m; i++) i32[(io.words >> 2) + i] = words[i]!.passes[slot]!;
    if (ahead) i32.set(ahead, io.ahead >> 2);
    core.tag(this.tables.pass, io.words, m, ahead ? io.ahead : 0, io.out, this.bos, this.eos);
    return core.i32.slice(io.out >> 2, (io.out >> 2) + m);
  }

  /** Forgets the sentence buffers (the core's memory they were in is given back). */
  forgetBuffers(): void {
    this.io = { words: 0, ahead: 0, out: 0, capacity: 0 };
  }

  /** A record read back. */
  record(address: number): PassWord {
    const i32 = this.core.i32;
    const at = address >> 2;
    return {
      word: i32[at]!,
      lexClass: i32[at + 1]!,
      first: i32[at + 2]!,
      inner: i32[at + 3]!,
      allowed: i32[at + 5] ? i32[at + 4]! : undefined,
      afterVerb: i32[at + 6] !== 0,
      sums: this.core.f32.slice(at + RECORD_HEADER / 4, at + RECORD_HEADER / 4 + 5 * this.n),
    };
  }

  /** The row of a string's feature of a kind (tables.ts; T1W + tag id…), -1 when none. */
  featureRow(id: number, kind: number): number {
    return this.core.featureOf(this.tables.pass, id, kind);
  }

  /** The row of a feature joining strings (kinds in tables.ts; c = -1 for two), -1 when none. */
  tupleRow(kind: number, a: number, b: number, c: number): number {
    return this.core.tupleRow(this.tables.pass, kind, a, b, c);
  }
}

/** The tagger: a first pass, then (when the model has one) a second pass reading the first's tags ahead. */
export class Tagger {
  readonly passes: TaggerPass[];
  private cache = new Map<string, WordEntry>();
  private nextId = 2;
  private readonly core: Core;
  /** Where the words' records start in the core's memory. */
  private readonly mark: number;

  constructor(tables: readonly TaggerTables[], private readonly lookup: ClassLookup, constraints?: TagConstraints) {
    const labels = tables[0]?.labels.join(' ');
    if (labels === undefined || tables.some((m) => m.labels.join(' ') !== labels)) {
      throw new ExtraitError('E_MODEL', 'tagger model: its passes must share one label set (retrain with npm run train:pos)');
    }
    this.core = tables[0]!.core;
    if (tables.some((t) => t.core !== this.core)) throw new ExtraitError('E_MODEL', 'tagger model: its passes must share one core');
    this.passes = tables.map((m, i) => new TaggerPass(m, i === tables.length - 1 ? constraints : undefined));
    this.mark = this.core.mark();
  }

  get labels(): readonly string[] {
    return this.passes[this.passes.length - 1]!.tables.labels;
  }

  /** The cached entries of the forms (made on first sight). */
  entries(forms: readonly string[]): WordEntry[] {
    if (this.cache.size + forms.length > MAX_CACHED_WORDS) {
      this.cache = new Map();
      this.nextId = 2;
      this.core.release(this.mark);
      for (const pass of this.passes) pass.forgetBuffers();
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
