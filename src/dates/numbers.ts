import { datesLexicon } from './lexicon.js';

/**
 * Value of French number words already split into parts ("vingt", "et", "un" or "quatre", "vingt",
 * "dix", "sept"); undefined when a part is not a number word.
 */
export function numberFromWords(parts: readonly string[]): number | undefined {
  const { numbers } = datesLexicon();
  let total = 0;
  let current = 0;
  let seen = false;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (part === 'et') {
      const next = parts[i + 1];
      if (!seen || (next !== 'un' && next !== 'une' && next !== 'onze')) return undefined;
      continue;
    }
    const value = numbers.get(part);
    if (value === undefined) return undefined;
    seen = true;
    if (value === 100) current = (current || 1) * 100;
    else if (value === 1000) {
      total += (current || 1) * 1000;
      current = 0;
    } else if (value === 20 && current % 100 === 4 && i > 0 && parts[i - 1] === 'quatre') current += 76;
    else current += value;
  }
  return seen ? total + current : undefined;
}

/** Value of a number written in digits: 3, 05, 30,4, 1 500, 3.000 (thousands), 2,5. */
export function numberFromDigits(text: string): number | undefined {
  const compact = text.replace(/[\s\u00a0\u202f\u2009]/g, '');
  if (/^\d+$/.test(compact)) return Number(compact);
  if (/^\d+,\d+$/.test(compact)) return Number(compact.replace(',', '.'));
  if (/^\d{1,3}(\.\d{3})+$/.test(compact)) return Number(compact.replace(/\./g, ''));
  return undefined;
}

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };

export function romanValue(s: string): number | undefined {
  if (!/^[IVXLCDM]+$/.test(s)) return undefined;
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN[s[i]!]!;
    const next = i + 1 < s.length ? ROMAN[s[i + 1]!]! : 0;
    total += v < next ? -v : v;
  }
  return total;
}

/** Ordinal value of "XXe", "XVIIIe", "Ier", "21e", "3ème", "1er", or an ordinal word. */
export function ordinalValue(text: string): number | undefined {
  const m = /^([IVXLCDM]+|\d+)(e|ème|eme|er|ère|re|nd|nde)$/.exec(text);
  if (m) return /^\d/.test(m[1]!) ? Number(m[1]) : romanValue(m[1]!);
  return datesLexicon().ordinals.get(text.toLowerCase());
}
