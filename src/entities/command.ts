import { readFileSync, writeFileSync } from 'node:fs';
import type { ActionSpec, CliOptions, CommandSpec, OptionRow } from '../cli/spec.js';
import type { Analysis } from '../core/analysis.js';
import { ExtraitError } from '../core/errors.js';
import { position } from '../output/text.js';
import type { LexiconEntry } from '../pipeline/component.js';
import { project, readConll } from './corpus.js';
import { DEFAULT_EPOCHS, MAX_FEATURES, trainModelFile } from './training.js';

const TYPES = new Set(['PER', 'LOC', 'ORG', 'MISC']);

/**
 * Reads a user lexicon: one name per line, tab-separated `name  type  [canonical]`, `#` comments.
 * Every occurrence of the name becomes an entity of that type, clustered under the canonical name.
 */
export function parseLexiconFile(path: string): LexiconEntry[] {
  let content: string;
  try {
    content = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ExtraitError('E_INPUT_NOT_FOUND', `cannot read the lexicon ${path}`, { cause: error });
  }
  return parseLexicon(content, path);
}

export function parseLexicon(content: string, name = 'lexicon'): LexiconEntry[] {
  const entries: LexiconEntry[] = [];
  content.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const [entry, type, canonical] = line.split('\t').map((c) => c.trim());
    if (!entry || !type || !TYPES.has(type.toUpperCase())) {
      throw new ExtraitError('E_LEXICON', `${name}:${i + 1}: expected "name<TAB>PER|LOC|ORG|MISC[<TAB>canonical]", got ${JSON.stringify(raw)}`);
    }
    entries.push({ name: entry, type: type.toUpperCase(), ...(canonical && { canonical }) });
  });
  return entries;
}

export const entitiesOptions: OptionRow[] = [
  { flags: '--mentions', description: 'list every mention instead of one row per entity', commands: ['entities'] },
  {
    flags: '--lexicon <file.tsv>',
    description: 'your own names: tab-separated name, type (PER, LOC, ORG, MISC) and optional canonical name',
    analyzeOption: 'lexicon',
    parse: parseLexiconFile,
  },
];

function entityItems(analysis: Analysis, options: CliOptions): Record<string, unknown>[] {
  const mentions = analysis.mentions ?? [];
  const entities = analysis.entities ?? [];
  if (options.mentions) {
    const byId = new Map(entities.map((e) => [e.id, e]));
    return mentions.map((m) => ({
      start: m.start,
      end: m.end,
      text: m.text,
      type: m.type,
      entity: m.entity,
      canonical: byId.get(m.entity)?.canonical,
      ...(m.rule && { rule: m.rule }),
    }));
  }
  return entities.map((e) => {
    const first = mentions[e.mentions[0]!]!;
    return {
      id: e.id,
      canonical: e.canonical,
      type: e.type,
      ...(e.gender && { gender: e.gender }),
      count: e.mentions.length,
      start: first.start,
      end: first.end,
      aliases: e.aliases,
      roles: e.roles.map((r) => ({ start: r.start, end: r.end, text: r.text, role: r.role })),
      mentions: e.mentions.map((i) => ({ start: mentions[i]!.start, end: mentions[i]!.end, text: mentions[i]!.text })),
    };
  });
}

export const entitiesCommand: CommandSpec = {
  name: 'entities',
  summary: 'named entities (people, places, organisations, other names) clustered with canonical names, gender and roles',
  examples: [
    'extrait entities article.txt',
    'extrait entities --mentions -f csv corpus/',
    'extrait entities --lexicon names.tsv article.txt',
  ],
  components: ['entities'],
  fields: ['mentions', 'entities'],
  items: entityItems,
  columns: ['document', 'id', 'canonical', 'type', 'gender', 'count', 'start', 'end', 'entity', 'text', 'rule'],
  table(analysis, options) {
    const mentions = analysis.mentions ?? [];
    const entities = analysis.entities ?? [];
    if (options.mentions) {
      const byId = new Map(entities.map((e) => [e.id, e]));
      return {
        head: ['line:col', 'mention', 'type', 'entity', ...(options.explain ? ['rule'] : [])],
        rows: mentions.map((m) => [position(analysis.text, m.start), m.text, m.type, byId.get(m.entity)?.canonical ?? m.entity, ...(options.explain ? [m.rule ?? ''] : [])]),
      };
    }
    return {
      head: ['entity', 'type', 'mentions', 'first', 'gender', 'roles'],
      rows: entities.map((e) => [
        e.canonical,
        e.type,
        String(e.mentions.length),
        position(analysis.text, mentions[e.mentions[0]!]!.start),
        e.gender ?? '',
        [...new Set(e.roles.map((r) => r.role))].join('; '),
      ]),
    };
  },
};

/** `extrait train-ner --data FILE.conll [--out FILE] [--epochs N]`: trains a labeller on the user's annotations. */
export const trainNerAction: ActionSpec = {
  name: 'train-ner',
  summary: 'train the entity labeller on your own CoNLL annotations (token … tag per line, IOB/IO/BIOES)',
  examples: ['extrait train-ner --data my-news.conll --out my-ner.bin', 'EXTRAIT_NER_MODEL=my-ner.bin extrait entities article.txt'],
  options: [
    { flags: '--data <file.conll>', description: 'training data: one token per line, the tag in the last column, blank lines between sentences', commands: ['train-ner'] },
    { flags: '--out <file>', description: 'where to write the model', default: 'ner-model.bin', commands: ['train-ner'] },
    { flags: '--epochs <n>', description: 'passes over the data', default: String(DEFAULT_EPOCHS), commands: ['train-ner'] },
  ],
  async run(_args, options, io) {
    const data = options.data as string | undefined;
    if (!data) throw new ExtraitError('E_USAGE', 'train-ner needs --data FILE.conll');
    const epochs = Number(options.epochs ?? DEFAULT_EPOCHS);
    if (!Number.isInteger(epochs) || epochs < 1 || epochs > 100) throw new ExtraitError('E_USAGE', `--epochs must be a whole number from 1 to 100, got ${String(options.epochs)}`);
    const out = (options.out as string | undefined) ?? 'ner-model.bin';
    let content: string;
    try {
      content = readFileSync(data, 'utf8');
    } catch (error) {
      throw new ExtraitError('E_INPUT_NOT_FOUND', `cannot read ${data}`, { cause: error });
    }
    const sentences = readConll(content, data).map(project);
    if (!sentences.length) throw new ExtraitError('E_INPUT_EMPTY', `${data} holds no sentence`);
    const spans = sentences.reduce((n, s) => n + s.labels.filter((l) => l % 2 === 1).length, 0);
    io.stderr.write(`training on ${sentences.length} sentences (${spans} entities), ${epochs} epochs\n`);
    const buffer = trainModelFile(sentences, {
      epochs,
      maxFeatures: MAX_FEATURES,
      training: { sources: [{ name: data, sentences: sentences.length }], licence: 'as the training data' },
      onEpoch: (epoch, accuracy) => io.stderr.write(`epoch ${epoch}: ${(100 * accuracy).toFixed(2)}% tokens right\n`),
    });
    writeFileSync(out, buffer);
    io.stdout.write(`wrote ${out} (${(buffer.length / 1024 / 1024).toFixed(2)} MB); use it with EXTRAIT_NER_MODEL=${out}\n`);
    return 0;
  },
};
