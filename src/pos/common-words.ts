/**
 * The lexicon and corpus lines of the words most text is made of, compiled by `npm run
 * compile:pos` into lexicons/pos/common-words.bin: every form of the training corpus (lemmas.tsv),
 * as written and lower-cased, and every word the tagger has a feature for, with what lexicon.tsv
 * and lemmas.tsv say of it (or that they have no line for it). Looking such a word up hashes it:
 * no block of lexicon.tsv read, no sorted file searched. Other words go to the files.
 *
 * The files are searched by the UTF-8 bytes of a key, the table by its UTF-16 code units: they
 * agree but on unpaired surrogates (UTF-8 turns them into U+FFFD), so keys holding a surrogate
 * are left to the files.
 */
import { statSync } from 'node:fs';
import { lexiconPath } from '../core/paths.js';
import { ExtraitError } from '../core/errors.js';
import { encodeSections, readLayout } from './binary-sections.js';
import { Core } from './core.js';
import type { LineLookup } from './lexicon.js';
import type { TaggerModel } from './model.js';
import { buildStringTable } from './string-table.js';

const MAGIC = 'EXTRAIT-POS-WORDS 2\n';
const REMEDY = 'npm run compile:pos';
export const COMMON_WORDS_FILE = 'common-words.bin';

/** The table in a core's memory (addresses). */
export interface CommonWords {
  core: Core;
  /** The string table's description (core.wat). */
  table: number;
  /** Per string (uint16): id of its line's rest in lexicon.tsv and in lemmas.tsv; 0xffff: the file has no such line. */
  lexicon: number;
  corpus: number;
  /** Per string (uint16): id of its lexicon class (the tagger's feature) among the texts. */
  lexClass: number;
  /** Line rest v is the UTF-8 bytes text[textStart[v], textStart[v + 1]) (uint32 offsets). */
  textStart: number;
  text: number;
  /** Byte size of each file it was compiled from. */
  source: Record<string, number>;
  /** Ids of the keys looked up, and the texts read. */
  ids: Map<string, number>;
  texts: (string | undefined)[];
}

/** A column's value when the file has no line for the word. */
const NONE = 0xffff;

/** Whether s holds a UTF-16 surrogate (such keys are left to the files). */
function hasSurrogate(s: string): boolean {
  for (let i = 0; i < s.length; i++) if ((s.charCodeAt(i) & 0xf800) === 0xd800) return true;
  return false;
}

/** The words: the corpus forms and their lower-cased forms, and the words of the tagger's features. */
export function commonForms(corpusForms: readonly string[], models: readonly TaggerModel[]): string[] {
  const forms = new Set<string>();
  for (const f of corpusForms) forms.add(f).add(f.toLowerCase());
  for (const model of models) {
    for (const name of model.names) {
      const word = /^(?:-?[12]:)?[wf]:(.*)$/su.exec(name);
      if (word) forms.add(word[1]!);
    }
  }
  return [...forms].filter((f) => !hasSurrogate(f)).sort();
}

/** `lexClass`: the tagger's lexicon class of a lower-cased form (index.ts classLookup without the table). */
export function compileCommonWords(forms: readonly string[], lexicon: LineLookup, corpus: LineLookup, lexClass: (lower: string) => string, source: Record<string, number>): Buffer {
  const texts = new Map<string, number>();
  const column = (value: (f: string) => string | undefined) =>
    Uint16Array.from(forms, (f) => {
      const text = value(f);
      if (text === undefined) return NONE;
      if (!texts.has(text)) texts.set(text, texts.size);
      return texts.get(text)!;
    });
  const lexiconIds = column((f) => lexicon.get(f));
  const corpusIds = column((f) => corpus.get(f));
  const classIds = column(lexClass);
  if (texts.size >= NONE) throw new Error(`common words: ${texts.size} distinct lines, the table holds fewer than ${NONE}`);
  const bytes = [...texts.keys()].map((t) => Buffer.from(t, 'utf8'));
  const textStart = new Uint32Array(bytes.length + 1);
  bytes.forEach((b, i) => (textStart[i + 1] = textStart[i]! + b.length));
  const table = buildStringTable(forms);
  return encodeSections(MAGIC, { generatedBy: REMEDY, source }, { ...table, lexicon: lexiconIds, corpus: corpusIds, lexClass: classIds, textStart, text: new Uint8Array(Buffer.concat(bytes)) });
}

let loaded: CommonWords | null | undefined;

/**
 * The shipped table (read once), or null when it is missing or was compiled from other files
 * than lexicons/pos holds (their sizes differ): the files are then searched for every word.
 */
export function commonWords(): CommonWords | null {
  if (loaded === undefined) {
    try {
      const core = new Core();
      const { at, length } = core.readFile(lexiconPath('pos', COMMON_WORDS_FILE));
      const words = loadCommonWords(core, at, length, `lexicons/pos/${COMMON_WORDS_FILE}`);
      const fresh = Object.entries(words.source).every(([name, bytes]) => statSync(lexiconPath('pos', name)).size === bytes);
      loaded = fresh ? words : null;
    } catch {
      loaded = null;
    }
  }
  return loaded;
}

/** The table of a file read into the core's memory at `at`. */
export function loadCommonWords(core: Core, at: number, length: number, source: string): CommonWords {
  const { header, start, sections } = readLayout<{ source: Record<string, number> }>(core.bytes.subarray(at, at + length), MAGIC, source, REMEDY);
  const address = (name: string) => {
    if (!sections[name]) throw new ExtraitError('E_MODEL', `${source}: no section ${name}; run ${REMEDY}`);
    return at + start + sections[name][1];
  };
  const table = core.alloc(16);
  core.i32.set([address('slots'), sections['slots']![2] - 1, address('stringStart'), address('chars')], table >> 2);
  return { core, table, lexicon: address('lexicon'), corpus: address('corpus'), lexClass: address('lexClass'), textStart: address('textStart'), text: address('text'), source: header.source, ids: new Map(), texts: [] };
}

/** Id of a key in the table; -1 when it is not there, -2 when it holds a surrogate (left to the files). */
function idOf(words: CommonWords, key: string): number {
  let id = words.ids.get(key);
  if (id === undefined) {
    id = words.core.findWord(words.table, words.core.writeKey(key), key.length);
    if (words.ids.size > 100_000) words.ids.clear();
    words.ids.set(key, id);
  }
  return id;
}

/** Text t of the table (made once). */
function text(words: CommonWords, t: number): string {
  let made = words.texts[t];
  if (made === undefined) {
    const { core } = words;
    const i32 = core.i32;
    const starts = words.textStart >> 2;
    made = words.texts[t] = core.bytes.toString('utf8', words.text + i32[starts + t]!, words.text + i32[starts + t + 1]!);
  }
  return made;
}

/** The lexicon class of a lower-cased form when the table has it. */
export function commonClass(words: CommonWords, lower: string): string | undefined {
  const id = idOf(words, lower);
  return id < 0 ? undefined : text(words, words.core.u16[(words.lexClass >> 1) + id]!);
}

/**
 * A file's lines: the common words' from the table, the others from `file` (opened on first
 * need). `complete`: the table holds every line of the file, so a key it lacks has none.
 */
export function commonFirst(words: CommonWords, which: 'lexicon' | 'corpus', complete: boolean, file: () => LineLookup): LineLookup {
  const column = words[which] >> 1;
  let opened: LineLookup | undefined;
  return {
    get(key) {
      const id = idOf(words, key);
      if (id < 0) return complete && id === -1 ? undefined : (opened ??= file()).get(key);
      const t = words.core.u16[column + id]!;
      return t === NONE ? undefined : text(words, t);
    },
  };
}
