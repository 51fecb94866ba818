/**
 * `npx tsx scripts/build/dates-compiled.ts`: writes lexicons/dates/generated/compiled.json from the
 * readable lists and rules of lexicons/dates/ (which stay the source of truth; tests/dates-rules.test.ts
 * checks the compiled file equals a fresh compile). Run it after editing any file of lexicons/dates/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { lexiconPath } from '../../src/core/paths.js';
import { compileDates, DATES_COMPILED_FILE } from '../../src/dates/compile.js';

const path = lexiconPath(...DATES_COMPILED_FILE);
mkdirSync(dirname(path), { recursive: true });
writeFileSync(path, compileDates());
process.stdout.write(`${DATES_COMPILED_FILE.join('/')}\n`);
