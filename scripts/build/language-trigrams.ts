/**
 * `npm run build:language`: writes lexicons/language/generated/trigrams.json, franc-min's trigram
 * lists by script and language, so that the language step reads them from a file when a text
 * needs them instead of every run importing them (tests/language.test.ts checks the file still
 * equals the installed franc-min's data). Run it after upgrading franc-min.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { data } from 'franc-min/data.js';
import { lexiconPath, packageRoot } from '../../src/core/paths.js';
import { TRIGRAMS_FILE, trigramsFileText } from '../../src/language/trigrams.js';

const { version } = JSON.parse(readFileSync(join(packageRoot(), 'node_modules', 'franc-min', 'package.json'), 'utf8')) as { version: string };
const path = lexiconPath(...TRIGRAMS_FILE);
mkdirSync(dirname(path), { recursive: true });
writeFileSync(path, trigramsFileText(data, version));
process.stdout.write(`${TRIGRAMS_FILE.join('/')}: franc-min ${version}, ${Object.values(data).reduce((n, languages) => n + Object.keys(languages).length, 0)} languages\n`);
