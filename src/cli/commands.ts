import type { ActionSpec, CommandSpec, OptionRow } from './spec.js';
import { makeAnalyzeCommand } from './analyze-command.js';
import { tokensCommand } from '../tokenize/command.js';
import { sentencesCommand } from '../sentences/command.js';
import { quotesCommand, quotesOptions } from '../quotes/command.js';

/** Extraction commands of the capabilities, in the order `--help` lists them. */
export const extractionCommands: readonly CommandSpec[] = [quotesCommand];

/** Options that only some commands take, declared by their capabilities. */
export const capabilityOptions: readonly OptionRow[] = [...quotesOptions];

export const analyzeCommand = makeAnalyzeCommand(extractionCommands);

export const outputCommands: readonly CommandSpec[] = [analyzeCommand, tokensCommand, sentencesCommand, ...extractionCommands];

export const actionCommands: readonly ActionSpec[] = [];
