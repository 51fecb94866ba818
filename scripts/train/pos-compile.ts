/**
 * `npm run compile:pos [-- --dir DIR]`: writes the load-time forms of the POS files (run by
 * train:pos after training; run it alone after editing them by hand):
 *   tagger-tables.bin   the tagger's tables, viewed in place at load (src/pos/tables.ts), from tagger.bin
 *   lexicon.index.tsv   the first form of every block of lexicon.tsv, so that a lookup reads one block
 *   common-words.bin    the lexicon and corpus lines of the common words, in a hash table
 * and src/pos/core-wasm.ts, the WebAssembly core compiled from src/pos/core.wat.
 * Deterministic: tests/pos-data.test.ts checks the committed files equal a fresh compile.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { lexiconPath, packageRoot } from '../../src/core/paths.js';
import { CORE_MODULE, compileCore, compilePosFiles } from '../../src/pos/compile.js';

export async function main(args: string[]): Promise<void> {
  const at = args.indexOf('--dir');
  const dir = at >= 0 && args[at + 1] ? args[at + 1]! : lexiconPath('pos');
  for (const { file, data } of compilePosFiles((name) => readFileSync(join(dir, name)))) {
    writeFileSync(join(dir, file), data);
    console.log(`${relative(process.cwd(), join(dir, file))}: ${(data.length / 1024).toFixed(0)} kB`);
  }
  writeFileSync(join(packageRoot(), CORE_MODULE), await compileCore());
  console.log(`${CORE_MODULE}: written`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
