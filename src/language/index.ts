import { franc } from 'franc-min';
import type { Component } from '../pipeline/component.js';
import type { LanguageGuess } from '../core/analysis.js';

/** Below this many letters franc's guess is noise; such texts are taken as French (`und`). */
const MIN_LETTERS = 40;
/** franc looks at trigrams; a few kilobytes are enough and keep it fast on long articles. */
const SAMPLE_CHARS = 4000;

export function detectLanguage(text: string): LanguageGuess {
  const sample = text.slice(0, SAMPLE_CHARS);
  const letters = sample.replace(/[^\p{L}]/gu, '').length;
  if (letters < MIN_LETTERS) return { code: 'und', french: true };
  const code = franc(sample, { minLength: MIN_LETTERS });
  return { code, french: code === 'fra' || code === 'und' };
}

export const languageComponent: Component = {
  name: 'language',
  description: 'guess the language of the document (franc); warn when it is not French',
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
