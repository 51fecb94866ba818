import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lexiconPath } from '../src/core/paths.js';
import { readListRows } from '../src/core/lexicon-file.js';
import { contractionTable } from '../src/pos/contractions.js';
import { allFeatures, staticFeatures, wordFeatures, wordInfo, type WordInfo } from '../src/pos/features.js';
import { CORPUS_LEMMAS_FILE, MODEL_FILE, classLookup, posModel } from '../src/pos/index.js';
import { MISSING, commonAllowed, commonFirst, commonLemma, commonRules, commonStrings, commonWords } from '../src/pos/common-words.js';
import { Lemmatizer } from '../src/pos/lemmatizer.js';
import { CORE_MODULE, compileCore, compilePosFiles } from '../src/pos/compile.js';
import { tagDictionary } from '../src/pos/tag-dictionary.js';
import { packageRoot } from '../src/core/paths.js';
import { BlockLines, blockIndex } from '../src/pos/block-lines.js';
import { Core } from '../src/pos/core.js';
import { lefffRows, lexiconLines } from '../src/pos/lefff-build.js';
import { LEXICON_FILE, WordLexicon, coarseTag, decodeEntries, encodeLemma, wordLexicon } from '../src/pos/lexicon.js';
import { decodeModels, encodeModel, type TaggerModel } from '../src/pos/model.js';
import { SortedLines, sortLines } from '../src/pos/sorted-lines.js';
import { SuffixRules, learnSuffixRules } from '../src/pos/suffix-rules.js';
import { CC, N1W, T1C, T1W, WN, WW, compileTables, tablesFromBytes } from '../src/pos/tables.js';
import { Tagger } from '../src/pos/tagger.js';
import { hasLetter, wordShape } from '../src/pos/text.js';
import { seededRandom } from '../src/core/random.js';
import { trainStacked, trainTagger } from '../src/pos/train.js';

describe('pos data: lexicon format', () => {
  it('lemma edits round-trip', () => {
    for (const [form, lemma] of [
      ['mangerais', 'manger'],
      ['viendrait', 'venir'],
      ['a', 'avoir'],
      ['yeux', 'œil'],
      ['4x4', '4x4'],
      ['x2', '2x'],
    ] as const) {
      expect(decodeEntries(form, 'VERB' + encodeLemma(form, lemma))[0]!.lemma, form).toBe(lemma);
    }
    expect(encodeLemma('viendrait', 'venir')).toBe('>8enir');
  });

  it('a sorted file is searched in place, header lines aside', () => {
    const lines = sortLines(['été\tNOUN', 'a\tAUX>0voir', 'ab\tX', 'zèbre\tNOUN', 'été-là\tX', 'Z\tPROPN', "l'\tDET>1e"]);
    const file = new SortedLines(Buffer.from('# header\n# more\n' + lines.join('\n') + '\n'));
    for (const line of lines) expect(file.get(line.split('\t')[0]!)).toBe(line.split('\t')[1]);
    for (const absent of ['', 'b', 'aa', 'été-', 'zz', '# header', 'l']) expect(file.get(absent), absent).toBeUndefined();
  });

  it('the shipped lexicon is sorted and has the forms news text needs', () => {
    const data = readFileSync(lexiconPath('pos', 'lexicon.tsv'));
    const keys = data.toString('utf8').split('\n').filter((l) => l && !l.startsWith('#')).map((l) => Buffer.from(l.split('\t')[0]!));
    const unsorted = keys.findIndex((k, i) => i > 0 && Buffer.compare(keys[i - 1]!, k) >= 0);
    expect(unsorted, unsorted >= 0 ? keys[unsorted]!.toString() : '').toBe(-1);
    expect(keys.length).toBeGreaterThan(300_000);
    // the compiled tagger reads a lexicon class as tags joined with '|' (tables.ts)
    const tags = (l: string) => (l.split('\t')[1] ?? '').split(' ').map((item) => item.split('>')[0]!);
    expect(data.toString('utf8').split('\n').filter((l) => l && !l.startsWith('#') && tags(l).some((t) => t.includes('|')))).toEqual([]);
    const lex = wordLexicon();
    expect(lex.entries('viendrait')).toEqual([{ tag: 'VERB', lemma: 'venir' }]);
    expect(lex.tagClass('est')).toBe('ADJ|AUX|NOUN|VERB');
    expect(lex.entries('connues').map((e) => e.tag)).toContain('VERBpp');
    expect(lex.entries('qwzx')).toEqual([]);
  });

  it('Lefff rows become UPOS-tagged, UD-lemmatized lines', () => {
    const mlex = ['il\tcln\tcln\t3ms', 'mangées\tv\tmanger\tKfp', 'mangeâmes\tv\tmanger\tJ1p', 'Paris\tnp\tParis\tms', 'des\tdet\tun\tp', 'x y\tnc\tx y\t'].join('\n');
    expect(lexiconLines(lefffRows(mlex))).toEqual(['des\tDET>3un', 'il\tPRON', 'mangées\tVERBpp>3er', 'paris\tPROPN']);
    expect(lefffRows(mlex, { allVerbForms: true }).some((r) => r.form === 'mangeâmes')).toBe(true);
  });
});

describe('pos data: compiled forms', () => {
  it('the committed compiled files equal a fresh compile of their sources', () => {
    for (const { file, data } of compilePosFiles((name) => readFileSync(lexiconPath('pos', name)))) {
      expect(readFileSync(lexiconPath('pos', file)).equals(data), `${file} is stale: run npm run compile:pos`).toBe(true);
    }
  });

  it('the WebAssembly core embedded in src/pos/core-wasm.ts is a fresh compile of core.wat', async () => {
    expect(readFileSync(join(packageRoot(), CORE_MODULE), 'utf8')).toBe(await compileCore());
  });

  it('the common words give the lines, classes and masks the files give', () => {
    const common = commonWords()!;
    expect(common).not.toBeNull();
    const lexiconFile = new SortedLines(readFileSync(lexiconPath('pos', LEXICON_FILE)));
    const corpusFile = new SortedLines(readFileSync(lexiconPath('pos', CORPUS_LEMMAS_FILE)));
    const lexicon = commonFirst(common, 'lexicon', false, () => lexiconFile);
    const corpus = commonFirst(common, 'corpus', true, () => corpusFile);
    const fileLexicon = new WordLexicon(lexiconFile);
    const fromFiles = classLookup(fileLexicon);
    const fromTable = classLookup(fileLexicon, common);
    const text = readFileSync(lexiconPath('..', 'fixtures', 'lavrov-washington.txt'), 'utf8');
    const keys = [...text.split(/[\s,.;:!?»«()]+/u), ...readFileSync(lexiconPath('pos', CORPUS_LEMMAS_FILE), 'utf8').split('\n').map((l) => l.split('\t')[0]!)];
    keys.push('', '#', '# form', 'qwzx', 'Zorglub', '😀', '\ud83d', 'a\ude00', '.', '…', '2017', '«', '%');
    for (const key of [...keys, ...keys.map((k) => k.toLowerCase())]) {
      expect(lexicon.get(key), `lexicon ${key}`).toBe(lexiconFile.get(key));
      expect(corpus.get(key), `corpus ${key}`).toBe(corpusFile.get(key));
      expect(fromTable(key), `class ${key}`).toBe(fromFiles(key));
    }
  });

  it('the common words\' compiled labels and lemmas are those the tag dictionary and the lemmatizer compute', () => {
    const common = commonWords()!;
    const labels = posModel().tagger.labels;
    const lexicon = new WordLexicon(new SortedLines(readFileSync(lexiconPath('pos', LEXICON_FILE))));
    const corpus = new WordLexicon(new SortedLines(readFileSync(lexiconPath('pos', CORPUS_LEMMAS_FILE))));
    const allowed = tagDictionary(labels, lexicon, corpus);
    const pronouns = new Map(readListRows('pos', 'pronoun-lemmas.tsv').map(([form, lemma]) => [form!, lemma!]));
    const rules = new SuffixRules(readListRows('pos', 'suffix-rules.tsv'));
    const lemmatizer = new Lemmatizer(corpus, lexicon, () => rules, pronouns);
    let lemmas = 0;
    const forms = commonStrings(common);
    expect(forms.length).toBeGreaterThan(8000);
    for (const form of forms) {
      const bits = allowed({ form, lower: form.toLowerCase() });
      expect(commonAllowed(common, form), form).toBe(bits);
      labels.forEach((label, l) => {
        const got = commonLemma(common, form, l);
        if (got === MISSING) {
          // every label the word may take has its lemma compiled
          expect(bits === undefined || label.includes('+') || !((bits >> l) & 1), `${form} ${label}`).toBe(true);
        } else {
          lemmas++;
          expect(got, `${form} ${label}`).toBe(lemmatizer.lemma(form, label));
        }
      });
    }
    expect(lemmas).toBeGreaterThan(10_000);
    // the compiled suffix rules, on the words the lexicon does not know and on made-up ones
    const compiledRules = commonRules(common);
    const words = [...forms.filter((f) => lexicon.entries(f.toLowerCase()).length === 0), 'trumpiseraient', 'macronistes', 'zorglubs', 'blablatait', 'a', ''];
    for (const word of words) {
      for (const upos of ['NOUN', 'VERB', 'ADJ', 'ADV', 'PROPN', 'AUX']) expect(compiledRules.apply(word.toLowerCase(), upos), `${word} ${upos}`).toBe(rules.apply(word.toLowerCase(), upos));
    }
  });

  it('a lexicon read a block at a time finds what the whole file holds', () => {
    const lines = sortLines(['été\tNOUN', 'a\tAUX>0voir', 'ab\tX', 'zèbre\tNOUN', 'été-là\tX', 'Z\tPROPN', "l'\tDET>1e", 'abc', 'b\tX Y', 'ba\tX']);
    const data = Buffer.from('# header\n' + lines.join('\n') + '\n');
    const dir = mkdtempSync(join(tmpdir(), 'extrait-pos-'));
    writeFileSync(join(dir, 'lex.tsv'), data);
    const core = new Core();
    const load = (bytes: Buffer) => ({ at: core.copyIn(bytes), length: bytes.length });
    for (const blockBytes of [1, 12, 30, 1000]) {
      const index = Buffer.from(blockIndex('lex.tsv', data, blockBytes).join('\n') + '\n');
      const blocks = BlockLines.open(core, join(dir, 'lex.tsv'), 'lex.tsv', data.length, load(index))!;
      const whole = new SortedLines(data);
      for (const key of [...lines.map((l) => l.split('\t')[0]!), '', '!', 'b', 'aa', 'été-', 'zz', 'ZZ', '# header', 'l', 'zèbres', 'abc']) {
        expect(blocks.get(key), `${key} (blocks of ${blockBytes})`).toBe(whole.get(key));
      }
      blocks.close();
    }
    // an index made for another file is not used
    const index = load(Buffer.from(blockIndex('lex.tsv', data).join('\n')));
    expect(BlockLines.open(core, join(dir, 'lex.tsv'), 'lex.tsv', data.length + 1, index)).toBeUndefined();
    expect(BlockLines.open(core, join(dir, 'lex.tsv'), 'other.tsv', data.length, index)).toBeUndefined();
  });

  it('the shipped lexicon read through its index agrees with the whole file', () => {
    const data = readFileSync(lexiconPath('pos', LEXICON_FILE));
    const whole = new SortedLines(data);
    const lex = wordLexicon();
    const text = data.toString('utf8');
    // every 997th form, the forms around block boundaries, and forms that are not there
    const keys: string[] = [];
    text.split('\n').forEach((line, i) => {
      if (i % 997 === 0 && line && !line.startsWith('#')) keys.push(line.split('\t')[0]!);
    });
    for (const line of readFileSync(lexiconPath('pos', 'lexicon.index.tsv'), 'utf8').split('\n')) {
      if (!line || line.startsWith('#')) continue;
      const [key, offset] = line.split('\t') as [string, string];
      keys.push(key, key + 'z', key.slice(0, -1), data.toString('utf8', Number(offset) - 40, Number(offset) - 1).split('\n').pop()!.split('\t')[0]!);
    }
    for (const key of keys) expect(lex.entries(key), key).toEqual(whole.get(key) === undefined ? [] : decodeEntries(key, whole.get(key)!));
  });
});

describe('pos data: core memory', () => {
  it('does not write keys into memory given back and allocated again', () => {
    const core = new Core();
    core.writeKey('court');
    const mark = core.mark();
    const long = 'x'.repeat(1000);
    core.writeKey(long);
    core.release(mark);
    const record = core.alloc(4096);
    core.u8.fill(7, record, record + 4096);
    const at = core.writeKey(long);
    expect(at >= record + 4096 || at + 2 * long.length <= record).toBe(true);
    expect(core.u8.subarray(record, record + 4096).every((b) => b === 7)).toBe(true);
  });
});

describe('pos data: word shapes', () => {
  /** The definitions, character by character (what the fast paths of text.ts must equal). */
  const shapeByDefinition = (form: string) => {
    let out = '';
    let last = '';
    let run = 0;
    for (const ch of form) {
      const c = ch >= '0' && ch <= '9' ? 'd' : ch.toLowerCase() !== ch ? 'X' : ch.toUpperCase() !== ch ? 'x' : ch;
      if (c === last) {
        if (++run > 2) continue;
      } else [last, run] = [c, 1];
      out += c;
    }
    return out;
  };
  const letterByDefinition = (form: string) => [...form].some((ch) => ch.toLowerCase() !== ch.toUpperCase());

  it('shapes and letters as defined, on real words and on random strings of awkward characters', () => {
    const pool = ['a', 'Z', '0', '9', '-', "'", '|', 'X', 'x', 'd', '\0', 'é', 'É', 'ß', 'İ', 'ı', 'ﬁ', 'Σ', 'ς', 'ǅ', 'ʼ', '’', '\u0301', '😀', '😁', '𝐀', '\ud83d', '\ude00', '\udbff', '中', '٣', 'Ⅻ', 'ⓐ'];
    const random = seededRandom(3);
    const forms = ['Macron', 'OTAN', '2017', 'G7', "l'", 'États-Unis', 'aujourd’hui', 'AAAA', 'aaaa', '----', '😀😀😀😀', '😀😁😀😁', ''];
    for (let i = 0; i < 5000; i++) forms.push(Array.from({ length: 1 + Math.floor(random() * 8) }, () => pool[Math.floor(random() * pool.length)]).join(''));
    for (const form of forms) {
      expect(wordShape(form), JSON.stringify(form)).toBe(shapeByDefinition(form));
      expect(hasLetter(form), JSON.stringify(form)).toBe(letterByDefinition(form));
    }
  });
});

describe('pos data: lexicon entries and tag dictionary', () => {
  /** The definitions, written plainly (what the loops of lexicon.ts and tag-dictionary.ts must equal). */
  const entriesByDefinition = (form: string, rest: string) =>
    rest.split(' ').filter(Boolean).map((item) => {
      const gt = item.indexOf('>');
      if (gt < 0) return { tag: item, lemma: form };
      const edit = item.slice(gt + 1);
      if (edit.startsWith('=')) return { tag: item.slice(0, gt), lemma: edit.slice(1) };
      const digits = /^\d*/.exec(edit)![0];
      return { tag: item.slice(0, gt), lemma: form.slice(0, form.length - Number(digits)) + edit.slice(digits.length) };
    });

  it('entries decode as defined', () => {
    const random = seededRandom(5);
    const pool = ['NOUN', 'VERB', 'ADJ', '>', '=', '1', '2', '9', '0', ' ', ' ', 'er', 'é', 'x'];
    const rests = ['', ' ', 'NOUN', 'VERB>3er VERBpp>2er', 'X>=12', 'A> B>0 C>=', 'N>12', 'N>7abc', '  ADJ  NOUN>1 '];
    for (let i = 0; i < 3000; i++) rests.push(Array.from({ length: Math.floor(random() * 9) }, () => pool[Math.floor(random() * pool.length)]).join(''));
    for (const rest of rests) for (const form of ['mangerais', 'a', '']) expect(decodeEntries(form, rest), `${form} ${rest}`).toEqual(entriesByDefinition(form, rest));
  });

  it('the tag dictionary allows what its definition allows', () => {
    const { tagger } = posModel();
    const labels = tagger.labels;
    const lexicon = wordLexicon();
    const corpus = new WordLexicon(new SortedLines(readFileSync(lexiconPath('pos', CORPUS_LEMMAS_FILE))));
    const allowed = tagDictionary(labels, lexicon, corpus);
    const widened: Record<string, string[]> = { VERB: ['ADJ', 'AUX', 'NOUN'], AUX: ['VERB'], ADJ: ['NOUN'] };
    const byDefinition = (w: WordInfo) => {
      const tags = new Set(lexicon.entries(w.lower).map((e) => coarseTag(e.tag)));
      for (const form of new Set([w.form, w.lower])) for (const e of corpus.entries(form)) tags.add(e.tag);
      if (tags.size === 0) return undefined;
      for (const t of [...tags]) for (const wider of widened[t] ?? []) tags.add(wider);
      if (w.form !== w.lower || !hasLetter(w.form)) for (const t of ['PROPN', 'X', 'NUM', 'SYM']) tags.add(t);
      return labels.reduce((bits, label, i) => ((label.includes('+') ? contractionTable().has(w.lower + '\t' + label) : tags.has(label)) ? bits | (1 << i) : bits), 0);
    };
    const text = readFileSync(lexiconPath('..', 'fixtures', 'lavrov-washington.txt'), 'utf8');
    const forms = [...text.split(/[\s,.;:!?»«()]+/u), 'Du', 'du', 'DES', 'auquel', 'Est', 'connues', '%', '2017', 'qwzx', '-t-il', 'Le'];
    for (const form of forms) {
      const w = wordInfo(form, () => '');
      expect(allowed(w), form).toBe(byDefinition(w));
    }
  });
});

describe('pos data: suffix rules', () => {
  it('learns endings that rewrite only the ending, and applies the longest', () => {
    const examples = ['chanter', 'danser', 'parler', 'marcher'].flatMap((verb) => [
      { form: verb.replace(/er$/, 'eraient'), upos: 'VERB', lemma: verb },
      { form: verb.replace(/er$/, 'ait'), upos: 'VERB', lemma: verb },
    ]);
    const rows = learnSuffixRules(examples).map((r) => r.split('\t'));
    const rules = new SuffixRules(rows);
    expect(rules.apply('blablateraient', 'VERB')).toBe('blablater');
    expect(rules.apply('blablatait', 'VERB')).toBe('blablater');
    expect(rules.apply('blablatait', 'NOUN')).toBeUndefined();
  });

  it('the shipped rules lemmatize regular forms no lexicon has', () => {
    const rules = new SuffixRules(readListRows('pos', 'suffix-rules.tsv'));
    expect(rules.apply('trumpiseraient', 'VERB')).toBe('trumpiser');
    expect(rules.apply('macronistes', 'NOUN')).toBe('macroniste');
    expect(rules.apply('zorglubs', 'NOUN')).toBe('zorglub');
  });

  it('every contraction splits into words whose tags make its label', () => {
    for (const [key, c] of contractionTable()) {
      expect(c.words.map((w) => w.pos).join('+'), key).toBe(c.tag);
      expect(c.words.length).toBeGreaterThan(1);
    }
  });
});

describe('pos model', () => {
  const sentences = [
    { forms: ['Le', 'chat', 'dort', '.'], labels: ['DET', 'NOUN', 'VERB', 'PUNCT'] },
    { forms: ['Il', 'parle', 'du', 'chat', '.'], labels: ['PRON', 'VERB', 'ADP+DET', 'NOUN', 'PUNCT'] },
    { forms: ['La', 'souris', 'mange', 'le', 'fromage', '.'], labels: ['DET', 'NOUN', 'VERB', 'DET', 'NOUN', 'PUNCT'] },
    // words holding '|': their feature names split at '|' in more than one place
    { forms: ['Le', 'x|y', 'dort', '|', 'a|', '.'], labels: ['DET', 'NOUN', 'VERB', 'PUNCT', 'X', 'PUNCT'] },
  ];
  const lookup = classLookup(wordLexicon());

  it('training is deterministic for a seed', () => {
    const a = trainTagger(sentences, { iterations: 3, seed: 5, lookup, wordDropout: 0.1 });
    const b = trainTagger(sentences, { iterations: 3, seed: 5, lookup, wordDropout: 0.1 });
    expect(encodeModel(a.labels, a.weights, {}, 0).equals(encodeModel(b.labels, b.weights, {}, 0))).toBe(true);
    expect(a.labels).toContain('ADP+DET');
  });

  /** Reference decoding: every feature string of features.ts looked up one by one. */
  const reference = (model: TaggerModel, forms: string[], ahead?: string[]) => {
    const words = forms.map((f) => wordInfo(f, lookup));
    const n = model.labels.length;
    let t1 = '<s>';
    let t2 = '<s2>';
    return words.map((_, i) => {
      const scores = new Float64Array(n);
      for (const f of allFeatures(words, i, t1, t2, ahead)) {
        const row = model.index.get(f);
        if (row !== undefined) for (let l = 0; l < n; l++) scores[l]! += model.weights[row * n + l]!;
      }
      let best = 0;
      for (let l = 1; l < n; l++) if (scores[l]! > scores[best]!) best = l;
      [t2, t1] = [t1, model.labels[best]!];
      return t1;
    });
  };
  const expectSameAsReference = (models: TaggerModel[], forms: string[]) => {
    const tagger = new Tagger(tablesFromBytes(compileTables(models, { file: 'test', bytes: 0 }), 'test'), lookup);
    const entries = tagger.entries(forms);
    let ids: Int32Array | undefined;
    let previous: string[] | undefined;
    tagger.passes.forEach((pass, slot) => {
      ids = pass.tagEntries(entries, slot, ids);
      const labels = Array.from(ids, (id) => models[slot]!.labels[id]!);
      expect(labels, `pass ${slot + 1}`).toEqual(reference(models[slot]!, forms, previous));
      previous = labels;
    });
  };
  const forms = ['«', 'Nous', 'n’', 'avons', 'rien', 'à', 'cacher', '»', ',', 'a', 'déclaré', 'mardi', 'Sergueï', 'Lavrov', 'au', 'siège', 'des', 'Nations', 'unies', '.'];

  /** Every row the compiled tables give a word and its neighbours equals the named feature's. */
  const expectSameRows = (model: TaggerModel, forms: string[]) => {
    const pass = new Tagger(tablesFromBytes(compileTables([model], { file: 'test', bytes: 0 }), 'test'), lookup).passes[0]!;
    const n = model.labels.length;
    const tags = [...model.labels, '<s>', '<s2>', '</s>'];
    const row = (name: string) => model.index.get(name) ?? -1;
    const words = forms.map((f) => wordInfo(f, lookup));
    const prepared = words.map((w) => pass.record(pass.prepare(w)));
    words.forEach((w, i) => {
      const p = prepared[i]!;
      const sums = new Float32Array(5 * n);
      [-2, -1, 0, 1, 2].forEach((offset, k) => {
        for (const f of wordFeatures(offset, w)) {
          const r = row(f);
          if (r >= 0) for (let l = 0; l < n; l++) sums[k * n + l]! += model.weights[r * n + l]!;
        }
      });
      expect(Array.from(p.sums), `sums of ${w.form}`).toEqual(Array.from(sums));
      tags.forEach((tag, t) => {
        expect(pass.featureRow(p.word, T1W + t), `t1w ${tag} ${w.lower}`).toBe(row('t1w:' + tag + '|' + w.lower));
        expect(pass.featureRow(p.lexClass, T1C + t), `t1c ${tag} ${w.lexClass}`).toBe(row('t1c:' + tag + '|' + w.lexClass));
        expect(pass.featureRow(p.word, N1W + t), `n1w ${tag} ${w.lower}`).toBe(row('n1w:' + tag + '|' + w.lower));
      });
      const feats = staticFeatures(words, i);
      expect([p.first, p.inner]).toEqual([row('i:first|' + w.shape.charAt(0)), row('i:in|' + w.shape.charAt(0))]);
      const prev = i > 0 ? prepared[i - 1]! : pass.record(pass.bos);
      const next = i + 1 < words.length ? prepared[i + 1]! : pass.record(pass.eos);
      expect(pass.tupleRow(WW, prev.word, p.word, -1), feats.at(-4)).toBe(row(feats.at(-4)!));
      expect(pass.tupleRow(WN, p.word, next.word, -1), feats.at(-3)).toBe(row(feats.at(-3)!));
      expect(next.lexClass < 0 ? -1 : pass.tupleRow(CC, prev.lexClass, p.lexClass, next.lexClass), feats.at(-2)).toBe(row(feats.at(-2)!));
    });
  };

  it('the compiled tables give every word the rows its feature names have (shipped model and a model of words holding |)', () => {
    const shipped = decodeModels(readFileSync(lexiconPath('pos', MODEL_FILE)), MODEL_FILE)[0]!;
    const text = readFileSync(lexiconPath('..', 'fixtures', 'lavrov-washington.txt'), 'utf8');
    const article = text.split(/(?=[\s,.;:!?»«()’'-])|\s+/u).filter(Boolean);
    expectSameRows(shipped, [...forms, ...article, 'a|b', '|', 'x|', 'ADJ|NOUN', '-t-il', 'Zorglubiseraient', 'OTAN', '2017', '12,5', '%', '…', '', 'É', 'œuvre']);
    const trained = trainTagger(sentences, { iterations: 3, seed: 5, lookup, wordDropout: 0 });
    const [small] = decodeModels(encodeModel(trained.labels, trained.weights, {}, 0), 'test');
    expectSameRows(small!, ['Le', 'x|y', 'dort', '|', 'a|', 'x|y', '.', '|', 'chat']);
  });

  it('the fast tagger computes the scores the training features define (shipped model)', () => {
    const shipped = decodeModels(readFileSync(lexiconPath('pos', MODEL_FILE)), MODEL_FILE);
    expectSameAsReference(shipped, forms);
    // words holding '|' (a feature name then splits in more than one place), boundaries, unknown words, capitals
    expectSameAsReference(shipped, ['a|b', '|', 'x|', 'Le', '|', 'chat', 'ADJ|NOUN', 'dort', '-t-il', 'Zorglubiseraient', 'OTAN', '2017', '12,5', '%', '…']);
    expectSameAsReference(shipped, ['Dis-le-lui', '!']);
    expectSameAsReference(shipped, ['a']);
  });

  it('…and so does a two-pass model reading the first pass\'s tags ahead', () => {
    const { first, second } = trainStacked(sentences, { iterations: 3, seed: 2, lookup, folds: 3 });
    const models = decodeModels(Buffer.concat([encodeModel(first.labels, first.weights, {}, 0), encodeModel(second.labels, second.weights, {}, 0)]), 'test');
    expect(models).toHaveLength(2);
    expectSameAsReference(models, ['La', 'souris', 'parle', 'du', 'fromage', '.']);
    expectSameAsReference(models, forms);
    expectSameAsReference(models, ['Le', 'x|y', 'dort', '|', 'a|', 'x|y', '.', '|']);
  });

  it('a model file round-trips its labels and quantised weights', () => {
    const trained = trainTagger(sentences, { iterations: 2, seed: 1, lookup });
    const [model] = decodeModels(encodeModel(trained.labels, trained.weights, { note: 'x' }, 0), 'test');
    expect(model!.labels).toEqual(trained.labels);
    expect(model!.meta).toEqual({ note: 'x' });
    const [feature, row] = [...trained.weights].find(([, r]) => r.some((v) => v !== 0))!;
    const id = model!.index.get(feature)!;
    row.forEach((v, l) => expect(model!.weights[id * trained.labels.length + l]).toBeCloseTo(v, 2));
  });

  it('a file that is not a model is refused with E_MODEL', () => {
    expect(() => decodeModels(Buffer.from('not a model'), 'x.bin')).toThrow(expect.objectContaining({ code: 'E_MODEL' }));
  });
});
