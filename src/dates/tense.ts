import type { TokenView } from './classes.js';
import { datesLexicon } from './lexicon.js';
import type { Direction } from './spec.js';
import { startsLower } from '../core/letters.js';

const BE = new Set(['est', 'sont', 'es', 'suis', 'sommes', 'êtes']);
const CLAUSE_BREAKS = new Set([';', '«', '»', '“', '”', '"', '—', '–', '(', ')', '?', '!']);
const PARTICIPLE = /(?:é|ée|és|ées|i|ie|is|ies|u|ue|us|ues|it|ite|its|ites|ert|erte|erts|ertes|ort|orte|orts|ortes|int|inte|ints|eint|aint)$/;
const FUTURE_ENDING = /(?:era|ira|dra|tra|vra|rra|ura|eront|iront|dront|tront|vront|rront|uront|erons|irons|drons|trons|vrons|rrons|erez|irez|drez|trez|vrez|rrez|erai|irai|drai|trai|rrai)$/;
const CONDITIONAL_ENDING = /(?:rait|raient|rions|riez)$/;
const IMPERFECT_ENDING = /(?:ait|aient)$/;
/** Words between an auxiliary and its participle: a-t-il, n'a pas, a déjà, ont toujours. */
const ADVERBS = new Set(['pas', 'plus', 'jamais', 'déjà', 'toujours', 'encore', 'bien', 'aussi', 'même', 'enfin', 'finalement', 'notamment', 'ainsi', 'alors', 'également', "n'", 'ne', '-t-il', '-t-elle', '-il', '-elle', '-ils', '-elles', '-on', 't', 'il', 'elle', 'on', 'ils', 'elles', 'se', "s'", 'lui', 'leur', 'y', 'en', 'tout', 'rien', 'beaucoup', 'très', 'souvent', 'longtemps', 'récemment', 'vite', 'officiellement']);

/** The tense a single token signals at position i, looking at the words after it for compound forms. */
function tenseAt(v: TokenView, i: number, end: number): Direction | undefined {
  const { tense } = datesLexicon();
  const word = v.norm[i]!;
  const token = v.tokens[i]!;
  if (token.kind !== 'word') return undefined;
  const tagged = token.pos !== undefined;
  if (tagged && token.pos !== 'VERB' && token.pos !== 'AUX') return undefined;
  const role = tense.get(word);
  if (role === 'not-verb') return undefined;
  if (role === 'aux-past' || role === 'aux-pluperfect') {
    for (let k = i + 1; k < end && k <= i + 4; k++) {
      const next = v.norm[k]!;
      if (ADVERBS.has(next)) continue;
      const nextRole = tense.get(next);
      // "est prévu", "sont attendus": a plan; "a annoncé": a past act
      if (nextRole === 'prospective' && BE.has(word)) return 'future';
      if (next === 'été' || PARTICIPLE.test(next)) return 'past';
      break;
    }
    return role === 'aux-pluperfect' ? 'past' : 'present';
  }
  if (role === 'future') return 'future';
  if (role === 'past') return 'past';
  if (!startsLower(token.text) || word.length < 4) return undefined;
  if (FUTURE_ENDING.test(word) || CONDITIONAL_ENDING.test(word)) return tagged || word.length >= 5 ? 'future' : undefined;
  if (IMPERFECT_ENDING.test(word)) return 'past';
  if (tagged && token.pos === 'VERB' && PARTICIPLE.test(word)) return tense.get(word) === 'prospective' ? 'future' : 'past';
  return undefined;
}

/**
 * The tense of the clause around tokens [start, end): the nearest verb form that tells past or future
 * (compound past, imperfect, future, conditional, aller/devoir + infinitive), searching outwards
 * within the sentence and stopping at quotation marks and semicolons. Uses POS tags when the `pos`
 * component ran; otherwise word endings and the auxiliaries of lexicons/dates/tense.tsv.
 */
export function clauseTense(v: TokenView, start: number, end: number): Direction | undefined {
  const sentence = v.sentenceOf[start]!;
  let left = start - 1;
  let right = end;
  let leftOpen = true;
  let rightOpen = true;
  const stop = (i: number) => i < 0 || i >= v.tokens.length || v.sentenceOf[i] !== sentence || v.breakBefore[i + (i < start ? 1 : 0)] || CLAUSE_BREAKS.has(v.norm[i]!);
  // the search looks at most 40 tokens away (plus a participle after an auxiliary)
  let sentenceEnd = end;
  while (sentenceEnd < v.tokens.length && sentenceEnd < end + 46 && v.sentenceOf[sentenceEnd] === sentence) sentenceEnd++;
  for (let step = 0; step < 40 && (leftOpen || rightOpen); step++) {
    if (leftOpen) {
      if (stop(left)) leftOpen = false;
      else {
        const t = tenseAt(v, left, sentenceEnd);
        if (t) return t;
        left--;
      }
    }
    if (rightOpen) {
      if (stop(right)) rightOpen = false;
      else {
        const t = tenseAt(v, right, sentenceEnd);
        if (t) return t;
        right++;
      }
    }
  }
  return undefined;
}
