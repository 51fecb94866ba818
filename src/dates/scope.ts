import type { TimeExpression } from './types.js';

/**
 * Whether an expression is of a kind ANNOTATION.md annotates: it leaves out recurring sets
 * (chaque jour, tous les ans) and vague references (désormais, plusieurs jours), which TimeML tags.
 */
export function withinAnnotationScope(e: TimeExpression): boolean {
  return e.type !== 'set' && !e.vague;
}
