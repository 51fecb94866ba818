import { readFileSync, statSync } from 'node:fs';
import type { SyntacticWord, Token, TokenKind } from '../core/types.js';
import { ExtraitError } from '../core/errors.js';
import { lexiconPath } from '../core/paths.js';
import { readListRows } from '../core/lexicon-file.js';
import type { Component } from '../pipeline/component.js';
import { contractionParts, contractionTable } from './contractions.js';
import { Lemmatizer } from './lemmatizer.js';
import { WordLexicon, wordLexicon } from './lexicon.js';
import { tagDictionary } from './tag-dictionary.js';
import { decodeModels } from './model.js';
import { compileTables, loadTables, type TaggerTables } from './tables.js';
import { Core } from './core.js';
import { SortedLines } from './sorted-lines.js';
import { MISSING, commonAllowed, commonClass, commonFirst, commonLemma, commonRules, commonWords, type CommonWords } from './common-words.js';
import { SuffixRules, type LemmaRules } from './suffix-rules.js';
import { Tagger } from './tagger.js';
import { hasLetter, normalizeForm } from './text.js';

export type { SyntacticWord } from '../core/types.js';

/** What the tagger says of one surface token. */
export interface TaggedWord {
  /** UPOS; a multiword token joins its words' tags with '+' (du → ADP+DET). */
  pos: string;
  /** Lemma; a multiword token joins its words' lemmas with '+' (du → de+le). */
  lemma: string;
  /** The syntactic words of a multiword token (du → de + le). */
  parts?: SyntacticWord[];
}

export const MODEL_FILE = 'tagger.bin';
/** The tagger compiled for loading (tables.ts), written from MODEL_FILE by npm run compile:pos. */
export const TABLES_FILE = 'tagger-tables.bin';
export const CORPUS_LEMMAS_FILE = 'lemmas.tsv';
export const SUFFIX_RULES_FILE = 'suffix-rules.tsv';
export const PRONOUN_LEMMAS_FILE = 'pronoun-lemmas.tsv';

interface PosModel {
  tagger: Tagger;
  lemmatizer: Lemmatizer;
}

let loaded: PosModel | undefined;

/** Loads the model and lexicons on first use (synchronously, once per process). */
export function posModel(): PosModel {
  if (!loaded) {
    const lexicon = wordLexicon();
    const common = commonWords();
    const corpusFile = () => new SortedLines(readPosFile(CORPUS_LEMMAS_FILE));
    const corpus = new WordLexicon(common ? commonFirst(common, 'corpus', true, corpusFile) : corpusFile());
    const passes = taggerTables();
    const labels = passes[passes.length - 1]!.labels;
    const pronouns = new Map(readListRows('pos', PRONOUN_LEMMAS_FILE).map(([form, lemma]) => [form!, lemma!]));
    // the common words' labels and lemmas are compiled from the same files, for the same labels
    const compiled = common && common.labels.join(' ') === labels.join(' ') ? common : undefined;
    const tagger = new Tagger(passes, classLookup(lexicon, common), {
      allowed: tagDictionary(labels, lexicon, corpus, contractionTable(), compiled && ((form) => commonAllowed(compiled, form))),
      afterVerb: hyphenatedClitic(pronouns),
    });
    // only words no lexicon knows need the suffix rules: read on first need
    let rules: LemmaRules | undefined;
    const suffixRules = () => (rules ??= compiled ? commonRules(compiled) : new SuffixRules(readListRows('pos', SUFFIX_RULES_FILE)));
    const labelIds = new Map(labels.map((label, i) => [label, i]));
    const compiledLemma = compiled && ((form: string, upos: string) => (labelIds.has(upos) ? commonLemma(compiled, form, labelIds.get(upos)!) : MISSING));
    loaded = { tagger, lemmatizer: new Lemmatizer(corpus, lexicon, suffixRules, pronouns, compiledLemma) };
  }
  return loaded;
}

/** The compiled tagger; compiled here from the model when the shipped tables are missing or were compiled from another model. */
function taggerTables(): TaggerTables[] {
  const core = new Core();
  const mark = core.mark();
  try {
    const { at, length } = core.readFile(lexiconPath('pos', TABLES_FILE));
    const compiled = loadTables(core, at, length, `lexicons/pos/${TABLES_FILE}`);
    if (compiled.source.bytes === statSync(lexiconPath('pos', MODEL_FILE)).size) return compiled.passes;
  } catch {
    // compiled below
  }
  core.release(mark);
  const model = readPosFile(MODEL_FILE);
  const tables = compileTables(decodeModels(model, `lexicons/pos/${MODEL_FILE}`), { file: MODEL_FILE, bytes: model.length });
  return loadTables(core, core.copyIn(tables), tables.length, 'compiled tables').passes;
}

/**
 * A pronoun hyphenated to the word before it — inverted subject (a-t-il, ajoute-t-elle, peut-on)
 * or imperative object (dis-le, donne-moi, vas-y) — comes after a verb only.
 */
function hyphenatedClitic(pronouns: ReadonlyMap<string, string>): (lower: string) => boolean {
  const clitics = new Set([...pronouns.keys()].filter((f) => f.startsWith('-')));
  return (lower) => clitics.has(normalizeForm(lower));
}

function readPosFile(name: string): Buffer {
  try {
    return readFileSync(lexiconPath('pos', name));
  } catch (cause) {
    throw new ExtraitError('E_MODEL', `lexicons/pos/${name} is missing: run npm run train:pos`, { cause });
  }
}

/** The lexicon class the tagger reads; forms no lexicon lists are classed by their characters. */
export function classLookup(lexicon: WordLexicon, common?: CommonWords | null): (lower: string) => string {
  return (lower) => {
    // the common words' classes are compiled (common-words.ts), by this very function
    const compiled = common ? commonClass(common, lower) : undefined;
    if (compiled !== undefined) return compiled;
    const known = lexicon.tagClass(lower);
    if (known || hasLetter(lower)) return known;
    if (/^[\d\s.,:/-]*\d[\d\s.,:/-]*$/u.test(lower)) return '#digits';
    if (/^\p{P}+$/u.test(lower)) return '#punct';
    if (/^\p{S}+$/u.test(lower)) return '#symbol';
    return '#other';
  };
}

/**
 * Tags the words of one sentence (surface tokens, in order): UPOS, lemma, and the syntactic words
 * of contractions. Other capabilities call it on their own word sequences.
 */
export function tagWords(words: readonly string[]): TaggedWord[] {
  const { tagger, lemmatizer } = posModel();
  const entries = tagger.entries(words);
  const ids = tagger.tagEntries(entries);
  const labels = tagger.labels;
  const out: TaggedWord[] = new Array(words.length);
  for (let i = 0; i < words.length; i++) {
    // the same form with the same tag always gets the same lemma: kept beside the form
    const results = entries[i]!.results as (TaggedWord | undefined)[];
    const id = ids[i]!;
    out[i] = results[id] ??= Object.freeze(tagged(words[i]!, labels[id]!, lemmatizer));
  }
  return out;
}

function tagged(word: string, label: string, lemmatizer: Lemmatizer): TaggedWord {
  if (!label.includes('+')) return { pos: label, lemma: lemmatizer.lemma(word, label) };
  const parts = contractionParts(word, label);
  if (parts) return { pos: label, lemma: parts.map((p) => p.lemma).join('+'), parts: Object.freeze(parts.map((p) => Object.freeze(p))) as SyntacticWord[] };
  // a contraction tag on a word that is none: its first tag stands alone
  const pos = label.slice(0, label.indexOf('+'));
  return { pos, lemma: lemmatizer.lemma(word, pos) };
}

/** Token kinds whose tag does not depend on context. */
const FIXED: Partial<Record<TokenKind, string>> = { url: 'X', email: 'X', emoji: 'SYM' };

/** Tokens with `pos`, `lemma` and, for contractions, `parts`: sentence by sentence. */
export function tagTokens(tokens: readonly Token[], sentences: readonly { tokenStart: number; tokenEnd: number }[]): Token[] {
  const out: Token[] = new Array(tokens.length);
  const run = (from: number, to: number) => {
    if (to <= from) return;
    const forms: string[] = new Array(to - from);
    for (let i = from; i < to; i++) forms[i - from] = tokens[i]!.text;
    const result = tagWords(forms);
    for (let i = from; i < to; i++) {
      const token = tokens[i]!;
      const fixed = FIXED[token.kind];
      const r = fixed ? { pos: fixed, lemma: token.text } : result[i - from]!;
      // built field by field: every tagged token has the same shape
      const next: Token = { start: token.start, end: token.end, text: token.text, kind: token.kind, pos: r.pos, lemma: r.lemma };
      if (r.parts) next.parts = r.parts;
      out[i] = next;
    }
  };
  let covered = 0;
  for (const s of sentences) {
    // tokens outside every sentence (should not happen) are tagged as runs of their own
    if (s.tokenStart > covered) run(covered, s.tokenStart);
    run(s.tokenStart, s.tokenEnd);
    covered = Math.max(covered, s.tokenEnd);
  }
  run(covered, tokens.length);
  return out;
}

export const posComponent: Component = {
  name: 'pos',
  description: 'part of speech (UPOS) and lemma of every token, with the words of contractions (du = de + le)',
  needs: [],
  adds: ['tokens'],
  defaultOn: true,
  run(analysis) {
    return { tokens: tagTokens(analysis.tokens, analysis.sentences) };
  },
};
