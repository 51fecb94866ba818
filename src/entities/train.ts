import { L, viterbi } from './model.js';
import { seededRandom, shuffleInPlace } from '../core/random.js';

/** A sentence ready for training: the feature hashes of each token and its gold label index. */
export interface TrainingSentence {
  features: Uint32Array[];
  gold: number[];
}

export interface TrainOptions {
  epochs: number;
  seed?: number;
  /** Called after each epoch with the share of tokens labelled right during it. */
  onEpoch?: (epoch: number, accuracy: number) => void;
}

export interface TrainedWeights {
  weights: Map<number, Float64Array>;
  transitions: Float64Array;
}


/**
 * Structured averaged perceptron (Collins 2002): decode each sentence with the current weights
 * (Viterbi), move the weights toward the gold path and away from the predicted one; the returned
 * weights are the average over every step, which generalises much better than the last ones.
 * Deterministic for a given seed and sentence order.
 */
export function trainPerceptron(sentences: readonly TrainingSentence[], options: TrainOptions): TrainedWeights {
  // Per feature: L current weights then L accumulated (step × update) sums, for lazy averaging.
  const table = new Map<number, Float64Array>();
  const trans = new Float64Array((L + 1) * L);
  const transAcc = new Float64Array((L + 1) * L);
  const random = seededRandom(options.seed ?? 1);
  const order = sentences.map((_, i) => i);
  let step = 1;

  const update = (features: Uint32Array, label: number, delta: number) => {
    for (const h of features) {
      let w = table.get(h);
      if (!w) table.set(h, (w = new Float64Array(2 * L)));
      w[label]! += delta;
      w[L + label]! += step * delta;
    }
  };

  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    shuffleInPlace(order, random);
    let right = 0;
    let total = 0;
    for (const index of order) {
      const { features, gold } = sentences[index]!;
      const n = features.length;
      if (n === 0) continue;
      const emit = new Float64Array(n * L);
      for (let t = 0; t < n; t++) {
        for (const h of features[t]!) {
          const w = table.get(h);
          if (w) for (let k = 0; k < L; k++) emit[t * L + k]! += w[k]!;
        }
      }
      const predicted = viterbi(emit, n, trans);
      for (let t = 0; t < n; t++) {
        total++;
        const g = gold[t]!;
        const p = predicted[t]!;
        const gPrev = t === 0 ? L : gold[t - 1]!;
        const pPrev = t === 0 ? L : predicted[t - 1]!;
        if (g === p) right++;
        if (g !== p) {
          update(features[t]!, g, 1);
          update(features[t]!, p, -1);
        }
        if (g !== p || gPrev !== pPrev) {
          trans[gPrev * L + g]! += 1;
          transAcc[gPrev * L + g]! += step;
          trans[pPrev * L + p]! -= 1;
          transAcc[pPrev * L + p]! -= step;
        }
      }
      step++;
    }
    options.onEpoch?.(epoch, total ? right / total : 1);
  }

  const weights = new Map<number, Float64Array>();
  for (const [h, w] of table) {
    const avg = new Float64Array(L);
    let any = false;
    for (let k = 0; k < L; k++) {
      avg[k] = w[k]! - w[L + k]! / step;
      if (Math.abs(avg[k]!) > 1e-9) any = true;
    }
    if (any) weights.set(h, avg);
  }
  const transitions = new Float64Array((L + 1) * L);
  for (let k = 0; k < transitions.length; k++) transitions[k] = trans[k]! - transAcc[k]! / step;
  return { weights, transitions };
}

/**
 * Keeps the features that matter most until the model fits `maxFeatures`: ranked by the largest
 * weight they give any label (small weights barely move a decision).
 */
export function pruneWeights(weights: Map<number, Float64Array>, maxFeatures: number): Map<number, Float64Array> {
  if (weights.size <= maxFeatures) return weights;
  const ranked = [...weights.entries()].map(([h, w]) => {
    let m = 0;
    for (const x of w) m = Math.max(m, Math.abs(x));
    return { h, w, m };
  });
  ranked.sort((a, b) => b.m - a.m || a.h - b.h);
  return new Map(ranked.slice(0, maxFeatures).map(({ h, w }) => [h, w]));
}
