import { readFileSync } from 'node:fs';
import { expressions } from 'franc-min/expressions.js';
import { lexiconPath } from '../core/paths.js';

/**
 * franc's method on franc-min's data: the script most of the letters are written in; when several
 * languages share it, the language whose ranked trigram list is closest to the text's trigrams.
 * Written here so that the profiles are built only when a text needs them (franc builds all of
 * them when imported, which costs more than analysing a short article).
 */

/** What a trigram missing from a language's list adds to its distance. */
const MISSING = 300;
/** franc reads this much of a text. */
const MAX_LENGTH = 2048;

/** franc-min's data (scripts/build/language-trigrams.ts): for each script, each language's trigrams from the most frequent, '|'-separated. */
export const TRIGRAMS_FILE = ['language', 'generated', 'trigrams.json'];
type TrigramLists = Record<string, Record<string, string>>;

export function trigramsFileText(data: TrigramLists, francVersion: string): string {
  const head = {
    generated: `by scripts/build/language-trigrams.ts from franc-min ${francVersion} (data.js): do not edit`,
    licence: 'MIT, (c) Titus Wormer, https://github.com/wooorm/franc',
  };
  return JSON.stringify({ ...head, data }) + '\n';
}

let lists: TrigramLists | undefined;
/** Read on the first text that is not plainly French. */
function trigramLists(): TrigramLists {
  return (lists ??= (JSON.parse(readFileSync(lexiconPath(...TRIGRAMS_FILE), 'utf8')) as { data: TrigramLists }).data);
}

type Profiles = Map<string, Map<string, number>>;
const profiles = new Map<string, Profiles>();

function profilesOf(script: string): Profiles | undefined {
  const languages = trigramLists()[script];
  if (!languages) return undefined;
  let built = profiles.get(script);
  if (!built) {
    built = new Map();
    for (const [language, list] of Object.entries(languages)) {
      const ranks = new Map<string, number>();
      list.split('|').forEach((trigram, rank) => ranks.set(trigram, rank));
      built.set(language, ranks);
    }
    profiles.set(script, built);
  }
  return built;
}

/** The script with the most characters in the text, and their count. */
function topScript(text: string): [string | undefined, number] {
  let best: string | undefined;
  let bestCount = 0;
  for (const [script, expression] of Object.entries(expressions)) {
    const count = text.match(expression)?.length ?? 0;
    if (count > bestCount) [best, bestCount] = [script, count];
  }
  return [best, bestCount];
}

/** The text's trigrams (lower case, punctuation and digits as spaces) with their counts, rarest first. */
export function trigramCounts(text: string): [string, number][] {
  const cleaned = ` ${text.replace(/[\u0021-\u0040]+/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase()} `;
  const counts = new Map<string, number>();
  for (let i = 0; i + 3 <= cleaned.length; i++) {
    const trigram = cleaned.slice(i, i + 3);
    counts.set(trigram, (counts.get(trigram) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => a[1] - b[1]);
}

/** The ISO 639-3 code of the text's most likely language, or 'und'. */
export function identifyLanguage(text: string): string {
  const sample = text.slice(0, MAX_LENGTH);
  const [script, count] = topScript(sample);
  if (!script || count === 0) return 'und';
  const languages = profilesOf(script);
  // a script that only one language of the data is written in names that language (ell, jpn, tha…)
  if (!languages) return script;
  const trigrams = trigramCounts(sample);
  let best = 'und';
  let bestDistance = Infinity;
  for (const [language, ranks] of languages) {
    let distance = 0;
    for (const [trigram, n] of trigrams) {
      const rank = ranks.get(trigram);
      distance += rank === undefined ? MISSING : Math.abs(n - rank - 1);
    }
    if (distance < bestDistance) [best, bestDistance] = [language, distance];
  }
  return best;
}
