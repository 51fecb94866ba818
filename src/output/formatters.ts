import type { Analysis } from '../core/analysis.js';
import type { CliOptions, CommandSpec, TableView } from '../cli/spec.js';
import { offsetConverter, shapeForOutput, type OffsetUnit } from './offsets.js';
import { csvLine, flatten, tsvLine } from './delimited.js';
import { documentJson, SCHEMA_VERSION } from './document-json.js';
import { renderTable, type Style } from './table.js';

export type OutputFormat = 'table' | 'json' | 'jsonl' | 'csv' | 'tsv';

export interface FormatterContext {
  spec: CommandSpec;
  /** The fields JSON documents keep; the analyze command keeps all. */
  fields: readonly (keyof Analysis)[];
  options: CliOptions;
  offsets: OffsetUnit;
  includeText: boolean;
  explain: boolean;
  style: Style;
  /** Writes a chunk of stdout. */
  write: (chunk: string) => void;
}

/** Turns analyses into output, one document at a time, so a corpus never has to sit in memory. */
export interface Formatter {
  document(analysis: Analysis): void;
  end(): void;
}

/** A document's values as output shows them: `rule` fields only with --explain, offsets in the unit asked for. */
function forOutput<T>(ctx: FormatterContext, analysis: Analysis, value: T): T {
  return shapeForOutput(value, { dropRules: !ctx.explain, convert: ctx.offsets === 'utf16' ? undefined : offsetConverter(analysis.text) });
}

function jsonFormatter(ctx: FormatterContext, lines: boolean): Formatter {
  const documentOf = (a: Analysis) => forOutput(ctx, a, documentJson(a, ctx.fields, ctx.includeText));
  if (lines) {
    const perItem = ctx.spec.name !== 'analyze';
    return {
      document(a) {
        if (!perItem) {
          ctx.write(JSON.stringify(documentOf(a)) + '\n');
          return;
        }
        for (const item of itemsOf(ctx, a)) ctx.write(JSON.stringify({ document: a.id, ...item }) + '\n');
      },
      end() {},
    };
  }
  let count = 0;
  return {
    document(a) {
      const body = JSON.stringify(documentOf(a), null, 2).replace(/\n/g, '\n    ');
      ctx.write((count++ === 0 ? `{\n  "schemaVersion": "${SCHEMA_VERSION}",\n  "documents": [\n    ` : ',\n    ') + body);
    },
    end() {
      ctx.write(count === 0 ? `{\n  "schemaVersion": "${SCHEMA_VERSION}",\n  "documents": []\n}\n` : '\n  ]\n}\n');
    },
  };
}

function itemsOf(ctx: FormatterContext, a: Analysis): Record<string, unknown>[] {
  return forOutput(ctx, a, ctx.spec.items(a, ctx.options));
}

function delimitedFormatter(ctx: FormatterContext, line: (values: readonly unknown[]) => string): Formatter {
  const columns = ctx.spec.columns;
  let headerWritten = false;
  const header = () => {
    if (!headerWritten) ctx.write(line(columns) + '\n');
    headerWritten = true;
  };
  return {
    document(a) {
      header();
      for (const item of itemsOf(ctx, a)) {
        const flat = flatten({ document: a.id, ...item });
        ctx.write(line(columns.map((c) => flat[c])) + '\n');
      }
    },
    end: header,
  };
}

function tableFormatter(ctx: FormatterContext): Formatter {
  let count = 0;
  return {
    document(a) {
      const view: TableView = ctx.spec.table(a, ctx.options);
      ctx.write((count++ > 0 ? '\n' : '') + documentHeading(a, ctx.style) + '\n');
      ctx.write(renderTable(view, ctx.style) + '\n');
    },
    end() {},
  };
}

export function documentHeading(a: Analysis, style: Style): string {
  const facts = [
    a.language && a.language.code !== 'und' ? `language ${a.language.code}` : undefined,
    `${a.sentences.length} sentences`,
    `${a.tokens.length} tokens`,
    a.date ? `dated ${a.date}` : undefined,
  ].filter(Boolean);
  return style.heading(`${a.id}`) + style.dim(` · ${facts.join(' · ')}`);
}

/**
 * Corpus mode (`topics --corpus`): documents are gathered and one view over all of them is written
 * at the end: a table, `{schemaVersion, corpus: {documents, items}}` in JSON, or one item per line/row.
 */
function corpusFormatter(format: OutputFormat, ctx: FormatterContext): Formatter {
  const analyses: Analysis[] = [];
  return {
    document(a) {
      analyses.push(a);
    },
    end() {
      const view = ctx.spec.corpus!(analyses, ctx.options);
      const items = shapeForOutput(view.items, { dropRules: !ctx.explain });
      if (format === 'table') ctx.write(renderTable(view.table, ctx.style) + '\n');
      else if (format === 'json') {
        const corpus = { documents: analyses.map((a) => a.id), items };
        ctx.write(JSON.stringify({ schemaVersion: SCHEMA_VERSION, corpus }, null, 2) + '\n');
      } else if (format === 'jsonl') for (const item of items) ctx.write(JSON.stringify(item) + '\n');
      else {
        const line = format === 'csv' ? csvLine : tsvLine;
        const columns = [...new Set(items.flatMap((item) => Object.keys(flatten(item))))];
        ctx.write(line(columns) + '\n');
        for (const item of items) {
          const flat = flatten(item);
          ctx.write(line(columns.map((c) => flat[c])) + '\n');
        }
      }
    },
  };
}

export function createFormatter(format: OutputFormat, ctx: FormatterContext): Formatter {
  if (ctx.spec.corpus && ctx.options.corpus === true) return corpusFormatter(format, ctx);
  switch (format) {
    case 'json':
      return jsonFormatter(ctx, false);
    case 'jsonl':
      return jsonFormatter(ctx, true);
    case 'csv':
      return delimitedFormatter(ctx, csvLine);
    case 'tsv':
      return delimitedFormatter(ctx, tsvLine);
    case 'table':
      return tableFormatter(ctx);
  }
}
