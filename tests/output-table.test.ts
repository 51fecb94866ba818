import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import stringWidth from 'string-width';
import { displayWidth, isSingleColumn } from '../src/output/width.js';
import { plainStyle, renderTable } from '../src/output/table.js';
import { cli } from './cli-helpers.js';

describe('displayWidth', () => {
  it('counts wide characters twice and ANSI codes not at all', () => {
    expect(displayWidth('Séoul')).toBe(5);
    expect(displayWidth('中国')).toBe(4);
    expect(displayWidth('\u001b[1mTitre\u001b[22m')).toBe(5);
    expect(displayWidth('« Très bien » — l’été…')).toBe(22);
  });
  it('agrees with string-width on texts of one-column characters, the fast path', () => {
    const oneColumn = fc.integer({ min: 0x20, max: 0x2319 }).filter(isSingleColumn).map((c) => String.fromCharCode(c));
    fc.assert(fc.property(fc.array(oneColumn, { maxLength: 12 }), (chars) => displayWidth(chars.join('')) === stringWidth(chars.join(''))), { numRuns: 3000 });
  });
});

describe('renderTable', () => {
  it('aligns columns by display width, rules above and below', () => {
    const table = renderTable({ head: ['token', 'pos'], rows: [['Séoul', 'PROPN'], ['中国', 'NOUN']] }, plainStyle);
    expect(table).toBe(['┌───────┬───────┐', '│ token │ pos   │', '│ Séoul │ PROPN │', '│ 中国  │ NOUN  │', '└───────┴───────┘'].join('\n'));
  });
  it('gives a cell of several lines several lines of the row', () => {
    const table = renderTable({ head: ['a', 'b'], rows: [['un\ndeux', 'x']] }, plainStyle);
    expect(table.split('\n').slice(2, 4)).toEqual(['│ un   │ x │', '│ deux │   │']);
  });
  it('draws tables longer than a spread argument list can be (200,000 rows)', () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => [String(i), 'mot']);
    const lines = renderTable({ head: ['#', 'token'], rows }, plainStyle).split('\n');
    expect(lines).toHaveLength(200_003);
    expect(lines.at(-2)).toBe('│ 199999 │ mot   │');
  });
  it('says when there is nothing, then prints notes and sections', () => {
    const table = renderTable({ head: ['a'], rows: [], notes: ['note'], sections: [{ title: 'suite', view: { head: ['b'], rows: [['1']] } }] }, plainStyle);
    expect(table).toBe(['(nothing found)', 'note', '', 'suite', '┌───┐', '│ b │', '│ 1 │', '└───┘'].join('\n'));
  });
});

describe('extrait sentences -f table', () => {
  it('prints the exact table', async () => {
    const r = await cli(['sentences', 'fixtures/cli/greve.txt', '-f', 'table', '--no-color'], { tty: true });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      [
        'fixtures/cli/greve.txt · language fra · 3 sentences · 20 tokens',
        '┌───┬───┬──────────┬─────────────────────────────────────┐',
        '│ # │ ¶ │ line:col │ sentence                            │',
        '│ 0 │ 0 │ 1:1      │ Grève à Douai                       │',
        '│ 1 │ 1 │ 3:1      │ Les salariés ont voté mardi.        │',
        '│ 2 │ 1 │ 3:30     │ « On ne lâchera rien », a-t-il dit. │',
        '└───┴───┴──────────┴─────────────────────────────────────┘',
        '',
      ].join('\n'),
    );
  });
});
