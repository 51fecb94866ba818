import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { requireWithCodeCache, type CachedModule } from './code-cache.js';
import type * as Program from './program.js';

/**
 * The program as the built CLI loads it: dist/cli/program.cjs, one CommonJS bundle, with the
 * code cache the build wrote beside it (scripts/bundle.mjs). The bundler puts this module in
 * place of './program.js' in dist/cli/index.js.
 */
const here = dirname(fileURLToPath(import.meta.url));
export const PROGRAM_FILE = join(here, 'program.cjs');
export const CODE_CACHE_FILE = join(here, 'program.cache');

let loaded: CachedModule<typeof Program> | undefined;

export function loadProgram(): CachedModule<typeof Program> {
  return (loaded ??= requireWithCodeCache<typeof Program>(PROGRAM_FILE, CODE_CACHE_FILE));
}

export const runProgram: typeof Program.runProgram = (argv, io) => loadProgram().exports.runProgram(argv, io);
