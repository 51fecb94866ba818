/**
 * The tagger's model file (lexicons/pos/tagger.bin):
 *   "EXTRAIT-POS 1\n", a JSON header line, the feature names (UTF-8, '\n'-separated, byte length
 *   in the header), then for each feature a u8 count n and n × (u8 label, i16 LE weight).
 * Weights are the averaged perceptron's, quantised with the header's `scale`.
 */
import { ExtraitError } from '../core/errors.js';

const MAGIC = 'EXTRAIT-POS 1\n';

export interface ModelHeader {
  labels: string[];
  /** A stored weight w stands for w / scale. */
  scale: number;
  features: number;
  featureBytes: number;
  /** Free-form provenance: corpus, iterations, seed, date-free so retraining is byte-identical. */
  meta: Record<string, unknown>;
}

export interface TaggerModel {
  labels: string[];
  /** Weights of feature f for label l: `weights[index.get(f) * labels.length + l]`. */
  index: Map<string, number>;
  /** Feature names in index order: sorted by their UTF-16 code units. */
  names: readonly string[];
  weights: Float32Array;
  /** The same weights, sparse: feature f's non-zero weights are `values[rowStart[f] … rowStart[f + 1]]` for `columns[…]` labels. */
  rowStart: Uint32Array;
  columns: Uint8Array;
  values: Float32Array;
  /** The values as stored: `values[e]` is the float32 nearest `quantized[e] / scale` (computed as quantized[e] * (1 / scale)). */
  quantized: Int16Array;
  scale: number;
  meta: Record<string, unknown>;
}

export function encodeModel(labels: string[], weights: Map<string, Float64Array>, meta: Record<string, unknown>, minWeight: number): Buffer {
  let max = 0;
  const kept: [string, Float64Array][] = [];
  for (const [f, row] of [...weights].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    let rowMax = 0;
    for (const v of row) rowMax = Math.max(rowMax, Math.abs(v));
    if (rowMax < minWeight) continue;
    kept.push([f, row]);
    max = Math.max(max, rowMax);
  }
  const scale = max === 0 ? 1 : 32767 / max;
  const names = Buffer.from(kept.map(([f]) => f).join('\n'), 'utf8');
  const parts: number[] = [];
  for (const [, row] of kept) {
    const entries: [number, number][] = [];
    row.forEach((v, l) => {
      const q = Math.round(v * scale);
      if (q !== 0) entries.push([l, q]);
    });
    parts.push(entries.length);
    for (const [l, q] of entries) parts.push(l, q & 0xff, (q >> 8) & 0xff);
  }
  const header: ModelHeader = { labels, scale, features: kept.length, featureBytes: names.length, meta };
  return Buffer.concat([Buffer.from(MAGIC + JSON.stringify(header) + '\n', 'utf8'), names, Buffer.from(parts)]);
}

/** Decodes the models stored one after the other in a file (first pass, second pass). */
export function decodeModels(data: Buffer, source: string): TaggerModel[] {
  const models: TaggerModel[] = [];
  let at = 0;
  while (at < data.length) {
    const { model, end } = decodeAt(data, at, source);
    models.push(model);
    at = end;
  }
  return models;
}

export function decodeModel(data: Buffer, source: string): TaggerModel {
  const { model, end } = decodeAt(data, 0, source);
  if (end !== data.length) throw new ExtraitError('E_MODEL', `${source}: trailing bytes after the model`);
  return model;
}

function decodeAt(data: Buffer, start: number, source: string): { model: TaggerModel; end: number } {
  const bad = (why: string) => new ExtraitError('E_MODEL', `${source}: not a tagger model (${why}); run npm run train:pos`);
  if (data.subarray(start, start + MAGIC.length).toString('utf8') !== MAGIC) throw bad('bad magic');
  const headerEnd = data.indexOf(10, start + MAGIC.length);
  if (headerEnd < 0) throw bad('no header');
  let header: ModelHeader;
  try {
    header = JSON.parse(data.subarray(start + MAGIC.length, headerEnd).toString('utf8')) as ModelHeader;
  } catch (cause) {
    throw new ExtraitError('E_MODEL', `${source}: unreadable model header`, { cause });
  }
  const namesStart = headerEnd + 1;
  const names = data.subarray(namesStart, namesStart + header.featureBytes).toString('utf8').split('\n');
  if (names.length !== header.features) throw bad('feature count');
  const n = header.labels.length;
  const weights = new Float32Array(header.features * n);
  const index = new Map<string, number>();
  let at = namesStart + header.featureBytes;
  const inv = 1 / header.scale;
  const rowStart = new Uint32Array(header.features + 1);
  // at most one entry per 3 bytes left
  const capacity = Math.floor((data.length - at) / 3);
  const columns = new Uint8Array(capacity);
  const values = new Float32Array(capacity);
  const quantized = new Int16Array(capacity);
  let nnz = 0;
  for (let f = 0; f < header.features; f++) {
    index.set(names[f]!, f);
    rowStart[f] = nnz;
    const count = data[at++]!;
    for (let k = 0; k < count; k++) {
      const label = data[at]!;
      const q = ((data[at + 1]! | (data[at + 2]! << 8)) << 16) >> 16;
      weights[f * n + label] = q * inv;
      columns[nnz] = label;
      quantized[nnz] = q;
      values[nnz++] = q * inv;
      at += 3;
    }
  }
  rowStart[header.features] = nnz;
  if (at > data.length) throw bad('truncated');
  return {
    model: {
      labels: header.labels,
      index,
      names,
      weights,
      rowStart,
      columns: columns.slice(0, nnz),
      values: values.slice(0, nnz),
      quantized: quantized.slice(0, nnz),
      scale: header.scale,
      meta: header.meta,
    },
    end: at,
  };
}
