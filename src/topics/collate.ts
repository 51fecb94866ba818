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
  if (!rootLike() || !covered(a) || !covered(b)) return a.localeCompare(b);
  // the primary level has one weight per character: compared in place, no key built (most pairs differ there)
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = weightOf(a.charCodeAt(i)) & PRIMARY_MASK;
    const y = weightOf(b.charCodeAt(i)) & PRIMARY_MASK;
    if (x !== y) return x < y ? -1 : 1;
  }
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  const ka = collationKey(a);
  const kb = collationKey(b);
  for (let level = 1; level < 3; level++) {
    const x = ka[level]!;
    const y = kb[level]!;
    const m = Math.min(x.length, y.length);
    for (let i = 0; i < m; i++) if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
    if (x.length !== y.length) return x.length < y.length ? -1 : 1;
  }
  return a.localeCompare(b);
}

/** Characters with a primary weight of their own, in root collation order. */
const PRIMARY = " -,:.'0123456789abcdefghijklmnopqrstuvwxyz";
/**
 * Accented letters in root collation order of their accents' secondary weights (after the plain
 * letter): acute, grave, circumflex, diaeresis, cedilla — each the base letter, its lower-case
 * and upper-case precomposed (NFC) forms.
 */
const ACCENTED: [base: string, lower: string, upper: string][] = [
  ['aeiou', 'áéíóú', 'ÁÉÍÓÚ'],
  ['aeiou', 'àèìòù', 'ÀÈÌÒÙ'],
  ['aeiou', 'âêîôû', 'ÂÊÎÔÛ'],
  ['aeiouy', 'äëïöüÿ', 'ÄËÏÖÜŸ'],
  ['c', 'ç', 'Ç'],
];
const COMMON = 0;
const LOWER = 0;
const UPPER = 1;

/** A character's weights packed in one number: primary index, accent (0 none, else 1 + rank) << 6, case << 9; -1: not covered. */
const PRIMARY_MASK = 0x3f;
const ACCENT_SHIFT = 6;
const CASE_SHIFT = 9;
/** The covered characters all lie below Ÿ (U+0178) + 1. */
const TABLE_SIZE = 0x180;

let weights: Int16Array | undefined;

function weightTable(): Int16Array {
  const table = new Int16Array(TABLE_SIZE).fill(-1);
  for (let p = 0; p < PRIMARY.length; p++) {
    table[PRIMARY.charCodeAt(p)] = p | (LOWER << CASE_SHIFT);
    const upper = PRIMARY.charCodeAt(p) - 32;
    if (upper >= 65 && upper <= 90) table[upper] = p | (UPPER << CASE_SHIFT);
  }
  ACCENTED.forEach(([base, lower, upper], rank) => {
    for (let k = 0; k < base.length; k++) {
      const p = PRIMARY.indexOf(base[k]!);
      table[lower.charCodeAt(k)] = p | ((rank + 1) << ACCENT_SHIFT) | (LOWER << CASE_SHIFT);
      table[upper.charCodeAt(k)] = p | ((rank + 1) << ACCENT_SHIFT) | (UPPER << CASE_SHIFT);
    }
  });
  return table;
}

/** The packed weights of a UTF-16 code unit (-1: not covered, surrogates included). */
function weightOf(code: number): number {
  weights ??= weightTable();
  return code < TABLE_SIZE ? weights[code]! : -1;
}

function covered(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (weightOf(s.charCodeAt(i)) < 0) return false;
  return true;
}

/** The three levels of a covered string's key (primaries, secondaries, tertiaries). */
function collationKey(s: string): [number[], number[], number[]] {
  const primary: number[] = [];
  const secondary: number[] = [];
  const tertiary: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const w = weightOf(s.charCodeAt(i));
    const accent = (w >> ACCENT_SHIFT) & 7;
    primary.push(w & PRIMARY_MASK);
    secondary.push(COMMON);
    tertiary.push(w >> CASE_SHIFT);
    if (accent !== COMMON) {
      // the accent is a collation element of its own: no primary, its secondary, a common tertiary
      secondary.push(accent);
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
