/**
 * `npm run build:gazetteers`: writes lexicons/entities/generated/*.tsv from maintained open data
 * shipped as npm packages (devDependencies: the generated files are committed, the packages are
 * not needed at run time). Deterministic: sorted output, no dates.
 *
 * - places.tsv: country names in French (i18n-iso-countries), French regions, departments and
 *   communes of at least MIN_POPULATION inhabitants (@etalab/decoupage-administratif).
 * - first-names.tsv: first names with their usual gender, from the person data of
 *   @faker-js/faker's locales (French locales decide the gender; others only add names).
 * - common-word-names.tsv: one-word names of the gazetteers (hand-written and generated) that are
 *   also common French words in lower case (Orange, Total, Horizons, Nice, Tours), from
 *   an-array-of-french-words: the recognizer adds such a name only where the labeller agrees.
 * Then it compiles the tables the recognizer searches (scripts/build/entities-lexicon.ts).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { lexiconPath } from '../../src/core/paths.js';
import { main as compileEntityTables } from './entities-lexicon.js';

const require = createRequire(import.meta.url);
const MIN_POPULATION = 1000;
const FRENCH_LOCALES = ['fr', 'fr_BE', 'fr_CA', 'fr_CH', 'fr_LU', 'fr_SN'];
const LATIN_NAME = /^\p{Script=Latin}[\p{Script=Latin}'’-]*(?: \p{Script=Latin}[\p{Script=Latin}'’-]*)?$/u;

interface Commune {
  nom: string;
  type: string;
  population?: number;
}

function places(): string[][] {
  const rows = new Map<string, string[]>();
  const add = (name: string, kind: string, source: string) => {
    const clean = name.trim();
    if (clean && !rows.has(clean)) rows.set(clean, [clean, 'LOC', kind, source]);
  };
  const countries = require('i18n-iso-countries') as { getNames(lang: string, o: { select: 'all' }): Record<string, string[]> };
  for (const names of Object.values(countries.getNames('fr', { select: 'all' }))) {
    for (const name of names) {
      add(name, 'country', 'i18n-iso-countries');
      // "Côte-d'Ivoire" and "États-Unis d'Amérique" are also written the short, press way.
      const short = name.replace(/ d'Amérique$/, '').replace(/ \(.*\)$/, '');
      if (short !== name) add(short, 'country', 'i18n-iso-countries');
    }
  }
  const data = (f: string) => require(`@etalab/decoupage-administratif/data/${f}.json`) as { nom: string }[];
  for (const r of data('regions')) add(r.nom, 'region', 'decoupage-administratif');
  for (const d of data('departements')) add(d.nom, 'department', 'decoupage-administratif');
  for (const c of data('communes') as unknown as Commune[]) {
    if (c.type === 'commune-actuelle' && (c.population ?? 0) >= MIN_POPULATION) add(c.nom, 'commune', 'decoupage-administratif');
  }
  return [...rows.values()].sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : 0));
}

type Gender = 'm' | 'f' | 'mf';

async function firstNames(): Promise<string[][]> {
  const { allLocales } = (await import('@faker-js/faker')) as unknown as {
    allLocales: Record<string, { person?: { first_name?: { female?: string[]; male?: string[] } } }>;
  };
  const french = new Map<string, Set<'m' | 'f'>>();
  const other = new Map<string, Set<'m' | 'f'>>();
  for (const locale of Object.keys(allLocales).sort()) {
    const names = allLocales[locale]?.person?.first_name;
    if (!names) continue;
    const target = FRENCH_LOCALES.includes(locale) ? french : other;
    for (const [gender, list] of [['f', names.female ?? []], ['m', names.male ?? []]] as const) {
      for (const name of list) {
        if (!LATIN_NAME.test(name) || name.length < 2) continue;
        const set = target.get(name) ?? new Set();
        set.add(gender);
        target.set(name, set);
      }
    }
  }
  const rows = new Map<string, Gender>();
  const genderOf = (set: Set<'m' | 'f'>): Gender => (set.size === 2 ? 'mf' : [...set][0]!);
  for (const [name, set] of french) rows.set(name, genderOf(set));
  for (const [name, set] of other) if (!rows.has(name)) rows.set(name, genderOf(set));
  return [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([n, g]) => [n, g]);
}

function write(file: string, header: string[], rows: string[][]): void {
  const dir = lexiconPath('entities', 'generated');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, file), [...header.map((h) => `# ${h}`), ...rows.map((r) => r.join('\t'))].join('\n') + '\n');
  console.log(`${file}: ${rows.length} rows`);
}

function commonWordNames(placeRows: string[][]): string[][] {
  const words = new Set(require('an-array-of-french-words') as string[]);
  const names = new Set<string>();
  const consider = (name: string) => {
    if (/^[\p{L}-]+$/u.test(name) && words.has(name.toLowerCase()) && name !== name.toLowerCase() && name !== name.toUpperCase()) names.add(name);
  };
  for (const file of ['organisations.tsv', 'events.tsv', 'places.tsv']) {
    for (const line of readFileSync(lexiconPath('entities', file), 'utf8').split('\n')) {
      if (line && !line.startsWith('#')) consider(line.split('\t')[0]!);
    }
  }
  for (const row of placeRows) consider(row[0]!);
  return [...names].sort().map((n) => [n]);
}

export async function main(): Promise<void> {
  const placeRows = places();
  write(
    'places.tsv',
    [
      'Generated by scripts/build/gazetteers.ts — do not edit.',
      'Columns: name	type	kind	source',
      'Countries: i18n-iso-countries (MIT). Regions, departments and communes of at least ' +
        `${MIN_POPULATION} inhabitants: @etalab/decoupage-administratif (MIT; data INSEE/IGN, Licence Ouverte 2.0).`,
    ],
    placeRows,
  );
  write(
    'common-word-names.tsv',
    ['Generated by scripts/build/gazetteers.ts — do not edit.', 'Columns: name', 'Gazetteer names that are also French common words (an-array-of-french-words, MIT).'],
    commonWordNames(placeRows),
  );
  write(
    'first-names.tsv',
    [
      'Generated by scripts/build/gazetteers.ts — do not edit.',
      'Columns: name	gender (m, f, mf)',
      "First names of @faker-js/faker's locales (MIT); French locales decide the gender.",
    ],
    await firstNames(),
  );
  // The recognizer searches the generated lists through compiled tables and indexes.
  await compileEntityTables();
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
