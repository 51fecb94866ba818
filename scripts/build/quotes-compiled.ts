/**
 * `npx tsx scripts/build/quotes-compiled.ts`: writes lexicons/quotes/generated/lexicon.tsv and its
 * index from the readable lists of lexicons/quotes/ (which stay the source of truth;
 * tests/quotes-lexicon.test.ts checks the compiled files equal a fresh compile). Run it after
 * editing any list of lexicons/quotes/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { lexiconPath } from '../../src/core/paths.js';
import { compileQuotesLexicon } from '../../src/quotes/compile.js';
import { QUOTES_LEXICON_FILE } from '../../src/quotes/lexicon.js';

const path = lexiconPath(...QUOTES_LEXICON_FILE);
mkdirSync(dirname(path), { recursive: true });
const { tsv, index } = compileQuotesLexicon();
writeFileSync(path, tsv);
writeFileSync(path.replace(/\.tsv$/, '.idx'), index);
process.stdout.write(`${QUOTES_LEXICON_FILE.join('/')} (+ .idx): ${tsv.split('\n').length - 3} words\n`);
