import { processIO, type CliIO } from './io.js';
import { version } from './version.js';

export type { CliIO } from './io.js';
export { version } from './version.js';

/**
 * The command line: parses argv, runs, and resolves to the exit code. Never exits the process.
 * `--version` answers before anything else is loaded, so it stays fast.
 */
export async function run(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    io.stdout.write(version() + '\n');
    return 0;
  }
  // the build swaps './program.js' for the bundled program read with its code cache (cached-program.ts)
  const { runProgram } = await import('./program.js');
  return runProgram(argv, io);
}
