import type { TableView } from '../cli/spec.js';
import { displayWidth } from './width.js';

/** Text styling for people: colours on a terminal, plain text elsewhere. */
export interface Style {
  heading(text: string): string;
  dim(text: string): string;
  error(text: string): string;
  warning(text: string): string;
}

export const plainStyle: Style = { heading: (t) => t, dim: (t) => t, error: (t) => t, warning: (t) => t };

/** ANSI colours; chalk is loaded only when colours are on. */
export async function colorStyle(): Promise<Style> {
  const { Chalk } = await import('chalk');
  const chalk = new Chalk({ level: 1 });
  return { heading: chalk.bold.cyan, dim: chalk.dim, error: chalk.red, warning: chalk.yellow };
}

/** Box drawing of a table: rules above and below, none between rows. */
const TOP = { left: '┌', line: '─', cross: '┬', right: '┐' };
const BOTTOM = { left: '└', line: '─', cross: '┴', right: '┘' };
const SIDE = '│';

/**
 * A table with its head, its rows, its notes and the tables of its sections. Drawn here rather than
 * with cli-table3, whose layout compares every cell with every other (cli-table3 issue #68): 2,000
 * token rows took a second.
 */
export function renderTable(view: TableView, style: Style): string {
  const lines = [view.rows.length > 0 ? drawGrid([view.head.map((h) => style.heading(h)), ...view.rows]) : style.dim('(nothing found)')];
  for (const note of view.notes ?? []) lines.push(note);
  for (const section of view.sections ?? []) lines.push('', style.heading(section.title), renderTable(section.view, style));
  return lines.join('\n');
}

/** Rows of cells, each cell possibly of several lines, in columns as wide as their widest line. */
function drawGrid(rows: readonly (readonly string[])[]): string {
  let columns = 0;
  for (const row of rows) columns = Math.max(columns, row.length);
  // each line of each cell with its display width, measured once
  const cells = rows.map((row) =>
    Array.from({ length: columns }, (_, c) => (row[c] ?? '').split('\n').map((text) => ({ text, width: displayWidth(text) }))),
  );
  const widths = new Array<number>(columns).fill(0);
  for (const row of cells) for (let c = 0; c < columns; c++) for (const line of row[c]!) widths[c] = Math.max(widths[c]!, line.width);
  const rule = (edge: typeof TOP) => edge.left + widths.map((w) => edge.line.repeat(w + 2)).join(edge.cross) + edge.right;
  const out = [rule(TOP)];
  for (const row of cells) {
    let height = 0;
    for (const lines of row) height = Math.max(height, lines.length);
    for (let k = 0; k < height; k++) {
      const parts = row.map((lines, c) => {
        const line = lines[k] ?? { text: '', width: 0 };
        return ' ' + line.text + ' '.repeat(widths[c]! - line.width) + ' ';
      });
      out.push(SIDE + parts.join(SIDE) + SIDE);
    }
  }
  out.push(rule(BOTTOM));
  return out.join('\n');
}
