import { readdirSync } from 'node:fs';
import { readListRows, readList } from '../core/lexicon-file.js';
import { lexiconPath } from '../core/paths.js';
import { ExtraitError } from '../core/errors.js';
import { buildScheme, type CategoryScheme } from './scheme.js';
import { lower, fold } from './words.js';

/** A rule of lexicons/topics/entity-cues.tsv: a word in an entity name of this type is a cue for a label. */
export interface EntityCue {
  type: string;
  word: string;
  label: string;
  weight: number;
  reason: string;
}

export interface TopicsLexicon {
  stopwords: ReadonlySet<string>;
  boilerplate: ReadonlySet<string>;
  prepositions: ReadonlySet<string>;
  determiners: ReadonlySet<string>;
  skipAdjectives: ReadonlySet<string>;
  prenominal: ReadonlySet<string>;
  /** Document frequency of a lower-case lemma in the background corpora, and their size. */
  df: ReadonlyMap<string, number>;
  documents: number;
  scheme: CategoryScheme;
  entityCues: readonly EntityCue[];
}

let cached: TopicsLexicon | undefined;

/** The topics lexicons, read on first use. */
export function topicsLexicon(): TopicsLexicon {
  if (cached) return cached;
  try {
    const phraseWords = readListRows('topics', 'phrase-words.tsv');
    const role = (r: string) => new Set(phraseWords.filter((row) => row[1] === r).map((row) => lower(row[0]!)));
    const df = new Map<string, number>();
    let documents = 0;
    for (const [lemma, n] of readListRows('topics', 'background.tsv')) {
      if (lemma === 'documents') documents = Number(n);
      else df.set(lemma!, Number(n));
    }
    if (!documents) throw new Error('background.tsv has no documents row');
    cached = {
      stopwords: new Set(readList('topics', 'stopwords.txt').map(lower)),
      boilerplate: new Set(readList('topics', 'boilerplate.txt').map(lower)),
      prepositions: role('preposition'),
      determiners: role('determiner'),
      skipAdjectives: role('skip-adjective'),
      prenominal: role('prenominal'),
      df,
      documents,
      scheme: builtinScheme(),
      entityCues: readListRows('topics', 'entity-cues.tsv').map(([type, word, label, weight, reason]) => ({
        type: type!,
        word: fold(word!),
        label: label!,
        weight: Number(weight),
        reason: reason ?? '',
      })),
    };
    return cached;
  } catch (error) {
    if (error instanceof ExtraitError) throw error;
    throw new ExtraitError('E_LEXICON', `topics lexicons unreadable: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * The built-in category scheme: one file per label in lexicons/topics/categories/, named
 * `<label>.tsv` or `<label>.<part>.tsv`, rows `term<TAB>weight`.
 */
function builtinScheme(): CategoryScheme {
  const rows: { label: string; term: string; weight: number }[] = [];
  for (const file of readdirSync(lexiconPath('topics', 'categories')).filter((f) => f.endsWith('.tsv')).sort()) {
    const label = file.replace(/\.tsv$/, '').split('.')[0]!.normalize('NFC');
    for (const [term, weight] of readListRows('topics', 'categories', file)) {
      rows.push({ label, term: term!, weight: weight === undefined ? 1 : Number(weight) });
    }
  }
  return buildScheme(rows, 'built-in');
}
