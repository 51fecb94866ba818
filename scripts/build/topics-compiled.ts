/**
 * `npx tsx scripts/build/topics-compiled.ts`: writes the compiled files of lexicons/topics/generated/
 * from the readable lists (which stay the source of truth; tests/topics-lexicon.test.ts checks that
 * each compiled file equals a fresh compile). Run it after editing lexicons/topics/categories/ or
 * rebuilding background.tsv.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { lexiconPath } from '../../src/core/paths.js';
import { BACKGROUND_INDEX_FILE, CATEGORY_TERMS_FILE, compileBackgroundIndex, compileCategoryTerms, compileWordLists, WORD_LISTS_FILE } from '../../src/topics/compile.js';

const terms = lexiconPath(...CATEGORY_TERMS_FILE);
mkdirSync(dirname(terms), { recursive: true });
const { tsv, index } = compileCategoryTerms();
writeFileSync(terms, tsv);
writeFileSync(terms.replace(/\.tsv$/, '.idx'), index);
writeFileSync(lexiconPath(...BACKGROUND_INDEX_FILE), compileBackgroundIndex());
writeFileSync(lexiconPath(...WORD_LISTS_FILE), compileWordLists());
process.stdout.write(`${CATEGORY_TERMS_FILE.join('/')} (+ .idx), ${BACKGROUND_INDEX_FILE.join('/')}, ${WORD_LISTS_FILE.join('/')}\n`);
