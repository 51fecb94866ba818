/**
 * `npx tsx scripts/build/topics-compiled.ts`: writes the compiled files of lexicons/topics/generated/
 * from the readable lists (which stay the source of truth; tests/topics-lexicon.test.ts checks that
 * each compiled file equals a fresh compile). Run it after editing lexicons/topics/categories/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { lexiconPath } from '../../src/core/paths.js';
import { CATEGORY_TERMS_FILE, compileCategoryTerms } from '../../src/topics/compile.js';

const path = lexiconPath(...CATEGORY_TERMS_FILE);
mkdirSync(dirname(path), { recursive: true });
const text = compileCategoryTerms();
writeFileSync(path, text);
process.stdout.write(`${CATEGORY_TERMS_FILE.join('/')}: ${text.split('\n').length - 4} first words\n`);
