import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../core/paths.js';
import { processIO, type CliIO } from './io.js';

export type { CliIO } from './io.js';

export function version(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * The command line: parses argv, runs, and resolves to the exit code. Never exits the process.
 * `--version` answers before anything else is loaded, so it stays fast.
 */
export async function run(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    io.stdout.write(version() + '\n');
    return 0;
  }
  const { runProgram } = await import('./program.js');
  return runProgram(argv, io);
}
