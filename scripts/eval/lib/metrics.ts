export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Scores extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

export function score({ tp, fp, fn }: Counts): Scores {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

/** Exact matching of span sets keyed by start:end. */
export function compareSpans(gold: readonly { start: number; end: number }[], predicted: readonly { start: number; end: number }[]): Counts {
  const key = (s: { start: number; end: number }) => `${s.start}:${s.end}`;
  const goldKeys = new Set(gold.map(key));
  const predictedKeys = new Set(predicted.map(key));
  let tp = 0;
  for (const k of predictedKeys) if (goldKeys.has(k)) tp++;
  return { tp, fp: predictedKeys.size - tp, fn: goldKeys.size - tp };
}

export function add(a: Counts, b: Counts): Counts {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn };
}

export const pct = (x: number): string => (100 * x).toFixed(2);
