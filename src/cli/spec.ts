import type { Analysis } from '../core/analysis.js';

/** Parsed command-line options: option keys from the option table, camelCased. */
export type CliOptions = Record<string, unknown>;

/** One row of the declarative option table: it drives parsing and renders `--help`. */
export interface OptionRow {
  /** Commander-style flags: `-f, --format <format>`, `--no-pos`, `--speaker <name>`. */
  flags: string;
  description: string;
  /** Commands the option applies to; absent = every command. */
  commands?: readonly string[];
  default?: string | boolean | number;
  choices?: readonly string[];
  /** Options that may be repeated collect into an array. */
  repeatable?: boolean;
  /** The library option this CLI option sets, e.g. `refDate`, `lexicon`. */
  analyzeOption?: string;
  /** Turns the option's string into the library value (may read a file; throws ExtraitError on bad input). */
  parse?: (value: string) => unknown;
}

export interface TableView {
  head: string[];
  rows: string[][];
  /** Lines printed under the table (e.g. the categories line of topics). */
  notes?: string[];
  /** Further tables printed after this one, each under its title. */
  sections?: { title: string; view: TableView }[];
}

/**
 * An output command (`extrait quotes`, `extrait dates`…): what it runs and how its results are shown.
 * Item offsets are UTF-16; the output layer converts every {start, end} to code points when asked.
 */
export interface CommandSpec {
  name: string;
  summary: string;
  examples: readonly string[];
  /** Components to run (their needs are added by the pipeline). */
  components: readonly string[];
  /** Analysis fields kept in the JSON documents of this command. */
  fields: readonly (keyof Analysis)[];
  /** One object per extracted item: JSONL lines (with the document id added) and CSV/TSV rows. */
  items(analysis: Analysis, options: CliOptions): Record<string, unknown>[];
  /** CSV/TSV columns, in order: keys of the flattened items (nested keys joined with '.'). */
  columns: readonly string[];
  /** The human-readable table of one document. */
  table(analysis: Analysis, options: CliOptions): TableView;
  /** Corpus mode: a view over all documents at once (topics --corpus). */
  corpus?(analyses: readonly Analysis[], options: CliOptions): { table: TableView; items: Record<string, unknown>[] };
}

/** Streams an action command writes to, so that it never touches process.* itself. */
export interface CommandIO {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/** A command that does something other than print extractions (`extrait train-ner`). */
export interface ActionSpec {
  name: string;
  summary: string;
  examples: readonly string[];
  /** Arguments after the command name, e.g. `[files...]`. */
  args?: string;
  options: readonly OptionRow[];
  /** Returns the exit code. */
  run(args: string[], options: CliOptions, io: CommandIO): Promise<number>;
}
