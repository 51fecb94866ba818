/** Averaged-perceptron training of the tagger (used by scripts/train/pos.ts). */
import { allFeatures, wordInfo, type ClassLookup, type WordInfo } from './features.js';
import { seededRandom, shuffleInPlace } from '../core/random.js';

export interface TrainingSentence {
  /** Surface tokens, as written. */
  forms: string[];
  /** One label per surface token: a UPOS tag, or the tags of a multiword token's words joined with '+'. */
  labels: string[];
}

export interface TrainOptions {
  iterations: number;
  seed: number;
  lookup: ClassLookup;
  /**
   * Share of training tokens seen without their word-identity features, so that the model also
   * learns to tag from endings, shape and lexicon class: the case of every word it never saw.
   */
  wordDropout?: number;
  /** First-pass tags of each training sentence: the model then also reads the tags ahead. */
  ahead?: readonly (readonly string[])[];
  /** Called after each pass with the share of training tokens it tagged right. */
  onIteration?: (iteration: number, accuracy: number) => void;
}

export interface TrainedWeights {
  labels: string[];
  /** Averaged weights per feature, one value per label. */
  weights: Map<string, Float64Array>;
}


class Perceptron {
  readonly ids = new Map<string, number>();
  w = new Float64Array(0);
  totals = new Float64Array(0);
  stamps = new Int32Array(0);
  instances = 0;

  constructor(readonly nLabels: number) {}

  private id(feature: string, create: boolean): number {
    let id = this.ids.get(feature);
    if (id === undefined) {
      if (!create) return -1;
      id = this.ids.size;
      this.ids.set(feature, id);
      const need = (id + 1) * this.nLabels;
      if (need > this.w.length) {
        const size = Math.max(need, this.w.length * 2, 1024 * this.nLabels);
        const grow = <T extends Float64Array | Int32Array>(a: T, make: (n: number) => T): T => {
          const b = make(size);
          b.set(a);
          return b;
        };
        this.w = grow(this.w, (n) => new Float64Array(n));
        this.totals = grow(this.totals, (n) => new Float64Array(n));
        this.stamps = grow(this.stamps, (n) => new Int32Array(n));
      }
    }
    return id;
  }

  predict(features: readonly string[]): number {
    const scores = new Float64Array(this.nLabels);
    for (const f of features) {
      const id = this.ids.get(f);
      if (id === undefined) continue;
      const base = id * this.nLabels;
      for (let l = 0; l < this.nLabels; l++) scores[l]! += this.w[base + l]!;
    }
    let best = 0;
    for (let l = 1; l < this.nLabels; l++) if (scores[l]! > scores[best]!) best = l;
    return best;
  }

  update(features: readonly string[], truth: number, guess: number): void {
    this.instances++;
    if (truth === guess) return;
    for (const f of features) {
      const base = this.id(f, true) * this.nLabels;
      this.bump(base + truth, 1);
      this.bump(base + guess, -1);
    }
  }

  private bump(at: number, delta: number): void {
    this.totals[at]! += (this.instances - this.stamps[at]!) * this.w[at]!;
    this.stamps[at] = this.instances;
    this.w[at]! += delta;
  }

  averaged(): Map<string, Float64Array> {
    const out = new Map<string, Float64Array>();
    for (const [f, id] of this.ids) {
      const row = new Float64Array(this.nLabels);
      let any = false;
      for (let l = 0; l < this.nLabels; l++) {
        const at = id * this.nLabels + l;
        const total = this.totals[at]! + (this.instances - this.stamps[at]!) * this.w[at]!;
        row[l] = total / this.instances;
        if (row[l] !== 0) any = true;
      }
      if (any) out.set(f, row);
    }
    return out;
  }
}

/** Tags with trained (unquantised) weights, as the runtime tagger does. */
export function tagWithWeights(trained: TrainedWeights, words: readonly WordInfo[], ahead?: readonly string[]): string[] {
  const n = trained.labels.length;
  const out: string[] = [];
  let t1 = '<s>';
  let t2 = '<s2>';
  const scores = new Float64Array(n);
  for (let i = 0; i < words.length; i++) {
    scores.fill(0);
    for (const f of allFeatures(words, i, t1, t2, ahead)) {
      const row = trained.weights.get(f);
      if (row) for (let l = 0; l < n; l++) scores[l]! += row[l]!;
    }
    let best = 0;
    for (let l = 1; l < n; l++) if (scores[l]! > scores[best]!) best = l;
    out.push(trained.labels[best]!);
    t2 = t1;
    t1 = trained.labels[best]!;
  }
  return out;
}

export interface StackedWeights {
  /** Left-to-right tagger. */
  first: TrainedWeights;
  /** Left-to-right tagger that also reads the first pass's tags of the words ahead. */
  second: TrainedWeights;
}

/**
 * Two passes: the second model reads the first one's tags of the next words. Its training tags
 * come from first-pass models that did not see the sentence (k-fold), so it learns how far to trust them.
 */
export function trainStacked(sentences: readonly TrainingSentence[], options: TrainOptions & { folds: number; models?: number }): StackedWeights {
  const ahead: string[][] = new Array(sentences.length);
  for (let fold = 0; fold < options.folds; fold++) {
    const held = sentences.filter((_, i) => i % options.folds !== fold);
    const trained = trainAveraged(held, { ...options, onIteration: undefined }, options.models ?? 1);
    sentences.forEach((s, i) => {
      if (i % options.folds !== fold) return;
      const words = s.forms.map((f) => wordInfo(f, options.lookup));
      ahead[i] = tagWithWeights(trained, words);
    });
  }
  const first = trainAveraged(sentences, { ...options, onIteration: undefined }, options.models ?? 1);
  const second = trainAveraged(sentences, { ...options, ahead }, options.models ?? 1);
  return { first, second };
}

const WORD_IDENTITY = /^(w|f|t1w|ww|wn|n1w):/;

/**
 * The mean of `models` perceptrons trained with consecutive seeds: one linear model whose scores
 * are the models' mean scores, steadier than any of them (the tagger costs the same to run).
 */
export function trainAveraged(sentences: readonly TrainingSentence[], options: TrainOptions, models: number): TrainedWeights {
  if (models <= 1) return trainTagger(sentences, options);
  const runs = Array.from({ length: models }, (_, k) => trainTagger(sentences, { ...options, seed: options.seed + k, onIteration: k === 0 ? options.onIteration : undefined }));
  const labels = runs[0]!.labels;
  const weights = new Map<string, Float64Array>();
  for (const run of runs) {
    for (const [f, row] of run.weights) {
      let sum = weights.get(f);
      if (!sum) weights.set(f, (sum = new Float64Array(labels.length)));
      for (let l = 0; l < row.length; l++) sum[l]! += row[l]! / models;
    }
  }
  return { labels, weights: new Map([...weights].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) };
}

/** Trains on the sentences; the previous tags seen in training are the model's own guesses. */
export function trainTagger(sentences: readonly TrainingSentence[], options: TrainOptions): TrainedWeights {
  const labels = [...new Set(sentences.flatMap((s) => s.labels))].sort();
  const labelIds = new Map(labels.map((l, i) => [l, i]));
  const model = new Perceptron(labels.length);
  const prepared = sentences.map((s) => ({ words: s.forms.map((f) => wordInfo(f, options.lookup)), gold: s.labels.map((l) => labelIds.get(l)!) }));
  const random = seededRandom(options.seed);
  const dropout = options.wordDropout ?? 0;
  const order = prepared.map((_, i) => i);
  for (let it = 1; it <= options.iterations; it++) {
    shuffleInPlace(order, random);
    let right = 0;
    let total = 0;
    for (const index of order) {
      const { words, gold } = prepared[index]!;
      const ahead = options.ahead?.[index];
      let t1 = '<s>';
      let t2 = '<s2>';
      for (let i = 0; i < words.length; i++) {
        let features = allFeatures(words, i, t1, t2, ahead);
        if (dropout > 0 && random() < dropout) features = features.filter((f) => !WORD_IDENTITY.test(f));
        const guess = model.predict(features);
        model.update(features, gold[i]!, guess);
        if (guess === gold[i]) right++;
        total++;
        t2 = t1;
        t1 = labels[guess]!;
      }
    }
    options.onIteration?.(it, right / total);
  }
  return { labels, weights: model.averaged() };
}
