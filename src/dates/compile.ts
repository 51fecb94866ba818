import { DATES_COMPILED_FILE, isClassName, type CompiledJson, type JsonElement, type JsonRule } from './compiled.js';
import { readDatesLexicon, type DatesLexicon } from './lexicon.js';
import type { Element } from './pattern.js';
import { compileRules } from './rules.js';

export { DATES_COMPILED_FILE };

/**
 * The text of lexicons/dates/generated/compiled.json: the word lists of lexicons/dates and the
 * rules of rules.tsv already parsed and indexed by their first word and class, so that loading is
 * one JSON.parse. One table (or rule) per line, for readable diffs.
 */
export function compileDates(): string {
  const lexicon = readDatesLexicon();
  const set = compileRules();
  const order = new Map(set.rules.map((r, k) => [r, k]));
  const element = (e: Element): JsonElement => {
    const atoms = e.atoms.map((a) => (a.kind === 'class' ? a.name : a.word));
    for (const a of e.atoms) if ((a.kind === 'class') !== isClassName(a.kind === 'class' ? a.name : a.word)) throw new Error(`dates rules: atom "${JSON.stringify(a)}" is not told apart by its case`);
    return [atoms, e.slot ?? null, e.optional ? 1 : 0];
  };
  const rules = set.rules.map((r): JsonRule => [r.name, r.action, r.params, r.pattern.before.map(element), r.pattern.body.map(element), r.pattern.notAfter ? element(r.pattern.notAfter) : null]);
  const json = (value: unknown) => JSON.stringify(value, (_, v: unknown) => (v instanceof Map ? [...v] : v instanceof Set ? [...v] : v));
  const tables = Object.entries(lexicon as DatesLexicon).map(([name, value]) => `  ${JSON.stringify(name)}: ${json(value)}`);
  const index = (map: ReadonlyMap<string, readonly unknown[]>) => json([...map].map(([key, list]) => [key, list.map((r) => order.get(r as never))]));
  const generated: CompiledJson['generated'] = `by scripts/build/dates-compiled.ts from lexicons/dates/*.tsv and *.txt (src/dates/compile.ts): do not edit`;
  return [
    '{',
    `"generated": ${JSON.stringify(generated)},`,
    `"lexicon": {\n${tables.join(',\n')}\n},`,
    `"rules": [\n${rules.map((r) => `  ${json(r)}`).join(',\n')}\n],`,
    `"byWord": ${index(set.byWord)},`,
    `"byClass": ${index(set.byClass)}`,
    '}',
    '',
  ].join('\n');
}
