/**
 * `a.localeCompare(b)` without loading the ICU collator, which costs several milliseconds at its
 * first use in a process. Lemmas, phrase keys and labels are mostly written with French letters,
 * digits and a little punctuation: for those, the Unicode root collation (which localeCompare
 * applies under English and French locales, French of Canada aside) is computed here — base
 * letters first, then accents from the left, then case. Any other character, or another locale,
 * goes to localeCompare. tests/topics-text.test.ts checks both agree.
 */
export function compareText(a: string, b: string): number {
  if (a === b) return 0;
  const ka = rootLike() ? collationKey(a) : undefined;
  const kb = ka && collationKey(b);
  if (!ka || !kb) return a.localeCompare(b);
  for (let level = 0; level < 3; level++) {
    const x = ka[level]!;
    const y = kb[level]!;
    const n = Math.min(x.length, y.length);
    for (let i = 0; i < n; i++) if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
    if (x.length !== y.length) return x.length < y.length ? -1 : 1;
  }
  return a.localeCompare(b);
}

/** Characters with a primary weight of their own, in root collation order. */
const PRIMARY = " -,:.'0123456789abcdefghijklmnopqrstuvwxyz";
/** Accents in root collation order of their secondary weights (after the plain letter). */
const ACCENTS: [string, string][] = [
  ['\u0301', 'aeiou'],
  ['\u0300', 'aeiou'],
  ['\u0302', 'aeiou'],
  ['\u0308', 'aeiouy'],
  ['\u0327', 'c'],
];
const COMMON = 0;
const LOWER = 0;
const UPPER = 1;

/** primary index, accent (0 none, else 1 + rank), case — by character. */
let weights: Map<string, readonly [number, number, number]> | undefined;

function weightTable(): Map<string, readonly [number, number, number]> {
  const table = new Map<string, readonly [number, number, number]>();
  for (let p = 0; p < PRIMARY.length; p++) {
    const c = PRIMARY[p]!;
    table.set(c, [p, COMMON, LOWER]);
    if (c.toUpperCase() !== c) table.set(c.toUpperCase(), [p, COMMON, UPPER]);
  }
  ACCENTS.forEach(([mark, letters], rank) => {
    for (const letter of letters) {
      const p = PRIMARY.indexOf(letter);
      table.set((letter + mark).normalize('NFC'), [p, rank + 1, LOWER]);
      table.set((letter.toUpperCase() + mark).normalize('NFC'), [p, rank + 1, UPPER]);
    }
  });
  return table;
}

/** The three levels of a string's key (primaries, secondaries, tertiaries), or undefined when a character is not covered. */
function collationKey(s: string): [number[], number[], number[]] | undefined {
  weights ??= weightTable();
  const primary: number[] = [];
  const secondary: number[] = [];
  const tertiary: number[] = [];
  for (const c of s) {
    const w = weights.get(c);
    if (!w) return undefined;
    primary.push(w[0]);
    secondary.push(COMMON);
    tertiary.push(w[2]);
    if (w[1] !== COMMON) {
      // the accent is a collation element of its own: no primary, its secondary, a common tertiary
      secondary.push(w[1]);
      tertiary.push(LOWER);
    }
  }
  return [primary, secondary, tertiary];
}

let defaultIsRoot: boolean | undefined;

/** Whether the default locale collates these characters as the root collation does (PluralRules resolves it cheaply). */
function rootLike(): boolean {
  if (defaultIsRoot === undefined) {
    const locale = new Intl.PluralRules().resolvedOptions().locale;
    defaultIsRoot = /^(en|fr)(-[A-Z]{2})?$/.test(locale) && locale !== 'fr-CA';
  }
  return defaultIsRoot;
}
