import type { Analysis } from '../core/analysis.js';
import { ExtraitError } from '../core/errors.js';
import type { Warning } from '../core/types.js';
import type { AnalyzeOptions } from '../pipeline/component.js';
import { createAnalyzer } from '../pipeline/analyze.js';
import { registry } from '../pipeline/registry.js';
import { readInputs, type InputFormat, type InputItem } from '../input/index.js';
import { createFormatter, type OutputFormat } from '../output/formatters.js';
import { colorStyle, plainStyle, type Style } from '../output/table.js';
import type { OffsetUnit } from '../output/offsets.js';
import { ALL_FIELDS } from '../output/document-json.js';
import type { CliOptions, CommandSpec } from './spec.js';
import { optionRows } from './program.js';
import { EXIT, type CliIO } from './io.js';
import { Progress } from './progress.js';

/** Runs an extraction command over its inputs; resolves to the exit code. */
export async function execute(spec: CommandSpec, inputs: string[], options: CliOptions, io: CliIO): Promise<number> {
  const useColor = options.color !== false && !io.env.NO_COLOR && io.env.TERM !== 'dumb';
  const messages = new Messages(io, useColor && io.stderr.isTTY === true ? await colorStyle() : plainStyle, options.quiet === true);
  let analyzer: ReturnType<typeof createAnalyzer>;
  try {
    if (inputs.length === 0 && io.stdin.isTTY) {
      throw new ExtraitError('E_USAGE', 'no input: name files or directories, or pipe text in (extrait --help)');
    }
    analyzer = createAnalyzer(analyzeOptions(spec, options));
  } catch (error) {
    if (error instanceof ExtraitError) {
      messages.error(error.message);
      return EXIT.usage;
    }
    throw error;
  }

  const format = (options.format as OutputFormat | undefined) ?? (io.stdout.isTTY ? 'table' : 'json');
  const output = new Output(io);
  const formatter = createFormatter(format, {
    spec,
    fields: spec.name === 'analyze' ? ALL_FIELDS : ['id', ...spec.fields] as never,
    options,
    offsets: (options.offsets as OffsetUnit | undefined) ?? 'codepoint',
    includeText: options.includeText === true,
    explain: options.explain === true,
    style: format === 'table' && useColor && io.stdout.isTTY === true ? await colorStyle() : plainStyle,
    write: (chunk) => output.write(chunk),
  });
  const progress = new Progress(io.stderr, options.progress === true || (io.stderr.isTTY === true && options.progress !== false));

  let failed = 0;
  for await (const item of readInputs(inputs, {
    inputFormat: options.inputFormat as InputFormat | undefined,
    textField: options.textField as string,
    idField: options.idField as string,
    dateField: options.dateField as string,
    get stdin() {
      return io.stdin;
    },
  })) {
    if (output.closed) break;
    progress.tick(item.ok ? item.meta.source : item.source);
    if (!item.ok) {
      failed++;
      messages.error(`${item.source}: ${item.message}`);
      continue;
    }
    const analysis = analyzeItem(item, analyzer, messages);
    if (!analysis) {
      failed++;
      continue;
    }
    for (const warning of [...item.warnings, ...analysis.warnings]) messages.warning(`${item.meta.source}: ${warning.message}`);
    if (options.strictLanguage === true && analysis.language && !analysis.language.french) {
      messages.warning(`${item.meta.source}: skipped (--strict-language): not French`);
      continue;
    }
    formatter.document(analysis);
    await output.drained();
  }
  progress.done();
  if (!output.closed) formatter.end();
  await output.drained();
  return failed > 0 ? EXIT.someInputsFailed : EXIT.ok;
}

function analyzeItem(item: Extract<InputItem, { ok: true }>, analyzer: ReturnType<typeof createAnalyzer>, messages: Messages): Analysis | undefined {
  try {
    return analyzer(item.text, item.meta);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    messages.error(`${item.meta.source}: analysis failed: ${reason}`);
    return undefined;
  }
}

/** The library options a command line asks for. */
export function analyzeOptions(spec: CommandSpec, options: CliOptions): AnalyzeOptions {
  const out: Record<string, unknown> = {};
  for (const row of optionRows(spec.name)) {
    if (!row.analyzeOption) continue;
    const key = camelKey(row.flags);
    const value = options[key];
    if (value === undefined) continue;
    out[row.analyzeOption] = row.parse && typeof value === 'string' ? row.parse(value) : value;
  }
  const disable = registry.filter((c) => options[c.name] === false).map((c) => c.name);
  const only = typeof options.only === 'string' ? options.only.split(',').map((s) => s.trim()).filter(Boolean) : undefined;
  const registered = new Set(registry.map((c) => c.name));
  // the language check is cheap and its warning matters for every command
  const chosen = only ?? (spec.name === 'analyze' ? undefined : spec.components.filter((c) => registered.has(c) && !disable.includes(c)));
  const components = chosen && ['language', ...chosen.filter((c) => c !== 'language')];
  return { ...out, disable, ...(components && { components }) } as AnalyzeOptions;
}

/** `--ref-date <date>` → refDate, as commander names options. */
function camelKey(flags: string): string {
  const long = /--(?:no-)?([a-z0-9-]+)/.exec(flags)![1]!;
  return long.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

class Messages {
  constructor(
    private readonly io: CliIO,
    private readonly style: Style,
    private readonly quiet: boolean,
  ) {}
  error(text: string): void {
    this.io.stderr.write(`extrait: ${this.style.error('error')}: ${text}\n`);
  }
  warning(text: string): void {
    if (!this.quiet) this.io.stderr.write(`extrait: ${this.style.warning('warning')}: ${text}\n`);
  }
}

/** stdout with back-pressure, quiet when the reader goes away (`| head`). */
class Output {
  closed = false;
  private pending: Promise<void> | undefined;
  constructor(private readonly io: CliIO) {
    io.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') this.closed = true;
      else throw error;
    });
  }
  write(chunk: string): void {
    if (this.closed) return;
    if (!this.io.stdout.write(chunk) && !this.pending) {
      this.pending = new Promise((resolve) => this.io.stdout.once('drain', () => resolve()));
    }
  }
  async drained(): Promise<void> {
    if (this.pending) {
      await Promise.race([this.pending, new Promise<void>((resolve) => this.io.stdout.once('error', () => resolve()))]);
      this.pending = undefined;
    }
  }
}

export type { Warning };
