import type { ActionSpec, CommandSpec, OptionRow } from './spec.js';
import { makeAnalyzeCommand } from './analyze-command.js';
import { tokensCommand } from '../tokenize/command.js';
import { sentencesCommand } from '../sentences/command.js';
import { quotesCommand, quotesOptions } from '../quotes/command.js';
import { entitiesCommand, entitiesOptions, trainNerAction } from '../entities/command.js';
import { topicsCommand, topicsOptions } from '../topics/command.js';
import { datesCommand, datesOptions } from '../dates/command.js';

/** Extraction commands of the capabilities, in the order `--help` lists them. */
export const extractionCommands: readonly CommandSpec[] = [entitiesCommand, quotesCommand, datesCommand, topicsCommand];

/** Options that only some commands take, declared by their capabilities. */
export const capabilityOptions: readonly OptionRow[] = [...entitiesOptions, ...quotesOptions, ...datesOptions, ...topicsOptions];

export const analyzeCommand = makeAnalyzeCommand(extractionCommands);

export const outputCommands: readonly CommandSpec[] = [analyzeCommand, tokensCommand, sentencesCommand, ...extractionCommands];

export const actionCommands: readonly ActionSpec[] = [trainNerAction];
