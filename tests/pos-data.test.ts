import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lexiconPath } from '../src/core/paths.js';
import { readListRows } from '../src/core/lexicon-file.js';
import { contractionTable } from '../src/pos/contractions.js';
import { allFeatures, wordInfo } from '../src/pos/features.js';
import { classLookup, posModel } from '../src/pos/index.js';
import { lefffRows, lexiconLines } from '../src/pos/lefff-build.js';
import { decodeEntries, encodeLemma, wordLexicon } from '../src/pos/lexicon.js';
import { decodeModels, encodeModel, type TaggerModel } from '../src/pos/model.js';
import { SortedLines, sortLines } from '../src/pos/sorted-lines.js';
import { SuffixRules, learnSuffixRules } from '../src/pos/suffix-rules.js';
import { Tagger } from '../src/pos/tagger.js';
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
    const tagger = new Tagger(models, lookup);
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

  it('the fast tagger computes the scores the training features define (shipped model)', () => {
    expectSameAsReference(posModel().tagger.passes.map((p) => p.model), forms);
  });

  it('…and so does a two-pass model reading the first pass\'s tags ahead', () => {
    const { first, second } = trainStacked(sentences, { iterations: 3, seed: 2, lookup, folds: 3 });
    const models = decodeModels(Buffer.concat([encodeModel(first.labels, first.weights, {}, 0), encodeModel(second.labels, second.weights, {}, 0)]), 'test');
    expect(models).toHaveLength(2);
    expectSameAsReference(models, ['La', 'souris', 'parle', 'du', 'fromage', '.']);
    expectSameAsReference(models, forms);
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
