import type { Analysis } from '../core/analysis.js';

/** The version of the JSON shape (schema/extrait.schema.json); bumped on any incompatible change. */
export const SCHEMA_VERSION = '1.0';

/** Fields every document carries, in output order, before the extracted ones. */
const HEAD = ['id', 'source', 'date', 'title', 'language'] as const;
/** Extracted fields in output order. */
export const ALL_FIELDS: readonly (keyof Analysis)[] = ['paragraphs', 'sentences', 'tokens', 'mentions', 'entities', 'quotes', 'dates', 'topics'];

/**
 * One document of the JSON output: metadata, the requested fields that were computed, warnings.
 * The values are the analysis's own: shapeForOutput (offsets.ts) copies them for output.
 */
export function documentJson(analysis: Analysis, fields: readonly (keyof Analysis)[], includeText: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of HEAD) if (analysis[key] !== undefined) out[key] = analysis[key];
  if (includeText) out.text = analysis.text;
  for (const key of ALL_FIELDS) {
    if (fields.includes(key) && analysis[key] !== undefined) out[key] = analysis[key];
  }
  if (analysis.warnings.length > 0) out.warnings = analysis.warnings;
  return out;
}
