import { isCapitalized, prepositionPhrases, type TokenView } from './classes.js';
import { datesLexicon } from './lexicon.js';

/** The token before i on the same line, lower-cased, or '' at a line start. */
export function before(v: TokenView, i: number, k = 1): string {
  for (let j = i; j > i - k; j--) if (j <= 0 || v.breakBefore[j]) return '';
  return v.norm[i - k] ?? '';
}

/** The token at i+k after a match ending at i (exclusive), or '' across a line break or at the end. */
export function after(v: TokenView, end: number, k = 0): string {
  for (let j = end; j <= end + k; j++) if (j >= v.tokens.length || v.breakBefore[j]) return '';
  return v.norm[end + k] ?? '';
}

/** A preposition phrase of prepositions.tsv ending right before token i (the longest). */
export function prepositionBefore(v: TokenView, i: number): { mod?: string; direction?: 'past' | 'future'; words: string[] } | undefined {
  let best: ReturnType<typeof prepositionBefore>;
  for (const p of prepositionPhrases()) {
    const n = p.words.length;
    if (best && n <= best.words.length) continue;
    if (i - n < 0) continue;
    let ok = true;
    for (let k = 0; k < n && ok; k++) ok = v.norm[i - n + k] === p.words[k] && !v.breakBefore[i - n + k + 1];
    if (ok) best = p;
  }
  return best;
}

const ALLOWED_BEFORE_OLD_YEAR = new Set(['en', 'an', 'année', 'depuis', 'dès', 'vers', 'avant', 'après', "jusqu'en", 'de', "d'", 'à', 'in', 'entre', 'et']);
const NOT_NAMES = new Set(['en', 'depuis', 'dès', 'fin', 'début', 'mi', 'avant', 'après', 'vers', 'jusqu', 'entre', 'et', 'de', 'le']);

/** A four-digit number that is a quantity, a reference or part of a name rather than a year. */
export function yearIsSomethingElse(v: TokenView, i: number, end: number): boolean {
  const { notAfterYear, yearContext, months, weekdays } = datesLexicon();
  const next = after(v, end);
  if (next && notAfterYear.has(next)) return true;
  const prev = before(v, i);
  if (prev && yearContext.has(prev)) return true;
  if (i > 0 && !v.breakBefore[i]) {
    const p = v.tokens[i - 1]!;
    if (p.kind === 'number' || p.kind === 'symbol') return true;
    // CAN 2023, Euro 2024, Windows 2000: a year inside a name
    if (p.kind === 'word' && isCapitalized(p.text) && !v.initial[i - 1] && !months.has(prev) && !weekdays.has(prev) && !NOT_NAMES.has(prev)) return true;
    if (p.kind === 'word' && /^\p{Lu}{2,}$/u.test(p.text) && !NOT_NAMES.has(prev)) return true;
  }
  const year = Number(v.tokens[i]!.text);
  if (year < 1800 && !ALLOWED_BEFORE_OLD_YEAR.has(prev)) return true;
  return false;
}

const AGE_CLOSERS = new Set([',', ')', '.', ';', ':', '']);

/** "Sébastien R., 41 ans, accusé", "une fillette de 6 ans", "âgée de 90 ans", "mort à 80 ans": an age. */
export function isAge(v: TokenView, start: number, end: number): boolean {
  const prev = before(v, start);
  const next = after(v, end);
  if (next === 'révolus' || next === 'révolue') return true;
  if ((prev === ',' || prev === '(') && AGE_CLOSERS.has(next)) return true;
  if (prev === 'les' || prev === 'des') return true;
  if (prev === 'de' || prev === "d'") {
    const head = before(v, start, 2);
    if (datesLexicon().ageNouns.has(head) || /^âgé/.test(head)) return true;
  }
  if (prev === 'à' && !['de', "d'", 'des', 'du', 'plus', 'peine', 'près', 'peu'].includes(next)) return true;
  return false;
}

/** "après 30,4 secondes de jeu", "la 34e minute": match time, which the annotation leaves out. */
export function isMatchTime(v: TokenView, end: number): boolean {
  return after(v, end) === 'de' && (after(v, end, 1) === 'jeu' || after(v, end, 1) === 'match');
}

const TIME_CUES = new Set(['à', 'vers', 'dès', 'avant', 'jusqu', "jusqu'", "jusqu'à", 'entre', 'partir', 'compter', 'alentours', 'autour', 'midi', 'soir', 'matin', 'pile']);
const DURATION_CUES = new Set(['pendant', 'durant', 'en', 'sur', 'les', 'des', 'ces', 'de', "d'", 'dans', 'il', 'y', 'a', 'plus', 'moins', 'près', 'environ', 'quelque', 'toutes', 'tous', 'par']);

/**
 * Whether "17 heures" at [start, end) is a clock time rather than a duration: after à, vers, dès…,
 * right after a day (mardi 14 heures) or before "à 18 heures" in a range. "14 h" is a time unless a
 * duration cue precedes it.
 */
export function isClockTime(v: TokenView, start: number, end: number, abbreviated: boolean, previousEnd: number | undefined, previousIsTime: boolean): boolean {
  const prev = before(v, start);
  const next = after(v, end);
  const rangeFollows = (next === 'à' || next === 'et' || next === 'au') && /^\d/.test(after(v, end, 1));
  if (prev === 'après') return !(next === 'de' || next === "d'");
  // depuis 8 heures (since eight o'clock), depuis deux heures (for two hours)
  if (prev === 'depuis') return /^\d/.test(v.tokens[start]!.text);
  if (TIME_CUES.has(prev)) return true;
  if ((prev === 'de' || prev === "d'" || prev === 'entre') && rangeFollows) return true;
  if ((prev === 'et' || prev === 'à' || prev === 'au') && previousIsTime && previousEnd === start - 1) return true;
  const { weekdays } = datesLexicon();
  if (weekdays.has(prev) || prev === 'hier' || prev === 'demain' || prev === "aujourd'hui" || prev === ',') return abbreviated || prev !== ',';
  if (abbreviated) return !DURATION_CUES.has(prev);
  return false;
}

const LONE_DAY_CUES = new Set(['pendant', 'durant', 'en', 'depuis', 'sur', 'pour', "qu'", 'que', 'seulement', 'dans']);

/** "un jour", "une nuit": idioms unless a duration cue stands before them (pendant une nuit). */
export function isIdiomaticOne(v: TokenView, start: number, unitWord: string): boolean {
  if (!['jour', 'nuit', 'soir', 'matin', 'journée', 'soirée', 'matinée', 'moment'].includes(unitWord)) return false;
  return !LONE_DAY_CUES.has(before(v, start));
}

const HOLIDAY_HEADS = new Set(['jour', 'veille', 'lendemain', 'semaine', 'week-end', 'vacances', 'période', 'fêtes', 'congé', 'congés', 'trêve', 'pont', 'lundi', 'dimanche', 'nuit', 'soir', 'matin', 'soirée', 'réveillon']);

/** Noël in "le marché de Noël" or "Noël Mamère" is not a date; "à Noël", "la veille de Noël" are. */
export function holidayIsName(v: TokenView, start: number, end: number): boolean {
  const next = v.tokens[end];
  if (next && !v.breakBefore[end] && next.kind === 'word' && isCapitalized(next.text)) return true;
  const prev = before(v, start);
  if (prev === 'père' || prev === 'arbre' || prev === 'sapin') return true;
  if (prev === 'de' || prev === "d'" || prev === 'du') return !HOLIDAY_HEADS.has(before(v, start, 2));
  return false;
}
