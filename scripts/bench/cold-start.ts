/**
 * Where the first analysis of a process spends its time: the sample article analysed once in a
 * fresh process, each step timed (document model, then every default component in pipeline order,
 * lexicons loading at first use included). Median of several fresh processes.
 *   npm run bench -- cold-start            (7 processes)
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Analysis } from '../../src/core/analysis.js';
import { createDocument } from '../../src/core/document.js';
import { packageRoot } from '../../src/core/paths.js';
import { normalizeText } from '../../src/input/normalize.js';
import { planComponents } from '../../src/pipeline/plan.js';
import { registry } from '../../src/pipeline/registry.js';

const SAMPLE = join('fixtures', 'lavrov-washington.txt');

/** One fresh process: the time of each step, in pipeline order. */
function measureOnce(): [string, number][] {
  const text = readFileSync(join(packageRoot(), SAMPLE), 'utf8');
  const steps: [string, number][] = [];
  let t = performance.now();
  let analysis: Analysis = { ...createDocument(normalizeText(text)), warnings: [] };
  steps.push(['document (tokens, sentences)', performance.now() - t]);
  for (const component of planComponents(registry, undefined)) {
    t = performance.now();
    analysis = { ...analysis, ...component.run(analysis, {}) };
    steps.push([component.name, performance.now() - t]);
  }
  return steps;
}

export async function main(args: string[] = []): Promise<void> {
  if (args[0] === '--child') {
    process.stdout.write(JSON.stringify(measureOnce()));
    return;
  }
  const runs = 7;
  const byStep = new Map<string, number[]>();
  for (let i = 0; i < runs; i++) {
    const self = fileURLToPath(import.meta.url);
    const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', `import(${JSON.stringify(self)}).then((m) => m.main(['--child']))`], {
      cwd: packageRoot(),
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`cold-start child failed: ${r.stderr}`);
    for (const [step, ms] of JSON.parse(r.stdout) as [string, number][]) byStep.set(step, [...(byStep.get(step) ?? []), ms]);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  let total = 0;
  console.log(`first analysis of ${SAMPLE} in a fresh process (median of ${runs}; lexicons load at first use):`);
  for (const [step, times] of byStep) {
    total += median(times);
    console.log(`  ${step.padEnd(30)} ${median(times).toFixed(1).padStart(7)} ms`);
  }
  console.log(`  ${'sum'.padEnd(30)} ${total.toFixed(1).padStart(7)} ms`);
}
