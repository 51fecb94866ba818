/**
 * What the tagger and the lemmatizer need of the words most text is made of, compiled by
 * `npm run compile:pos` into lexicons/pos/common-words.bin: every form of the training corpus
 * (lemmas.tsv), as written and lower-cased, every word the tagger has a feature for, and single
 * punctuation and symbol characters. For each: what lexicon.tsv and lemmas.tsv say of it (or that
 * they have no line for it), its lexicon class, the labels the tag dictionary allows it, and its
 * lemma for each label the tagger may give it. Looking such a word up hashes it: no block of
 * lexicon.tsv read, no sorted file searched, nothing recomputed. Other words go to the files.
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
import { applyLemmaEdit, encodeLemma, type LineLookup } from './lexicon.js';
import type { TaggerModel } from './model.js';
import { buildStringTable } from './string-table.js';
import { applyRules, type LemmaRules } from './suffix-rules.js';

const MAGIC = 'EXTRAIT-POS-WORDS 4\n';
const REMEDY = 'npm run compile:pos';
export const COMMON_WORDS_FILE = 'common-words.bin';

/** The table in a core's memory (addresses). */
export interface CommonWords {
  core: Core;
  /** The string table's description (core.wat), and how many strings it holds. */
  table: number;
  count: number;
  /** Per string (uint16): id of its line's rest in lexicon.tsv and in lemmas.tsv; 0xffff: the file has no such line. */
  lexicon: number;
  corpus: number;
  /** Per string (uint16): id of its lexicon class (the tagger's feature) among the texts. */
  lexClass: number;
  /** Per string (int32): the labels its tag dictionary allows (bits), -1: any. */
  allowed: number;
  /** Per string: its lemmas, as (label id (uint8), id of the lemma's edit of the form (uint16)) pairs in [lemmaStart[i], lemmaStart[i + 1]) (uint32). */
  lemmaStart: number;
  lemmaLabel: number;
  lemmaText: number;
  /** The labels the label ids name. */
  labels: string[];
  /** The suffix rules: a string table of `UPOS<TAB>ending` (its description) and each one's edit (uint16 text id). */
  rules: number;
  ruleEdit: number;
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

/**
 * Characters common in text that no word list may hold: Latin letters and signs, general
 * punctuation, currency and letterlike signs, arrows (a punctuation token the lexicons lack is
 * classed by Unicode regular expressions, costly to compile on a first run).
 */
const COMMON_CHARACTERS: [number, number][] = [
  [0x21, 0x24f],
  [0x2000, 0x206f],
  [0x20a0, 0x20cf],
  [0x2100, 0x215f],
  [0x2190, 0x21ff],
];

/**
 * The words: the corpus forms and their lower-cased forms, the words of the tagger's features,
 * the common characters, and runs of two or three of the same ASCII punctuation mark (..., !!).
 */
export function commonForms(corpusForms: readonly string[], models: readonly TaggerModel[]): string[] {
  const forms = new Set<string>();
  for (const f of corpusForms) forms.add(f).add(f.toLowerCase());
  for (const [from, to] of COMMON_CHARACTERS) for (let c = from; c <= to; c++) forms.add(String.fromCharCode(c));
  for (const c of "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~") forms.add(c + c).add(c + c + c);
  for (const model of models) {
    for (const name of model.names) {
      const word = /^(?:-?[12]:)?[wf]:(.*)$/su.exec(name);
      if (word) forms.add(word[1]!);
    }
  }
  return [...forms].filter((f) => !hasSurrogate(f)).sort();
}

/** What the table says of each form, computed by the functions the tagger runs when a form is not in it. */
export interface CommonSources {
  lexicon: LineLookup;
  corpus: LineLookup;
  /** The tagger's lexicon class of a lower-cased form (index.ts classLookup without the table). */
  lexClass(lower: string): string;
  /** The tag dictionary's labels (bits) of a normalised form (its lower case: form.toLowerCase()), undefined: any. */
  allowed(form: string): number | undefined;
  /** The lemmatizer's lemma of a normalised form for a label. */
  lemma(form: string, label: string): string;
  /** The tagger's labels. */
  labels: readonly string[];
  /** The suffix rules (suffix-rules.ts): `UPOS<TAB>ending` and its edit. */
  rules: readonly [string, string][];
}

/**
 * The labels whose lemma is compiled for a word the tag dictionary allows `allowed`: those labels
 * (a contraction label's first tag stands in for it when the word is no such contraction). A
 * label outside them (a verb before a hyphenated clitic) is lemmatized when it comes.
 */
function lemmaLabels(labels: readonly string[], allowed: number): number[] {
  const out = new Set<number>();
  labels.forEach((label, i) => {
    const plus = label.indexOf('+');
    const own = plus < 0 ? i : labels.indexOf(label.slice(0, plus));
    if ((allowed >> i) & 1 && own >= 0) out.add(own);
  });
  return [...out].sort((a, b) => a - b);
}

export function compileCommonWords(forms: readonly string[], sources: CommonSources, source: Record<string, number>): Buffer {
  const texts = new Map<string, number>();
  const textId = (text: string) => {
    if (!texts.has(text)) texts.set(text, texts.size);
    return texts.get(text)!;
  };
  const column = (value: (f: string) => string | undefined) =>
    Uint16Array.from(forms, (f) => {
      const text = value(f);
      return text === undefined ? NONE : textId(text);
    });
  const lexiconIds = column((f) => sources.lexicon.get(f));
  const corpusIds = column((f) => sources.corpus.get(f));
  const classIds = column(sources.lexClass);
  const allowed = Int32Array.from(forms, (f) => sources.allowed(f) ?? -1);
  const lemmaStart = new Uint32Array(forms.length + 1);
  const lemmaLabel: number[] = [];
  const lemmaText: number[] = [];
  forms.forEach((form, i) => {
    lemmaStart[i] = lemmaLabel.length;
    if (allowed[i]! < 0) return;
    for (const label of lemmaLabels(sources.labels, allowed[i]!)) {
      lemmaLabel.push(label);
      // as an edit of the form (lexicon.ts): most lemmas share one
      lemmaText.push(textId(encodeLemma(form, sources.lemma(form, sources.labels[label]!))));
    }
  });
  lemmaStart[forms.length] = lemmaLabel.length;
  const table = buildStringTable(forms);
  const rules = buildStringTable(sources.rules.map(([key]) => key));
  const ruleEdit = Uint16Array.from(sources.rules, ([, edit]) => textId(edit));
  if (texts.size >= NONE) throw new Error(`common words: ${texts.size} distinct texts, the table holds fewer than ${NONE}`);
  const bytes = [...texts.keys()].map((t) => Buffer.from(t, 'utf8'));
  const textStart = new Uint32Array(bytes.length + 1);
  bytes.forEach((b, i) => (textStart[i + 1] = textStart[i]! + b.length));
  return encodeSections(
    MAGIC,
    { generatedBy: REMEDY, source, labels: sources.labels },
    {
      ...table,
      lexicon: lexiconIds,
      corpus: corpusIds,
      lexClass: classIds,
      allowed,
      lemmaStart,
      lemmaLabel: Uint8Array.from(lemmaLabel),
      lemmaText: Uint16Array.from(lemmaText),
      ruleSlots: rules.slots,
      ruleStart: rules.stringStart,
      ruleChars: rules.chars,
      ruleEdit,
      textStart,
      text: new Uint8Array(Buffer.concat(bytes)),
    },
  );
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
  const { header, start, sections } = readLayout<{ source: Record<string, number>; labels: string[] }>(core.bytes.subarray(at, at + length), MAGIC, source, REMEDY);
  const address = (name: string) => {
    if (!sections[name]) throw new ExtraitError('E_MODEL', `${source}: no section ${name}; run ${REMEDY}`);
    return at + start + sections[name][1];
  };
  const table = core.alloc(16);
  core.i32.set([address('slots'), sections['slots']![2] - 1, address('stringStart'), address('chars')], table >> 2);
  const rules = core.alloc(16);
  core.i32.set([address('ruleSlots'), sections['ruleSlots']![2] - 1, address('ruleStart'), address('ruleChars')], rules >> 2);
  return {
    core,
    table,
    count: sections['stringStart']![2] - 1,
    lexicon: address('lexicon'),
    corpus: address('corpus'),
    lexClass: address('lexClass'),
    allowed: address('allowed'),
    lemmaStart: address('lemmaStart'),
    lemmaLabel: address('lemmaLabel'),
    lemmaText: address('lemmaText'),
    labels: header.labels,
    rules,
    ruleEdit: address('ruleEdit'),
    textStart: address('textStart'),
    text: address('text'),
    source: header.source,
    ids: new Map(),
    texts: [],
  };
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
    made = words.texts[t] = core.utf8(words.text + i32[starts + t]!, words.text + i32[starts + t + 1]!);
  }
  return made;
}

/** The lexicon class of a lower-cased form when the table has it. */
export function commonClass(words: CommonWords, lower: string): string | undefined {
  const id = idOf(words, lower);
  return id < 0 ? undefined : text(words, words.core.u16[(words.lexClass >> 1) + id]!);
}

/** The words the table holds, in id order (for tests and inspection). */
export function commonStrings(words: CommonWords): string[] {
  const { core } = words;
  const starts = core.i32[(words.table >> 2) + 2]! >> 2;
  const chars = core.i32[(words.table >> 2) + 3]! >> 1;
  return Array.from({ length: words.count }, (_, id) => String.fromCharCode(...core.u16.subarray(chars + core.i32[starts + id]!, chars + core.i32[starts + id + 1]!)));
}

/** What the table says of a word (commonAllowed, commonLemma) when it does not hold it. */
export const MISSING = Symbol('not a common word');

/** The labels the tag dictionary allows a normalised form (bits; undefined: any), when the table has it. */
export function commonAllowed(words: CommonWords, form: string): number | undefined | typeof MISSING {
  const id = idOf(words, form);
  if (id < 0) return MISSING;
  const bits = words.core.i32[(words.allowed >> 2) + id]!;
  return bits < 0 ? undefined : bits;
}

/** The lemma of a normalised form for the label of that id, when the table has it. */
export function commonLemma(words: CommonWords, form: string, label: number): string | typeof MISSING {
  const id = idOf(words, form);
  if (id < 0) return MISSING;
  const { core } = words;
  const starts = words.lemmaStart >> 2;
  const end = core.i32[starts + id + 1]!;
  for (let e = core.i32[starts + id]!; e < end; e++) {
    if (core.u8[words.lemmaLabel + e] === label) return applyLemmaEdit(form, text(words, core.u16[(words.lemmaText >> 1) + e]!));
  }
  return MISSING;
}

/** The suffix rules of the table (the same as SuffixRules over suffix-rules.tsv). */
export function commonRules(words: CommonWords): LemmaRules {
  const { core } = words;
  const edit = (key: string) => {
    const id = core.find(words.rules, core.writeKey(key), 0, key.length);
    return id < 0 ? undefined : text(words, core.u16[(words.ruleEdit >> 1) + id]!);
  };
  return { apply: (lower, upos) => applyRules(lower, upos, edit) };
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
