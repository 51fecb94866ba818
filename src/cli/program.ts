import { Command, CommanderError, Help, Option } from 'commander';
import type { ActionSpec, CommandSpec, OptionRow } from './spec.js';
import { actionCommands, capabilityOptions, outputCommands } from './commands.js';
import { componentSwitches, globalOptions } from './options.js';
import { registry } from '../pipeline/registry.js';
import { execute } from './execute.js';
import { EXIT, type CliIO } from './io.js';
import { version } from './version.js';

const INPUTS_HELP = 'files, directories (walked recursively), globs (!pattern excludes), or - for standard input';

/** The option rows a command takes: global ones, component switches, and its own. */
export function optionRows(command: string): OptionRow[] {
  return [...globalOptions, ...componentSwitches(registry.filter((c) => c.name !== 'language')), ...capabilityOptions].filter(
    (row) => !row.commands || row.commands.includes(command),
  );
}

function toOption(row: OptionRow): Option {
  const option = new Option(row.flags, row.description);
  if (row.choices) option.choices(row.choices);
  if (row.default !== undefined) option.default(row.default);
  if (row.repeatable) option.argParser((value: string, previous: unknown) => [...((previous as string[] | undefined) ?? []), value]);
  return option;
}

function examplesHelp(examples: readonly string[]): string {
  return examples.length ? `\nExamples:\n${examples.map((e) => `  $ ${e}`).join('\n')}\n` : '';
}

function addOutputCommand(program: Command, spec: CommandSpec, io: CliIO, setExit: (code: number) => void, full: boolean): void {
  const command = program
    .command(spec.name, { isDefault: spec.name === 'analyze' })
    .summary(spec.summary)
    .description(`${spec.summary[0]!.toUpperCase()}${spec.summary.slice(1)}.`)
    .argument('[inputs...]', INPUTS_HELP)
    .addHelpText('after', examplesHelp(spec.examples))
    .action(async (inputs: string[], options: Record<string, unknown>) => setExit(await execute(spec, inputs, options, io)));
  if (full) for (const row of optionRows(spec.name)) command.addOption(toOption(row));
}

function addActionCommand(program: Command, spec: ActionSpec, io: CliIO, setExit: (code: number) => void, full: boolean): void {
  const command = program
    .command(spec.name)
    .summary(spec.summary)
    .description(`${spec.summary[0]!.toUpperCase()}${spec.summary.slice(1)}.`)
    .addHelpText('after', examplesHelp(spec.examples))
    .action(async (...received: unknown[]) => {
      const options = received[received.length - 2] as Record<string, unknown>;
      const args = spec.args ? ([] as string[]).concat((received[0] as string[] | string | undefined) ?? []) : [];
      setExit(await spec.run(args, options, { stdout: io.stdout, stderr: io.stderr }));
    });
  if (spec.args) command.argument(spec.args);
  if (full) for (const row of spec.options) command.addOption(toOption(row));
}

/**
 * The program. Given the arguments, only the commands they may run get their options: the others
 * are listed by name and summary, enough for `--help`, and building a few hundred options that no
 * one reads costs more start-up time than the analysis of a short article.
 */
export function buildProgram(io: CliIO, setExit: (code: number) => void, argv?: readonly string[]): Command {
  const full = (name: string) => !argv || name === 'analyze' || argv.includes(name);
  // every command takes options, built or not: the command list says so for all of them
  const terms = new Map<string, string>([
    ...outputCommands.map((spec): [string, string] => [spec.name, `${spec.name} [options] [inputs...]`]),
    ...actionCommands.map((spec): [string, string] => [spec.name, `${spec.name} [options]${spec.args ? ` ${spec.args}` : ''}`]),
  ]);
  const program = new Command('extrait')
    .description(
      'Reads French text (news articles above all) and extracts tokens, sentences, lemmas and parts of speech,\n' +
        'named entities, quotations with their speakers, dates normalised to ISO 8601, and topics.\n' +
        'Data goes to stdout (a table on a terminal, JSON otherwise); messages go to stderr.\n' +
        'Exit codes: 0 all good, 1 some inputs failed (the rest was written), 2 usage error, 130 interrupted.',
    )
    .version(version(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help (also: extrait <command> --help)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => void io.stdout.write(s),
      writeErr: (s) => void io.stderr.write(s),
      outputError: (s, write) => write(s.startsWith('error:') ? `extrait: ${s}` : s),
    })
    .showHelpAfterError('(see extrait --help)')
    .configureHelp({ subcommandTerm: (cmd) => terms.get(cmd.name()) ?? Help.prototype.subcommandTerm.call(new Help(), cmd) })
    .addHelpText(
      'after',
      examplesHelp([
        'extrait fixtures/lavrov-washington.txt',
        'extrait quotes articles/ --speaker Lavrov',
        'cat article.txt | extrait dates -f jsonl | jq .value',
        'extrait corpus.jsonl --text-field body -f csv > out.csv',
      ]),
    );
  for (const spec of outputCommands) addOutputCommand(program, spec, io, setExit, full(spec.name));
  for (const spec of actionCommands) addActionCommand(program, spec, io, setExit, full(spec.name));
  return program;
}

export async function runProgram(argv: readonly string[], io: CliIO): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = buildProgram(io, (code) => (exitCode = code), argv);
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    throw error;
  }
  return exitCode;
}
