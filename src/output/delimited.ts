/** Characters that make a spreadsheet run a cell as a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell made harmless for spreadsheets: a leading ' before = + - @ (OWASP's advice). */
export function neutralizeFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** One RFC 4180 CSV line (CRLF-free: rows end with \n, as Unix tools expect). */
export function csvLine(values: readonly unknown[]): string {
  return values
    .map((value) => {
      const text = typeof value === 'string' ? neutralizeFormula(value) : cellText(value);
      return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    })
    .join(',');
}

/** One TSV line: tab, newline, carriage return and backslash escaped as \t \n \r \\ (linear TSV). */
export function tsvLine(values: readonly unknown[]): string {
  return values
    .map((value) => {
      const text = typeof value === 'string' ? neutralizeFormula(value) : cellText(value);
      return text.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
    })
    .join('\t');
}

/** Nested objects flattened to dotted keys: {speaker: {name}} → speaker.name. Arrays stay JSON. */
export function flatten(item: Record<string, unknown>, prefix = '', out: Record<string, unknown> = {}): Record<string, unknown> {
  for (const [key, value] of Object.entries(item)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) flatten(value as Record<string, unknown>, name, out);
    else out[name] = value;
  }
  return out;
}
