// Bundles the command line into dist/cli/: one module graph read at start-up instead of a hundred
// small files, which halves the start-up time. Heavy modules stay in chunks loaded on demand.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

rmSync('dist/cli', { recursive: true, force: true });
await build({
  entryPoints: ['src/cli/index.ts'],
  outdir: 'dist/cli',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'bundle',
  // CommonJS dependencies (cli-table3) call require(): give the ES module one
  banner: { js: "import { createRequire as __extraitRequire } from 'node:module'; const require = __extraitRequire(import.meta.url);" },
  logLevel: 'warning',
});
