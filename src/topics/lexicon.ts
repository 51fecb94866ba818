import { readListRows, readList } from '../core/lexicon-file.js';
import { lexiconPath } from '../core/paths.js';
import { ExtraitError } from '../core/errors.js';
import { builtinScheme } from './builtin-scheme.js';
import { BACKGROUND_INDEX_FILE } from './compile.js';
import { IndexedLines } from './line-index.js';
import type { CategoryScheme } from './scheme.js';
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
  df: { get(lemma: string): number | undefined };
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
    const { df, documents } = backgroundTable();
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
 * background.tsv (a `documents<TAB>N` row — not a lemma — then `lemma<TAB>df` rows) looked up in place through
 * its index (generated/background.idx) rather than parsed.
 */
function backgroundTable(): Pick<TopicsLexicon, 'df' | 'documents'> {
  const rows = IndexedLines.read(lexiconPath('topics', 'background.tsv'), lexiconPath(...BACKGROUND_INDEX_FILE));
  const documents = Number(rows.get('documents'));
  if (!documents) throw new Error('background.tsv has no documents row');
  return {
    documents,
    df: {
      get(lemma) {
        const n = lemma === 'documents' ? undefined : rows.get(lemma);
        return n === undefined ? undefined : Number(n);
      },
    },
  };
}
