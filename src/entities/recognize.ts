import type { Sentence, Token } from '../core/types.js';
import { lexiconPath } from '../core/paths.js';
import { ExtraitError } from '../core/errors.js';
import { labelSpans } from './corpus.js';
import { normalizeSpan, type TokenSpan } from './conventions.js';
import { FEATURE_VERSION, sentenceFeatures, tokenInfos, type TokenInfo } from './features.js';
import { LabellerCore } from './core.js';
import type { NerModel } from './model.js';
import { applyRules } from './rules.js';
import { documentMatches, type GazetteerEntry } from './lexicon.js';
import type { EntityType } from './types.js';
import { L, LABELS } from './model.js';

/** A recognised mention over tokens, with the rule that produced or changed it. */
export interface FoundMention extends TokenSpan {
  rule: string;
  /** The labeller's score for each type over the span (when the labeller found it). */
  scores?: Record<EntityType, number>;
}

const models = new Map<string, NerModel>();
/** The WebAssembly core each loaded model is in (recognize decodes with it). */
const cores = new WeakMap<NerModel, LabellerCore>();

/** The model file in use: EXTRAIT_NER_MODEL (a model from `extrait train-ner`) or the shipped one. */
export function modelPath(): string {
  return process.env.EXTRAIT_NER_MODEL || lexiconPath('entities', 'ner-model.bin');
}

/** Loads a model once per path (lazily: nothing is read until the first document). */
export function loadModel(path = modelPath()): NerModel {
  let model = models.get(path);
  if (!model) {
    const loaded = LabellerCore.load(path);
    model = loaded.model;
    if (model.info.featureVersion !== FEATURE_VERSION) {
      throw new ExtraitError('E_MODEL', `${path} was trained with features v${model.info.featureVersion}; this extrait computes v${FEATURE_VERSION}: retrain it (npm run train:ner)`);
    }
    if (loaded.core) cores.set(model, loaded.core);
    models.set(path, model);
  }
  return model;
}

export interface RecognizeOptions {
  model?: NerModel;
  /** User names (`--lexicon`): found wherever they occur, with their type. */
  lexicon?: readonly GazetteerEntry[];
}

/** Labels every sentence with the model, then tidies the spans by the conventions and rules. */
export function recognize(text: string, tokens: readonly Token[], sentences: readonly Sentence[], options: RecognizeOptions = {}): FoundMention[] {
  const model = options.model ?? loadModel();
  const core = cores.get(model);
  const found: FoundMention[] = [];
  const matches = documentMatches(tokens, sentences);
  for (const sentence of sentences) {
    const from = sentence.tokenStart;
    const to = sentence.tokenEnd;
    if (to <= from) continue;
    const infos = tokenInfos(tokens, from, to, matches);
    for (const [a, b] of activeRuns(infos)) {
      // Tokens far from any capital, digit or listed name are outside names: only the runs around them are decoded.
      const before = a === 0 ? L : 0;
      const { labels, emit } = core?.decode(infos, a, b, before) ?? model.decodeWithScores(sentenceFeatures(infos, a, b), before);
      for (const span of labelSpans(labels)) {
        const shifted = { start: span.start + from + a, end: span.end + from + a, type: span.type };
        const tidy = normalizeSpan(tokens, shifted);
        if (tidy) found.push({ ...tidy, rule: 'model', scores: typeScores(emit, tidy.start - from - a, tidy.end - from - a) });
      }
    }
  }
  return applyRules(text, tokens, sentences, found, options.lexicon ?? []);
}

/** Tokens decoded before and after a token that may belong to a name (names run on in lower case: Agence régionale de santé); 2 and 4 score as the whole sentence on every set. */
const RUN_BEFORE = 2;
const RUN_AFTER = 4;

/** Runs [a, b) of a sentence's tokens around capitals, digits and gazetteer matches. */
export function activeRuns(infos: readonly TokenInfo[]): [number, number][] {
  const n = infos.length;
  const runs: [number, number][] = [];
  let a = -1;
  let b = -1;
  for (let i = 0; i < n; i++) {
    const t = infos[i]!;
    if (!(t.word.capitalised || t.gaz || t.word.hasDigit)) continue;
    const from = Math.max(0, i - RUN_BEFORE);
    const to = Math.min(n, i + 1 + RUN_AFTER);
    if (a >= 0 && from <= b) b = Math.max(b, to);
    else {
      if (a >= 0) runs.push([a, b]);
      a = from;
      b = to;
    }
  }
  if (a >= 0) runs.push([a, b]);
  return runs;
}

const TYPES: EntityType[] = ['PER', 'LOC', 'ORG', 'MISC'];

/** Emission score of labelling tokens [start, end) as one span of each type (B- then I-). */
function typeScores(emit: Float64Array, start: number, end: number): Record<EntityType, number> {
  const out = {} as Record<EntityType, number>;
  for (const type of TYPES) {
    const b = LABELS.indexOf(`B-${type}` as (typeof LABELS)[number]);
    const i = LABELS.indexOf(`I-${type}` as (typeof LABELS)[number]);
    let sum = emit[start * L + b]!;
    for (let k = start + 1; k < end; k++) sum += emit[k * L + i]!;
    out[type] = sum;
  }
  return out;
}
