import { isCapitalized, prepositionPhrases, type TokenView } from './classes.js';
import { datesLexicon } from './lexicon.js';
import { isAllUpper, startsLetter } from '../core/letters.js';

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
    if (p.kind === 'word' && isAllUpper(p.text) && !NOT_NAMES.has(prev)) return true;
  }
  const year = Number(v.tokens[i]!.text);
  if (year < 1800 && !ALLOWED_BEFORE_OLD_YEAR.has(prev)) return true;
  return false;
}

const HAVE = new Set(['a', 'ai', 'as', 'avons', 'avez', 'ont', 'avait', 'avaient', 'avais', 'aura', 'auront', 'aurait', 'aurai', 'avoir', 'ayant', 'eu', 'fête', 'fêtera', 'fêté', 'atteint', 'atteindre']);
const ADVERB_BEFORE_AGE = new Set(["aujourd'hui", 'bientôt', 'déjà', 'presque', 'alors', 'désormais', 'maintenant', 'juste', 'seulement', 'pas', 'plus', 'encore', 'environ']);
const AGE_CLOSERS = new Set([',', ')', '.', ';', ':', '']);

/** Nouns after which "de N ans" is a length of time (une peine de 15 ans), not an age. */
const SPAN_NOUNS = new Set([
  'peine', 'peines', 'période', 'durée', 'contrat', 'mandat', 'plan', 'programme', 'prison', 'réclusion', 'emprisonnement', 'détention',
  'bail', 'prêt', 'emprunt', 'crédit', 'délai', 'espace', 'absence', 'attente', 'carrière', 'règne', 'exil', 'engagement', 'garantie',
  'moratoire', 'sursis', 'suspension', 'interdiction', 'trêve', 'service', 'guerre', 'conflit', 'crise', 'mariage', 'vie', 'relation',
  'histoire', 'travail', 'chantier', 'travaux', 'bataille', 'procédure', 'enquête', 'instruction', 'retard', 'avance', 'cycle',
  'concession', 'investissement', 'investissements', 'horizon', 'projet', 'stratégie', 'feuille', 'occupation', 'fermeture', 'hausse',
  'baisse', 'croissance', 'recul', 'silence', 'gel', 'blocage', 'moyenne', 'total', 'intervalle', 'écart', 'cumul', 'ancienneté',
  'terme', 'bout', 'issue', 'cours', 'fin', 'début', 'lieu', 'échéance', 'horizon', 'perspective', 'objectif', 'amende', 'stage',
  'formation', 'études', 'séjour', 'voyage', 'mission', 'règle', 'limite', 'maximum', 'minimum', 'dizaine', 'quinzaine', 'vingtaine',
]);

/**
 * "Sébastien R., 41 ans, accusé", "une fillette de 6 ans", "âgée de 90 ans", "mort à 80 ans",
 * "les moins de 17 ans": an age or an age group, not a duration.
 */
export function isAge(v: TokenView, start: number, end: number, quantified: boolean): boolean {
  const prev = before(v, start);
  const next = after(v, end);
  const head = before(v, start, 2);
  // "les moins de 17 ans" read from "17": the quantity modifier belongs to it
  if ((prev === 'de' || prev === "d'") && (head === 'plus' || head === 'moins' || head === 'près')) return isAge(v, start - 2, end, true);
  if (prev === 'les' || prev === 'des' || prev === 'aux') return true;
  if ((prev === 'de' || prev === "d'") && /^[aâ]gée?s?$/.test(head)) return true;
  if (quantified) return false;
  if (next === 'révolus' || next === 'révolue') return true;
  // "il a 22 ans", "elle allait avoir aujourd'hui 79 ans", "j'ai 55 ans"
  const verb = HAVE.has(prev) ? prev : ADVERB_BEFORE_AGE.has(prev) && HAVE.has(head) ? head : '';
  if (verb && !(verb === 'a' && before(v, start, verb === prev ? 2 : 3) === 'y')) return true;
  // "trois ans de tractations", "dix ans plus tard": a length of time
  if (next === 'de' || next === "d'" || next === 'plus' || next === 'après' || next === 'auparavant') return false;
  if ((prev === ',' || prev === '(') && AGE_CLOSERS.has(next)) return true;
  // "un chauffeur de bus de 38 ans", "une Alsacienne de 6 ans"; but "une peine de 15 ans"
  if ((prev === 'de' || prev === "d'") && head && !SPAN_NOUNS.has(head) && startsLetter(head)) return true;
  if (prev === 'à' && !['ici', "jusqu'", 'jusque'].includes(head) && !['de', "d'", 'des', 'du', 'peine', 'près', 'peu'].includes(next)) return true;
  return false;
}

/** "après 30,4 secondes de jeu", "la 34e minute": match time, which the annotation leaves out. */
export function isMatchTime(v: TokenView, end: number): boolean {
  return after(v, end) === 'de' && (after(v, end, 1) === 'jeu' || after(v, end, 1) === 'match');
}

const TIME_CUES = new Set(['à', 'vers', 'dès', 'avant', 'entre', 'midi', 'soir', 'matin', 'pile']);
const DURATION_CUES = new Set(['pendant', 'durant', 'en', 'sur', 'les', 'des', 'ces', 'de', "d'", 'dans', 'plus', 'moins', 'près', 'environ', 'quelque', 'toutes', 'tous', 'par']);

/**
 * Whether "17 heures" at [start, end) is a clock time rather than a duration: after à, vers, dès,
 * à partir de…, right after a day (mardi 14 heures) or before "à 18 heures" in a range. "14 h" is a
 * time unless a duration cue precedes it.
 */
export function isClockTime(v: TokenView, start: number, end: number, abbreviated: boolean, previousEnd: number | undefined, previousIsTime: boolean): boolean {
  let prev = before(v, start);
  // "A 20 h": a capital À written without its accent
  if (prev === 'a' && v.tokens[start - 1]?.text === 'A') prev = 'à';
  if (prev === 'a' && before(v, start, 2) === 'y') return false;
  const next = after(v, end);
  const rangeFollows = (next === 'à' || next === 'et' || next === 'au') && /^\d/.test(after(v, end, 1));
  // "jusqu'à 1 heure avant l'opération", "2 heures plus tard": a length of time
  if (['avant', 'après', 'plus', 'auparavant', 'durant', 'environ'].includes(next)) return false;
  // "pendant 4 à 12 heures": a range of lengths
  if ((prev === 'à' || prev === 'et') && /^\d{1,2}$/.test(before(v, start, 2)) && previousEnd !== start - 1) return false;
  // "il est dix heures"
  if (prev === 'est' && before(v, start, 2) === 'il') return true;
  if (prev === 'après') return !(next === 'de' || next === "d'");
  // depuis 8 heures (since eight o'clock), depuis deux heures (for two hours)
  if (prev === 'depuis') return /^\d/.test(v.tokens[start]!.text);
  const prep = prepositionBefore(v, start);
  if (prep && prep.words[0] !== 'depuis') return true;
  // "1 h 30 de route", "2 h de débat": a length of something
  if ((next === 'de' || next === "d'") && !TIME_CUES.has(prev)) return false;
  if (TIME_CUES.has(prev)) return true;
  if ((prev === 'de' || prev === "d'" || prev === 'entre') && rangeFollows) return true;
  if ((prev === 'et' || prev === 'à' || prev === 'au') && previousIsTime && previousEnd === start - 1) return true;
  // "à 16 heures à Kourou, 21 heures à Paris": a list of clock times
  if (previousIsTime && previousEnd !== undefined && start - previousEnd <= 5 && (prev === ',' || prev === 'et' || prev === 'ou')) return true;
  const { weekdays } = datesLexicon();
  if (weekdays.has(prev) || prev === 'hier' || prev === 'demain' || prev === "aujourd'hui") return true;
  if (abbreviated) return !DURATION_CUES.has(prev);
  return false;
}

/** "1 h 30 de route", "pendant 2 h 30", "en 1 h 12": hours and minutes that measure, not tell the time. */
export function isLengthOfHours(v: TokenView, start: number, end: number): boolean {
  const prev = before(v, start);
  const next = after(v, end);
  if (['pendant', 'durant', 'en', 'environ', 'quelque'].includes(prev)) return true;
  if (prev === 'de' && ['plus', 'moins', 'près'].includes(before(v, start, 2))) return true;
  if (TIME_CUES.has(prev) || prepositionBefore(v, start)) return false;
  return next === 'de' || next === "d'" || next === 'plus' || next === 'avant' || next === 'après';
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
