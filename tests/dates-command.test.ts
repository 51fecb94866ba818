import { describe, expect, it } from 'vitest';
import { datesCommand, datesOptions, timelineKey } from '../src/dates/command.js';
import { analyze } from '../src/pipeline/analyze.js';

const text = 'La piscine, construite dans les années 1970, fermera l’an prochain.\nLe conseil a voté mardi soir, vers 22 h 15, après plus de trois heures de débats.';
const analysis = analyze(text, { components: ['dates'], refDate: '2024-03-14' });

describe('extrait dates', () => {
  it('shows expression, value, type and line:column', () => {
    const view = datesCommand.table(analysis, {});
    expect(view.head).toEqual(['expression', 'value', 'type', 'line:col']);
    expect(view.rows).toEqual([
      ['les années 1970', '197', 'date', '1:29'],
      ['l’an prochain', '2025', 'date', '1:54'],
      ['mardi soir', '2024-03-12 (EV)', 'date', '2:19'],
      ['22 h 15', '2024-03-12T22:15 (APPROX)', 'time', '2:36'],
      ['plus de trois heures', 'PT3H (MORE_THAN)', 'duration', '2:51'],
    ]);
  });

  it('orders the time line by value and shows the sentence, leaving durations out', () => {
    const view = datesCommand.table(analysis, { timeline: true });
    expect(view.head).toEqual(['value', 'expression', 'sentence']);
    expect(view.rows.map((r) => r[0])).toEqual(['197', '2024-03-12 (EV)', '2024-03-12T22:15 (APPROX)', '2025']);
    expect(view.rows[0]![2]).toContain('La piscine');
  });

  it('gives one item per expression with its position and normalisation', () => {
    const items = datesCommand.items(analysis, {});
    expect(items).toHaveLength(5);
    expect(items[2]).toMatchObject({ text: 'mardi soir', line: 2, column: 19, type: 'date', value: '2024-03-12', pod: 'EV', stated: false, reference: '2024-03-14', sentence: 1 });
    expect(items[4]).toMatchObject({ type: 'duration', value: null, duration: 'PT3H', mod: 'MORE_THAN' });
    for (const column of datesCommand.columns.filter((c) => c !== 'document')) expect(items.some((i) => column in i) || ['from', 'last', 'to', 'anchor', 'rule'].includes(column)).toBe(true);
  });

  it('declares --timeline for the dates command', () => {
    expect(datesOptions.map((o) => [o.flags, o.commands])).toEqual([['--timeline', ['dates']]]);
  });

  it('sorts values of every grain', () => {
    const at = (value: string, type = 'date') => timelineKey({ start: 0, end: 0, text: '', type: type as 'date', value, stated: true })!;
    const order = ['19', '198', '2023', '2024-SP', '2024-Q2', '2024-04', '2024-W15', '2024-04-10', '2024-04-10T08:00', '2024-04-10T09:30'];
    expect(order.map((v) => at(v))).toEqual([...order.map((v) => at(v))].sort((a, b) => a - b));
    expect(timelineKey({ start: 0, end: 0, text: '', type: 'date', value: 'XXXX-05-10', stated: false })).toBeUndefined();
  });
});
