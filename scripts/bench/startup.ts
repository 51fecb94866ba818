/**
 * Start-up: fresh processes of the built CLI (dist/), timed from this process, beside bare node.
 * Each command runs twice unmeasured (file cache), then RUNS times; the median is printed, with
 * what it costs above bare node and its peak RSS (GNU time, when installed).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../src/core/paths.js';

const RUNS = 21;
const SAMPLE = 'fixtures/lavrov-washington.txt';
const BIN = join('bin', 'extrait.js');

const COMMANDS: { label: string; args: string[] }[] = [
  { label: 'node -e 0 (bare node)', args: ['-e', '0'] },
  { label: 'extrait --version', args: [BIN, '--version'] },
  { label: 'extrait tokens --no-pos <sample> -f json', args: [BIN, 'tokens', '--no-pos', SAMPLE, '-f', 'json'] },
  { label: 'extrait <sample> -f json (every component)', args: [BIN, SAMPLE, '-f', 'json'] },
  { label: 'extrait <sample> -f table (every component)', args: [BIN, SAMPLE, '-f', 'table'] },
];

function medianMs(args: string[], env: NodeJS.ProcessEnv): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS + 2; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, { cwd: packageRoot(), env, stdio: ['ignore', 'ignore', 'pipe'] });
    if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${r.stderr}`);
    if (i >= 2) times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

function peakRssMb(args: string[], env: NodeJS.ProcessEnv): string {
  if (!existsSync('/usr/bin/time')) return '';
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], { cwd: packageRoot(), env, encoding: 'utf8' });
  return `, peak RSS ${(Number(r.stderr.trim().split('\n').pop()) / 1024).toFixed(0)} MB`;
}

function measure(title: string, env: NodeJS.ProcessEnv): void {
  console.log(title);
  let bare = 0;
  for (const { label, args } of COMMANDS) {
    const ms = medianMs(args, env);
    if (args[0] === '-e') bare = ms;
    const above = args[0] === '-e' ? '' : ` (${(ms - bare).toFixed(0)} ms above bare node)`;
    console.log(`  ${label}: ${ms.toFixed(0)} ms${above}${peakRssMb(args, env)}`);
  }
}

export async function main(): Promise<void> {
  if (!existsSync(join(packageRoot(), 'dist', 'cli', 'index.js'))) {
    console.log('start-up: dist/ not built (npm run build)');
    return;
  }
  measure(`start-up, median of ${RUNS} fresh processes:`, process.env);
  if (process.env.NODE_EXTRA_CA_CERTS) {
    // Node 20 reads and parses that certificate file in every process, before any script runs.
    const { NODE_EXTRA_CA_CERTS: _, ...env } = process.env;
    measure('the same without NODE_EXTRA_CA_CERTS, which this environment sets (Node 20 parses the certificates at every start):', env);
  }
}
