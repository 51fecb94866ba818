/** The compiled files of lexicons/topics/generated/ (written by src/topics/compile.ts), under lexicons/. */
export const CATEGORY_TERMS_FILE = ['topics', 'generated', 'category-terms.tsv'] as const;
/** The index of background.tsv by its first column. */
export const BACKGROUND_INDEX_FILE = ['topics', 'generated', 'background.idx'] as const;
/** The small word lists (stopwords, boilerplate, phrase words, entity cues), normalised. */
export const WORD_LISTS_FILE = ['topics', 'generated', 'word-lists.json'] as const;
