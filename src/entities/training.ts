import { FEATURE_VERSION, sentenceFeatures, tokenFeatures, tokenInfos } from './features.js';
import type { ProjectedSentence } from './corpus.js';
import { serializeModel } from './model.js';
import { pruneWeights, trainPerceptron, type TrainingSentence } from './train.js';

export const DEFAULT_EPOCHS = 8;
/** Features kept in a model (a 2-byte slot at ≤ 0.6 load and a 24-byte row of key and weights each: about 1.7 MB; measured: no accuracy lost from 139k). */
export const MAX_FEATURES = 60_000;

export interface TrainModelOptions {
  epochs: number;
  maxFeatures: number;
  training: Record<string, unknown>;
  seed?: number;
  onEpoch?: (epoch: number, accuracy: number) => void;
}

/** Features of a projected sentence, as the labeller computes them at run time. */
export function featurize(sentence: ProjectedSentence): TrainingSentence {
  const features = sentenceFeatures(tokenInfos(sentence.tokens, 0, sentence.tokens.length));
  return { features: Array.from({ length: features.n }, (_, i) => tokenFeatures(features, i)), gold: sentence.labels };
}

/** Trains a labeller on projected sentences and returns the model file's bytes. */
export function trainModelFile(sentences: readonly ProjectedSentence[], options: TrainModelOptions): Buffer {
  const data = sentences.filter((s) => s.tokens.length > 0).map(featurize);
  const { weights, transitions } = trainPerceptron(data, { epochs: options.epochs, seed: options.seed ?? 1, ...(options.onEpoch && { onEpoch: options.onEpoch }) });
  const kept = pruneWeights(weights, options.maxFeatures);
  return serializeModel(kept, transitions, { ...options.training, epochs: options.epochs, sentences: data.length, featuresBeforePruning: weights.size }, FEATURE_VERSION);
}
