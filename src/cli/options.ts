import type { OptionRow } from './spec.js';
import { ExtraitError } from '../core/errors.js';

/** A real calendar day written YYYY-MM-DD. */
export function parseIsoDay(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const day = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!m || !day || day.getUTCMonth() !== Number(m[2]) - 1 || day.getUTCDate() !== Number(m[3])) {
    throw new ExtraitError('E_USAGE', `--ref-date: expected a day written YYYY-MM-DD, got '${value}'`);
  }
  return value;
}
import type { Component } from '../pipeline/component.js';

/** Options of every extraction command. Command-specific rows come from each capability's command.ts. */
export const globalOptions: readonly OptionRow[] = [
  {
    flags: '-f, --format <format>',
    description: 'output format (default: table on a terminal, json otherwise)',
    choices: ['table', 'json', 'jsonl', 'csv', 'tsv'],
  },
  {
    flags: '--offsets <unit>',
    description: 'count offsets in Unicode code points (Python, jq, spaCy) or UTF-16 code units (JavaScript)',
    choices: ['codepoint', 'utf16'],
    default: 'codepoint',
  },
  { flags: '--include-text', description: 'put the analysed text (decoded, normalised: what offsets count in) in each document' },
  {
    flags: '--input-format <format>',
    description: 'read inputs as this format (default: by extension; stdin: txt, or jsonl when it starts with {)',
    choices: ['txt', 'md', 'html', 'jsonl'],
  },
  { flags: '--text-field <name>', description: 'JSONL field holding the text', default: 'text' },
  { flags: '--id-field <name>', description: 'JSONL field holding the document id', default: 'id' },
  { flags: '--date-field <name>', description: 'JSONL field holding the publication date', default: 'date' },
  {
    flags: '--ref-date <date>',
    description: 'reference date for relative dates, YYYY-MM-DD (default: each document’s own date)',
    analyzeOption: 'refDate',
    parse: parseIsoDay,
  },
  { flags: '--strict-language', description: 'skip documents that are not in French (they are still reported on stderr)' },
  { flags: '--only <components>', description: 'run only these components (comma-separated) and what they need' },
  { flags: '--explain', description: 'show which rule produced each result', analyzeOption: 'explain' },
  { flags: '--no-color', description: 'no colours (also when NO_COLOR is set, TERM=dumb, or output is not a terminal)' },
  { flags: '--progress', description: 'show progress on stderr (default: on a terminal with several inputs)' },
  { flags: '-q, --quiet', description: 'no warnings on stderr (errors are still reported)' },
];

/** `--no-pos`, `--no-entities`…: one switch per optional pipeline component. */
export function componentSwitches(components: readonly Component[]): OptionRow[] {
  return components.map((c) => ({ flags: `--no-${c.name}`, description: `skip the ${c.name} component (${c.description})` }));
}
