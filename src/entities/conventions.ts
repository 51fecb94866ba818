import type { Token } from '../core/types.js';
import { entitiesLexicon, lower, lowerOf } from './lexicon.js';
import type { EntityType } from './types.js';
import { isNumber } from './unicode.js';

/** A span over tokens [start, end). */
export interface TokenSpan {
  start: number;
  end: number;
  type: EntityType;
}

/** Determiners and elided words that never open a span (l’Élysée → Élysée, les Verts → Verts). */
export const FUNCTION_WORDS = new Set(["l'", "d'", 'le', 'la', 'les', 'un', 'une', 'des', 'du', 'de', 'au', 'aux', 'à', 'en', 'et']);
/** Particles of family names, inside PER spans after a title or a first name (M. de Thiennes). */
export const PARTICLES = new Set(['de', 'du', "d'", 'des', 'von', 'van', 'der', 'den', 'di', 'da', 'del', 'della', 'dos', 'das', 'ben', 'bin', 'al', 'el', 'le', 'la', 'ter', 'ten', 'zu']);
/** Capitalised number words that open sentences ("Onze Canadair…") and are not part of names. */
const NUMBER_WORDS = new Set(['un', 'une', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'onze', 'douze', 'treize', 'quatorze', 'quinze', 'seize', 'vingt', 'trente', 'quarante', 'cinquante', 'soixante', 'cent', 'mille', 'plusieurs', 'quelques', 'certains', 'certaines']);
/** Punctuation that never opens or ends a span. */
const STRAY = /^[,.;:!?»«"“”()\[\]—–-]$/;
const ORDINAL = /^[IVXLC]+(?:e|er|ème|ᵉ)$|^\d+(?:e|er|ème|ᵉ)$/;

/** Is the character at i an upper-case letter? ASCII by code, the rest by case mapping (fast: rules call it per token). */
function upperAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return c >= 65 && c <= 90;
  const ch = text[i]!;
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

export function hasCapitalOrDigit(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || upperAt(text, i)) return true;
    if (c >= 128 && isNumber(c)) return true;
  }
  return false;
}

export const isCapitalised = (text: string): boolean => text.length > 0 && upperAt(text, 0);
const isLowerWord = (text: string): boolean => !hasCapitalOrDigit(text);

/** Is tokens[i] a title (M., Mme, président…) — "M" "." counts as one. */
export function isTitleAt(tokens: readonly Token[], i: number): boolean {
  if (i < 0) return false;
  const titles = entitiesLexicon().titles;
  const w = lowerOf(tokens, i);
  return titles.has(w) || (w === '.' && i > 0 && titles.has(lowerOf(tokens, i - 1) + '.'));
}

/**
 * Brings a span to extrait's conventions (ANNOTATION.md): titles and roles outside PER spans,
 * elided articles and determiners outside every span, lower-case heads outside unless they are
 * part of the usual name (rue, ministère, loi: heads.tsv), PER spans end before an apposition,
 * capitalised demonyms are MISC, lower-case words, ordinals and generic capitalised words (État)
 * alone are not entities. Returns undefined when nothing of the span is left. Maps the training
 * corpora's conventions and tidies the labeller's output alike.
 */
export function normalizeSpan(tokens: readonly Token[], span: TokenSpan): TokenSpan | undefined {
  const lex = entitiesLexicon();
  let { start, end, type } = span;
  for (;;) {
    if (start >= end) return undefined;
    const t = tokens[start]!;
    const w = lower(t.text);
    if (STRAY.test(t.text)) start++;
    else if (type === 'PER' && PARTICLES.has(w) && isLowerWord(t.text) && isTitleAt(tokens, start - 1) && start + 1 < end) break;
    else if (FUNCTION_WORDS.has(w) && (isLowerWord(t.text) || w.endsWith("'"))) start++;
    else if (type === 'PER' && (isTitleAt(tokens, start) || lex.titles.has(w.replace(/\.$/, '')))) start++;
    else if (NUMBER_WORDS.has(w) && start + 1 < end) start++;
    else if (isLowerWord(t.text) && !(type !== 'PER' && lex.heads.has(t.text))) start++;
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
  while (end > start && STRAY.test(tokens[end - 1]!.text) && !(tokens[end - 1]!.text === '.' && end - start === 2 && tokens[end - 2]!.text.length === 1)) end--;
  while (end > start && FUNCTION_WORDS.has(lowerOf(tokens, end - 1))) end--;
  if (end <= start) return undefined;
  const texts = tokens.slice(start, end).map((t) => t.text);
  if (!hasCapitalOrDigit(texts.join(' '))) return undefined;
  if (end - start === 1) {
    const only = tokens[start]!;
    if (lex.notEntities.has(only.text) || ORDINAL.test(only.text) || only.kind === 'ordinal' || only.kind === 'number') return undefined;
    if (lex.demonyms.has(only.text) && !isPlace(only.text)) type = 'MISC';
  }
  return { start, end, type };
}

/** Is this one-word name a place of the gazetteer (la Suisse is a country, not a demonym)? */
export function isPlace(word: string): boolean {
  const entry = entitiesLexicon().gazetteer.entryOfWord(word);
  return entry?.type === 'LOC';
}
