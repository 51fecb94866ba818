import { readListRows } from '../core/lexicon-file.js';
import { ExtraitError } from '../core/errors.js';
import { compiledDates } from './compiled.js';
import { firstKeys, parsePattern, type Pattern } from './pattern.js';

export interface Rule {
  name: string;
  pattern: Pattern;
  action: string;
  params: Record<string, string>;
  /** Position in rules.tsv: earlier rules win ties. */
  order: number;
}

export interface RuleSet {
  rules: Rule[];
  byWord: Map<string, Rule[]>;
  byClass: Map<string, Rule[]>;
  /** Classes some rule starts with: the only ones worth testing at each token. */
  startClasses: string[];
}

export const ACTIONS = new Set([
  'date', 'weekday', 'shift', 'ago', 'in', 'duration', 'time', 'interval', 'pair', 'weekend', 'anchored', 'set', 'ref', 'pod-anchored', 'ignore',
]);

/** Reads and compiles lexicons/dates/rules.tsv (or given rows, for tests). */
export function compileRules(rows: string[][] = readListRows('dates', 'rules.tsv')): RuleSet {
  const rules: Rule[] = [];
  const names = new Set<string>();
  rows.forEach((row, order) => {
    const [name, pattern, actionSpec] = row;
    const where = `lexicons/dates/rules.tsv: ${name ?? '?'}`;
    if (!name || !pattern || !actionSpec) throw new ExtraitError('E_LEXICON', `${where}: a rule needs a name, a pattern and an action`);
    if (names.has(name)) throw new ExtraitError('E_LEXICON', `${where}: duplicate rule name`);
    names.add(name);
    const [action, ...rest] = actionSpec.split(/\s+/);
    if (!ACTIONS.has(action!)) throw new ExtraitError('E_LEXICON', `${where}: unknown action ${action}`);
    const params: Record<string, string> = {};
    for (const kv of rest) {
      const [k, v] = kv.split('=');
      if (!k || v === undefined) throw new ExtraitError('E_LEXICON', `${where}: bad parameter ${kv}`);
      params[k] = v;
    }
    rules.push({ name, pattern: parsePattern(pattern, where), action: action!, params, order });
  });
  const byWord = new Map<string, Rule[]>();
  const byClass = new Map<string, Rule[]>();
  for (const rule of rules) {
    const { words, classes } = firstKeys(rule.pattern);
    for (const w of new Set(words)) byWord.set(w, [...(byWord.get(w) ?? []), rule]);
    for (const c of new Set(classes)) byClass.set(c, [...(byClass.get(c) ?? []), rule]);
  }
  return { rules, byWord, byClass, startClasses: [...byClass.keys()] };
}

let cached: RuleSet | undefined;
/** The rules of lexicons/dates/rules.tsv, read from their compiled file on first use (src/dates/compile.ts). */
export function datesRules(): RuleSet {
  return (cached ??= compiledDates().rules);
}
