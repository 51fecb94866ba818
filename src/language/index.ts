import type { Component } from '../pipeline/component.js';
import type { LanguageGuess } from '../core/analysis.js';
import { readList } from '../core/lexicon-file.js';
import { identifyLanguage } from './trigrams.js';

/** Below this many letters a trigram guess is noise; such texts are taken as French (`und`). */
const MIN_LETTERS = 40;
/** A few kilobytes tell the language and keep this step fast on long articles. */
const SAMPLE_CHARS = 4000;
/** A text is French at once when this share of its words are French markers, with this many distinct. */
const MARKER_SHARE = 0.08;
const MARKER_KINDS = 4;

let markers: Set<string> | undefined;
const frenchMarkers = () => (markers ??= new Set(readList('language', 'french-markers.txt')));

/** Whether the French function words are frequent enough to settle the question without trigrams. */
export function clearlyFrench(sample: string): boolean {
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  const known = frenchMarkers();
  const seen = new Set<string>();
  let hits = 0;
  for (const word of words) {
    if (known.has(word)) {
      hits++;
      seen.add(word);
    }
  }
  return seen.size >= MARKER_KINDS && hits >= MARKER_SHARE * words.length;
}

export function detectLanguage(text: string): LanguageGuess {
  const sample = text.slice(0, SAMPLE_CHARS);
  const letters = sample.replace(/[^\p{L}]/gu, '').length;
  if (letters < MIN_LETTERS) return { code: 'und', french: true };
  if (clearlyFrench(sample)) return { code: 'fra', french: true };
  const code = identifyLanguage(sample);
  return { code, french: code === 'fra' || code === 'und' };
}

export const languageComponent: Component = {
  name: 'language',
  description: 'guess the language of the document (French function words, else trigrams as franc does); warn when it is not French',
  needs: [],
  adds: ['language', 'warnings'],
  defaultOn: true,
  run(analysis) {
    const language = detectLanguage(analysis.text);
    if (language.french) return { language };
    return {
      language,
      warnings: [
        ...analysis.warnings,
        { code: 'W_NOT_FRENCH', message: `the text looks like '${language.code}', not French; results may be poor` },
      ],
    };
  },
};
