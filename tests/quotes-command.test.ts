import { describe, expect, it } from 'vitest';
import { fold, quotesCommand, quotesOptions, selectQuotes } from '../src/quotes/command.js';
import { quotesComponent } from '../src/quotes/index.js';
import { analysisWith } from './quotes-helpers.js';

const text = `« Nous avons discuté de la Syrie », a déclaré Sergueï Lavrov.\n« Une très bonne rencontre », a répondu Donald Trump, sur le « bureau ovale ».`;
const names: [string, 'PER'][] = [['Sergueï Lavrov', 'PER'], ['Donald Trump', 'PER']];

function run(options: Record<string, unknown> = {}) {
  const analysis = analysisWith(text, names);
  return { ...analysis, ...quotesComponent.run(analysis, { allQuotes: true }) };
}

describe('extrait quotes', () => {
  it('the component is named quotes, adds quotes and is on by default', () => {
    expect(quotesComponent.name).toBe('quotes');
    expect(quotesComponent.adds).toEqual(['quotes']);
    expect(quotesComponent.defaultOn).toBe(true);
  });
  it('--speaker matches accent- and case-insensitively, on a surname too', () => {
    const a = run();
    expect(selectQuotes(a, { speaker: 'SERGUEI LAVROV' }).map((x) => x.quote.text)).toEqual(['Nous avons discuté de la Syrie']);
    expect(selectQuotes(a, { speaker: 'trump' }).map((x) => x.quote.text)).toEqual(['Une très bonne rencontre']);
    expect(selectQuotes(a, { speaker: 'Poutine' })).toEqual([]);
    expect(fold('Sergueï')).toBe('serguei');
  });
  it('leaves non-speech out unless --all-quotes', () => {
    const a = run();
    expect(quotesCommand.items(a, {}).map((i) => i.text)).toEqual(['Nous avons discuté de la Syrie', 'Une très bonne rencontre']);
    expect(quotesCommand.items(a, { allQuotes: true }).map((i) => i.kind)).toEqual(['direct', 'direct', 'mention']);
  });
  it('a table row: speaker, quotation, verb, line:column', () => {
    const table = quotesCommand.table(run(), {});
    expect(table.head).toEqual(['speaker', 'quotation', 'verb', 'line:col']);
    expect(table.rows[0]).toEqual(['Sergueï Lavrov', 'Nous avons discuté de la Syrie', 'déclarer', '1:3']);
    expect(table.rows[1]![3]).toBe('2:3');
  });
  it('items carry line and column, and options are declared for the quotes command', () => {
    expect(quotesCommand.items(run(), {})[1]).toMatchObject({ line: 2, column: 3, kind: 'direct' });
    expect(quotesOptions.map((o) => o.flags)).toEqual(['--speaker <name>', '--all-quotes']);
  });
});
