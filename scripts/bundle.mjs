// Bundles the command line into dist/cli/ and records V8's code cache for it, for start-up time:
// - dist/cli/index.js: the entry bin/extrait.js imports (answers --version on its own);
// - dist/cli/program.cjs: everything else, one CommonJS bundle, run from its source with the cache;
// - dist/cli/program.cache: the code V8 compiled while the bundle analysed the sample article.
// Runs after tsc (it reads dist/src/cli/code-cache.js).
import { build } from 'esbuild';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Writable } from 'node:stream';

rmSync('dist/cli', { recursive: true, force: true });

const common = { bundle: true, platform: 'node', target: 'node20', packages: 'bundle', logLevel: 'warning' };

/**
 * commander requires node:child_process for subcommands run as separate executables, which extrait
 * has none of; loading it costs about 3 ms at every start. The bundle gets it on first use instead.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      args.importer.includes('node_modules/commander/') ? { path: 'lazy-child-process', namespace: 'lazy' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({
      contents: "module.exports = { spawn: (...args) => require('node:child_process').spawn(...args) };",
      loader: 'js',
    }));
  },
};

/** Modules the bundles take in place of others: in the entry, the program comes from the cached bundle instead of the module graph. */
const SWAPS = [
  { importer: 'src/cli/index.ts', specifier: './program.js', replacement: 'src/cli/cached-program.ts' },
];
const swapped = new Set();
const swaps = {
  name: 'swaps',
  setup(b) {
    b.onResolve({ filter: /^\.\// }, (args) => {
      const swap = SWAPS.find((s) => args.path === s.specifier && args.importer.endsWith(s.importer));
      if (!swap) return undefined;
      swapped.add(swap);
      return { path: resolve(swap.replacement) };
    });
  },
};

const PROGRAM = 'dist/cli/program.cjs';
await build({
  ...common,
  entryPoints: ['src/cli/program.ts'],
  outfile: PROGRAM,
  format: 'cjs',
  define: { 'import.meta.url': '__extraitFileUrl' },
  banner: { js: "const __extraitFileUrl = require('node:url').pathToFileURL(__filename).href;" },
  plugins: [lazyChildProcess, swaps],
});
// esbuild leaves some non-ASCII characters in comments and regular expression literals. Escaped,
// the bundle is ASCII, which the CLI reads as Latin-1: a one-byte string, made by a plain copy
// instead of UTF-8 decoding into a two-byte string (measured: 4.7 ms → 1.6 ms for 1 MB).
const escaped = readFileSync(PROGRAM, 'utf8').replace(/[^\0-\x7f]/g, (c, at, text) => {
  if (text[at - 1] === '\\') throw new Error(`bundle: an escaped non-ASCII character at ${at} would change meaning`);
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
});
writeFileSync(PROGRAM, escaped);

await build({ ...common, entryPoints: ['src/cli/index.ts'], outfile: 'dist/cli/index.js', format: 'esm', plugins: [swaps] });
for (const swap of SWAPS) if (!swapped.has(swap)) throw new Error(`bundle: ${swap.importer} no longer imports ${swap.specifier}`);

// The warm-up: what a user runs most, so that its functions are in the cache. Few runs: functions
// that run once (lexicon loading) lose their bytecode to V8's flushing after a few garbage
// collections, and would then be missing from the cache (measured: 3 % more instructions at start-up).
const { requireWithCodeCache } = await import('../dist/src/cli/code-cache.js');
const program = requireWithCodeCache(resolve('dist/cli/program.cjs'), resolve('dist/cli/program.cache'));
const sink = () => Object.assign(new Writable({ write: (_chunk, _encoding, done) => done() }), { isTTY: false });
const io = { stdin: process.stdin, stdout: sink(), stderr: sink(), env: {} };
const sample = 'fixtures/lavrov-washington.txt';
for (const argv of [
  [sample, '-f', 'json'],
  [sample, '-f', 'table'],
]) {
  const code = await program.exports.runProgram(argv, io);
  if (code !== 0) throw new Error(`bundle warm-up: extrait ${argv.join(' ')} exited with ${code}`);
}
program.saveCache();
