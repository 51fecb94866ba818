import { readFileSync } from 'node:fs';
import { readListRows, readList } from '../core/lexicon-file.js';
import { lexiconPath } from '../core/paths.js';
import { ExtraitError } from '../core/errors.js';
import { builtinScheme } from './builtin-scheme.js';
import { BACKGROUND_INDEX_FILE, WORD_LISTS_FILE } from './files.js';
import { IndexedLines } from '../core/line-index.js';
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

/** The small word lists of the topics lexicon, as they are compiled into generated/word-lists.json. */
export type WordLists = Pick<TopicsLexicon, 'stopwords' | 'boilerplate' | 'prepositions' | 'determiners' | 'skipAdjectives' | 'prenominal' | 'entityCues'>;

let cached: TopicsLexicon | undefined;

/** The topics lexicons, read on first use from their compiled files (src/topics/compile.ts). */
export function topicsLexicon(): TopicsLexicon {
  if (cached) return cached;
  try {
    const lists = JSON.parse(readFileSync(lexiconPath(...WORD_LISTS_FILE), 'utf8')) as { [K in keyof WordLists]: WordLists[K] extends ReadonlySet<infer V> ? V[] : WordLists[K] };
    const { df, documents } = backgroundTable();
    cached = {
      stopwords: new Set(lists.stopwords),
      boilerplate: new Set(lists.boilerplate),
      prepositions: new Set(lists.prepositions),
      determiners: new Set(lists.determiners),
      skipAdjectives: new Set(lists.skipAdjectives),
      prenominal: new Set(lists.prenominal),
      df,
      documents,
      scheme: builtinScheme(),
      entityCues: lists.entityCues,
    };
    return cached;
  } catch (error) {
    if (error instanceof ExtraitError) throw error;
    throw new ExtraitError('E_LEXICON', `topics lexicons unreadable: ${(error as Error).message}`, { cause: error });
  }
}

/** The small word lists as the readable files give them (what generated/word-lists.json holds). */
export function readWordLists(): WordLists {
  const phraseWords = readListRows('topics', 'phrase-words.tsv');
  const role = (r: string) => new Set(phraseWords.filter((row) => row[1] === r).map((row) => lower(row[0]!)));
  return {
    stopwords: new Set(readList('topics', 'stopwords.txt').map(lower)),
    boilerplate: new Set(readList('topics', 'boilerplate.txt').map(lower)),
    prepositions: role('preposition'),
    determiners: role('determiner'),
    skipAdjectives: role('skip-adjective'),
    prenominal: role('prenominal'),
    entityCues: readListRows('topics', 'entity-cues.tsv').map(([type, word, label, weight, reason]) => ({
      type: type!,
      word: fold(word!),
      label: label!,
      weight: Number(weight),
      reason: reason ?? '',
    })),
  };
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
