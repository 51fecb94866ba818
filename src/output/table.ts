import { createRequire } from 'node:module';
import type { TableView } from '../cli/spec.js';

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

type TableConstructor = new (options: Record<string, unknown>) => { push(row: string[]): void; toString(): string };
let Table: TableConstructor | undefined;

export function renderTable(view: TableView, style: Style): string {
  Table ??= createRequire(import.meta.url)('cli-table3') as TableConstructor;
  const table = new Table({
    head: view.head.map((h) => style.heading(h)),
    style: { head: [], border: [] },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
    wordWrap: false,
  });
  for (const row of view.rows) table.push(row);
  const lines = [view.rows.length > 0 ? table.toString() : style.dim('(nothing found)')];
  for (const note of view.notes ?? []) lines.push(note);
  for (const section of view.sections ?? []) lines.push('', style.heading(section.title), renderTable(section.view, style));
  return lines.join('\n');
}
