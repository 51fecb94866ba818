import { describe, expect, it } from 'vitest';
import { readListRows } from '../src/core/lexicon-file.js';
import { readFileSync } from 'node:fs';
import { lexiconPath } from '../src/core/paths.js';
import { compileDates, DATES_COMPILED_FILE } from '../src/dates/compile.js';
import { datesLexicon, readDatesLexicon } from '../src/dates/lexicon.js';
import { compileRules, datesRules } from '../src/dates/rules.js';
import { analyze } from '../src/pipeline/analyze.js';

const rows = readListRows('dates', 'rules.tsv');

/** The example sentence of a rule row without its brackets, and the bracketed span. */
function example(row: string[]): { text: string; start: number; end: number } {
  const marked = row[3] ?? '';
  const start = marked.indexOf('[');
  const end = marked.indexOf(']') - 1;
  return { text: marked.replace('[', '').replace(']', ''), start, end };
}

describe('lexicons/dates/rules.tsv as data', () => {
  it('compiles: every rule has a name, a pattern, a known action, and an example with a [span]', () => {
    const set = compileRules(rows);
    expect(set.rules.length).toBe(rows.length);
    for (const row of rows) expect(row[3], row[0]).toMatch(/\[[^\]]+\]/);
  });

  it.each(rows.map((row) => [row[0]!, row] as const))('%s finds its example', (name, row) => {
    const { text, start, end } = example(row);
    const dates = analyze(text, { components: ['dates'], refDate: '2024-03-14', explain: true }).dates ?? [];
    if (name.startsWith('ignore.')) {
      expect(dates.filter((d) => d.start < end && start < d.end)).toEqual([]);
      return;
    }
    const found = dates.find((d) => d.start === start && d.end === end) ?? dates.flatMap((d) => d.parts ?? []).find((d) => d.start === start && d.end === end);
    expect(found, `${name}: ${JSON.stringify(dates.map((d) => [d.text, d.rule]))}`).toBeDefined();
    expect(found!.text).toBe(text.slice(start, end));
    expect(found!.rule).toBe(name);
  });
});

describe('the compiled word lists and rules of lexicons/dates', () => {
  it('equal a fresh compile of the readable files (run npm run build:dates when not)', () => {
    expect(readFileSync(lexiconPath(...DATES_COMPILED_FILE), 'utf8')).toBe(compileDates());
  });

  it('load as the readable files give them: same tables, same rules, same indexes', () => {
    expect(datesLexicon()).toEqual(readDatesLexicon());
    const fresh = compileRules(rows);
    const compiled = datesRules();
    expect(compiled.rules).toEqual(fresh.rules);
    expect(compiled.startClasses).toEqual(fresh.startClasses);
    for (const index of ['byWord', 'byClass'] as const) {
      expect([...compiled[index].keys()]).toEqual([...fresh[index].keys()]);
      for (const [key, list] of compiled[index]) {
        expect(list.map((r) => r.name), key).toEqual(fresh[index].get(key)!.map((r) => r.name));
        for (const r of list) expect(r, `${key}: ${r.name} is the rule of the list`).toBe(compiled.rules[r.order]);
      }
    }
  });
});
