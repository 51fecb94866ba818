import { describe, expect, it } from 'vitest';
import { readListRows } from '../src/core/lexicon-file.js';
import { compileRules } from '../src/dates/rules.js';
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
