import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { readListRows } from '../src/core/lexicon-file.js';
import { lexiconPath } from '../src/core/paths.js';
import { buildTables, compileQuotesLexicon, TABLES } from '../src/quotes/compile.js';
import { conjugateFirstGroup, conjugateSecondGroup } from '../src/quotes/conjugate.js';
import { QUOTES_LEXICON_FILE, quotesLexicon } from '../src/quotes/lexicon.js';

const forms = (list: { form: string }[]) => new Set(list.map((f) => f.form));
const lemmaOf = (form: string) => quotesLexicon().verbs.get(form)?.map((r) => r.lemma);

describe('conjugation', () => {
  it('first group, with the spelling changes of lancer, juger, appeler, répéter, lever, marteler', () => {
    expect(forms(conjugateFirstGroup('lancer'))).toEqual(expect.objectContaining({}));
    for (const f of ['lança', 'lançait', 'lançant', 'lancèrent', 'lancera']) expect(forms(conjugateFirstGroup('lancer')).has(f), f).toBe(true);
    for (const f of ['jugeait', 'jugeons', 'jugé', 'jugées']) expect(forms(conjugateFirstGroup('juger')).has(f), f).toBe(true);
    for (const f of ['rappelle', 'rappellent', 'rappellera', 'rappelons']) expect(forms(conjugateFirstGroup('rappeler')).has(f), f).toBe(true);
    for (const f of ['répète', 'répètent', 'répétait', 'répétera']) expect(forms(conjugateFirstGroup('répéter')).has(f), f).toBe(true);
    for (const f of ['relève', 'relèvera', 'relevait']) expect(forms(conjugateFirstGroup('relever')).has(f), f).toBe(true);
    for (const f of ['martèle', 'martèlent']) expect(forms(conjugateFirstGroup('marteler', true)).has(f), f).toBe(true);
  });
  it('second group: réagir, se réjouir', () => {
    for (const f of ['réagit', 'réagissent', 'réagissait', 'réagi']) expect(forms(conjugateSecondGroup('réagir')).has(f), f).toBe(true);
  });
  it('irregular verbs through their model and prefix, in every tense', () => {
    expect(lemmaOf('préviennent')).toContain('prévenir');
    expect(lemmaOf('prévint')).toContain('prévenir');
    expect(lemmaOf('reconnut')).toContain('reconnaître');
    expect(lemmaOf('reconnaît')).toContain('reconnaître');
    expect(lemmaOf('dit')).toContain('dire');
    expect(lemmaOf('disaient')).toContain('dire');
    expect(lemmaOf('décrit')).toContain('décrire');
    expect(lemmaOf('poursuit')).toContain('poursuivre');
    expect(lemmaOf('répond')).toContain('répondre');
    expect(lemmaOf('conclut')).toContain('conclure');
    expect(lemmaOf('admettait')).toContain('admettre');
    expect(lemmaOf('plaint')).toContain('plaindre');
    expect(lemmaOf('souriait')).toContain('sourire');
  });
  it('knows no form that is no verb of saying', () => {
    expect(lemmaOf('maison')).toBeUndefined();
    expect(lemmaOf('président')).toBeUndefined();
  });
});

describe('lexicons/quotes as data', () => {
  it('reporting-verbs.tsv: known classes and reflexive marks, no duplicate lemma, every verb conjugates', () => {
    const rows = readListRows('quotes', 'reporting-verbs.tsv');
    const lemmas = rows.map((r) => r[0]);
    expect(new Set(lemmas).size).toBe(lemmas.length);
    for (const [lemma, model, cls, se] of rows) {
      expect(['say', 'weak', 'qualify'], lemma).toContain(cls);
      expect(['se', 'se?', '-'], lemma).toContain(se);
      expect(model, lemma).toBeTruthy();
    }
    const lex = quotesLexicon();
    for (const lemma of lemmas) expect(lex.reportingLemmas.has(lemma!), lemma).toBe(true);
    expect(buildTables().verbs.size).toBeGreaterThan(5000);
  });
  it('covers the verbs issue 5 names', () => {
    const lex = quotesLexicon();
    for (const v of ['déclarer', 'affirmer', 'préciser', 'expliquer', 'ajouter', 'souligner', 'estimer', 'indiquer', 'assurer', 'confier', 'lancer', 'marteler', 'dénoncer', 'reconnaître', 'regretter', 'répondre', 'poursuivre', 'insister', 'avertir', 'prévenir', 'juger', 'raconter', 'rappeler', 'résumer', 'exclamer', 'interroger']) {
      expect(lex.reportingLemmas.has(v), v).toBe(true);
    }
  });
  it('roles.tsv: three columns, a known gender column, groups that group', () => {
    const rows = readListRows('quotes', 'roles.tsv');
    for (const r of rows) expect(r, r.join(' ')).toHaveLength(3);
    const groups = new Map<string, number>();
    for (const r of rows) groups.set(r[2]!, (groups.get(r[2]!) ?? 0) + 1);
    expect(groups.get('politics')).toBeGreaterThan(10);
    const keys = rows.map((r) => r[0]);
    expect(new Set(keys).size).toBe(keys.length);
  });
  it('non-speech-cues.tsv and words.tsv rows use known kinds', () => {
    for (const [cue, , why] of readListRows('quotes', 'non-speech-cues.tsv')) {
      expect(['naming', 'naming-de', 'work', 'slogan', 'distance', 'status']).toContain(cue);
      expect(['title', 'term', 'scare', 'slogan']).toContain(why);
    }
    for (const [, cls] of readListRows('quotes', 'words.tsv')) {
      expect(['det', 'prep', 'pron', 'title', 'frame', 'onplace', 'quant', 'last', 'demo', 'subord', 'conj', 'adv']).toContain(cls);
    }
  });
  it('first-names.tsv: m, f or mf', () => {
    for (const [name, g] of readListRows('quotes', 'first-names.tsv')) expect(['m', 'f', 'mf'], name).toContain(g);
  });
});

describe('the compiled quotes lexicon', () => {
  it('equals a fresh compile of the readable lists (run npm run build:quotes when not)', () => {
    const { tsv, index } = compileQuotesLexicon();
    expect(readFileSync(lexiconPath(...QUOTES_LEXICON_FILE), 'utf8')).toBe(tsv);
    expect(readFileSync(lexiconPath(...QUOTES_LEXICON_FILE).replace(/\.tsv$/, '.idx')).equals(index)).toBe(true);
  });

  it('answers every lookup as the tables of the readable lists do, and nothing else', () => {
    const tables = buildTables();
    const lex = quotesLexicon();
    for (const table of TABLES) {
      const fresh = tables[table];
      const compiled = lex[table] as { has(k: string): boolean; get?(k: string): unknown };
      if (fresh instanceof Set) for (const key of fresh) expect(compiled.has(key), `${table} ${key}`).toBe(true);
      else {
        for (const [key, value] of fresh as Map<string, unknown>) {
          expect(compiled.get!(key), `${table} ${key}`).toEqual(value);
          expect(compiled.get!(key), `${table} ${key}: the same object each time`).toBe(compiled.get!(key));
        }
      }
      const keys = new Set(fresh.keys());
      for (const other of ['maison', 'dit', 'maire', 'elle', 'le', 'selon', 'Marie', 'marie', 'faire valoir', '', 'dit\tverbs']) {
        if (!keys.has(other)) expect(compiled.has(other), `${table} ${other}`).toBe(false);
      }
    }
  });
});
