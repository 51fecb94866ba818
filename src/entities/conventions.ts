import type { Token } from '../core/types.js';
import { entitiesLexicon, lower } from './lexicon.js';
import type { EntityType } from './types.js';

/** A span over tokens [start, end). */
export interface TokenSpan {
  start: number;
  end: number;
  type: EntityType;
}

/** Determiners and elided words that never open a span (l’Élysée → Élysée, les Verts → Verts). */
const LEADING_FUNCTION_WORDS = new Set(["l'", "d'", 'le', 'la', 'les', 'un', 'une', 'des', 'du', 'de', 'au', 'aux', 'à']);
/** Punctuation that never ends a span. */
const TRAILING_PUNCT = /^[,.;:!?»«"“”()\[\]—–-]$/;

const hasCapitalOrDigit = (text: string): boolean => /[\p{Lu}\p{N}]/u.test(text);
const isLowerWord = (text: string): boolean => !hasCapitalOrDigit(text);

/**
 * Brings a span to extrait's conventions (ANNOTATION.md): titles and roles outside PER spans,
 * elided articles and determiners outside every span, PER spans end before an apposition,
 * capitalised demonyms are MISC, lower-case words alone are not entities.
 * Returns undefined when nothing of the span is left. Used to map the training corpora's
 * conventions and to tidy the labeller's output.
 */
export function normalizeSpan(tokens: readonly Token[], span: TokenSpan): TokenSpan | undefined {
  const lex = entitiesLexicon();
  let { start, end, type } = span;
  // Official names that open with a capitalised article keep it (La France insoumise, Les Républicains).
  for (;;) {
    if (start >= end) return undefined;
    const t = tokens[start]!;
    const w = lower(t.text);
    const functionWord = LEADING_FUNCTION_WORDS.has(w) && (isLowerWord(t.text) || w.endsWith("'"));
    const title = type === 'PER' && (lex.titles.has(w) || lex.titles.has(w.replace(/\.$/, '')));
    const role = type === 'PER' && isLowerWord(t.text);
    const stray = TRAILING_PUNCT.test(t.text);
    if (functionWord || title || role || stray) start++;
    else break;
  }
  if (type === 'PER') {
    for (let i = start + 1; i < end; i++) {
      if (tokens[i]!.text === ',' || tokens[i]!.text === '(') {
        end = i;
        break;
      }
    }
  }
  while (end > start && TRAILING_PUNCT.test(tokens[end - 1]!.text) && !(tokens[end - 1]!.text === '.' && end - start === 2)) end--;
  if (end <= start) return undefined;
  const text = tokens.slice(start, end).map((t) => t.text).join(' ');
  if (!hasCapitalOrDigit(text)) return undefined;
  if (end - start === 1 && lex.demonyms.has(tokens[start]!.text)) type = 'MISC';
  return { start, end, type };
}
