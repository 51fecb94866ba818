import type { Token } from '../core/types.js';
import { entitiesLexicon, lower, lowerOf, type Phrase } from './lexicon.js';
import type { EntityRole, EntityType } from './types.js';
import { isLetter, isUpper } from './unicode.js';

/** Words that may stand before a role noun in front of a name: "le secrétaire d'État Rex Tillerson". */
const ROLE_OPENERS = new Set(['le', 'la', "l'", 'les', 'du', 'de', "d'", 'des', 'au', 'aux', 'un', 'une', 'son', 'sa', 'leur', 'notre', 'votre', 'ce', 'cet', 'cette', 'selon', 'par', 'avec', 'pour', 'et', ',', '(', '«', '—', '–']);
/** Words that may continue a role's complement: "directeur général de la communication du FBI". */
const COMPLEMENT_WORDS = new Set(['de', 'du', 'des', "d'", 'la', 'le', 'les', "l'", 'à', 'au', 'aux', 'en', 'et', 'pour', 'chargé', 'chargée', 'adjoint', 'adjointe', 'général', 'générale', 'national', 'nationale', 'régional', 'régionale', 'départemental', 'départementale', 'municipal', 'municipale', 'fédéral', 'fédérale', 'américain', 'américaine', 'français', 'française', 'russe', 'européen', 'européenne', 'délégué', 'déléguée', 'sortant', 'sortante']);
const MAX_COMPLEMENT = 8;

function roleAt(tokens: readonly Token[], at: number, limit: number): Phrase | undefined {
  const first = lowerOf(tokens, at);
  for (const phrase of entitiesLexicon().roles.get(first) ?? []) {
    if (at + phrase.words.length > limit) continue;
    if (phrase.words.every((w, k) => lowerOf(tokens, at + k) === w)) return phrase;
  }
  return undefined;
}

/** A complement token: a link word, a known role adjective, or a capitalised word (du FBI, de Montluçon). */
function complementToken(t: Token): boolean {
  const w = lower(t.text);
  return COMPLEMENT_WORDS.has(w) || (t.text.length > 0 && isUpper(t.text.codePointAt(0)!)) || t.kind === 'number';
}

function role(text: string, tokens: readonly Token[], from: number, to: number): EntityRole {
  const start = tokens[from]!.start;
  const end = tokens[to - 1]!.end;
  const span = text.slice(start, end);
  return { start, end, text: span, role: lower(span).replace(/\s+/g, ' ').replace(/' /g, "'") };
}

/**
 * Roles given to a person in apposition: before the name ("le secrétaire d'État Rex Tillerson",
 * "la maire de Lille, Martine X") or after it between commas ("James Comey, directeur du FBI,").
 */
export function findRoles(text: string, tokens: readonly Token[], start: number, end: number, type: EntityType): EntityRole[] {
  if (type !== 'PER') return [];
  const roles: EntityRole[] = [];
  // Before: scan back at most a role phrase and its complement; skip a title (M., Mme) and a comma.
  let stop = start;
  while (stop > 0 && (tokens[stop - 1]!.text === ',' || entitiesLexicon().titles.has(lowerOf(tokens, stop - 1)) || tokens[stop - 1]!.text === '.')) {
    if (roleAt(tokens, stop - 1, stop)) break;
    stop--;
  }
  for (let at = stop - 1; at >= Math.max(0, stop - 1 - MAX_COMPLEMENT); at--) {
    const phrase = roleAt(tokens, at, stop);
    if (phrase) {
      const opener = at === 0 || ROLE_OPENERS.has(lowerOf(tokens, at - 1));
      const rest = tokens.slice(at + phrase.words.length, stop);
      if (opener && rest.every(complementToken)) {
        roles.push(role(text, tokens, at, stop));
        break;
      }
    }
    if (!complementToken(tokens[at]!) && !roleAt(tokens, at, stop)) {
      const w = lowerOf(tokens, at);
      if (!(w.length > 0 && isLetter(w.codePointAt(0)!))) break;
    }
  }
  // After: ", [le|la|l'] role complement ," up to a comma, a full stop or a bracket.
  if (tokens[end]?.text === ',' || tokens[end]?.text === '(') {
    let at = end + 1;
    if (at < tokens.length && ['le', 'la', "l'", 'un', 'une', 'ancien', 'ancienne', 'nouveau', 'nouvelle', 'actuel', 'actuelle', 'futur', 'future'].includes(lowerOf(tokens, at))) at++;
    const phrase = at < tokens.length ? roleAt(tokens, at, tokens.length) : undefined;
    if (phrase) {
      let to = at + phrase.words.length;
      while (to < tokens.length && to - at < phrase.words.length + MAX_COMPLEMENT && complementToken(tokens[to]!)) to++;
      // A complement ends on a content word, not on "de la".
      while (to > at + phrase.words.length && /^(de|du|des|d'|la|le|les|l'|à|au|aux|en|et|pour)$/.test(lowerOf(tokens, to - 1))) to--;
      roles.push(role(text, tokens, at, to));
    }
  }
  return roles;
}
