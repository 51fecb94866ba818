import type { Analysis } from '../core/analysis.js';
import { createDocument } from '../core/document.js';
import { normalizeText } from '../input/normalize.js';
import type { AnalyzeOptions, Component } from './component.js';
import { planComponents } from './plan.js';
import { registry } from './registry.js';

/**
 * Analyses one text: normalises it (offsets refer to the normalised text, returned as `text`),
 * builds the document model, then runs the pipeline components.
 */
export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const plan = planComponents(registry, options.components, options.disable);
  return runComponents(plan, text, options);
}

/** Analyses many texts with one plan (the plan is checked once, models load once). */
export function createAnalyzer(options: AnalyzeOptions = {}): (text: string, meta?: AnalyzeOptions['meta']) => Analysis {
  const plan = planComponents(registry, options.components, options.disable);
  return (text, meta) => runComponents(plan, text, { ...options, meta: { ...options.meta, ...meta } });
}

function runComponents(plan: readonly Component[], text: string, options: AnalyzeOptions): Analysis {
  let analysis: Analysis = { ...createDocument(normalizeText(text), options.meta), warnings: [] };
  for (const component of plan) {
    analysis = { ...analysis, ...component.run(analysis, options) };
  }
  return analysis;
}
