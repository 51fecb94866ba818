import type { Analysis } from '../core/analysis.js';

/** The version of the JSON shape (schema/extrait.schema.json); bumped on any incompatible change. */
export const SCHEMA_VERSION = '1.0';

/** Fields every document carries, in output order, before the extracted ones. */
const HEAD = ['id', 'source', 'date', 'title', 'language'] as const;
/** Extracted fields in output order. */
export const ALL_FIELDS: readonly (keyof Analysis)[] = ['paragraphs', 'sentences', 'tokens', 'mentions', 'entities', 'quotes', 'dates', 'topics'];

export interface DocumentJsonOptions {
  includeText: boolean;
  explain: boolean;
}

/** One document of the JSON output: metadata, the requested fields that were computed, warnings. */
export function documentJson(analysis: Analysis, fields: readonly (keyof Analysis)[], options: DocumentJsonOptions): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of HEAD) if (analysis[key] !== undefined) out[key] = analysis[key];
  if (options.includeText) out.text = analysis.text;
  for (const key of ALL_FIELDS) {
    if (fields.includes(key) && analysis[key] !== undefined) out[key] = options.explain ? analysis[key] : withoutRules(analysis[key]);
  }
  if (analysis.warnings.length > 0) out.warnings = analysis.warnings;
  return out;
}

/** Drops the `rule` fields that only `--explain` shows. */
export function withoutRules<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutRules) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) if (key !== 'rule') out[key] = withoutRules(v);
  return out as T;
}
