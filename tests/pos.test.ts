import { describe, expect, it } from 'vitest';
import { analyze } from '../src/pipeline/analyze.js';
import { tagWords, type TaggedWord } from '../src/pos/index.js';
import { tokenize } from '../src/tokenize/index.js';
import { expectSpansMatch } from './helpers.js';

/** Tags a sentence as extrait tokenizes it; returns word → {pos, lemma} in order. */
function tag(sentence: string): { word: string; pos: string; lemma: string; parts?: TaggedWord['parts'] }[] {
  const words = tokenize(sentence).map((t) => t.text);
  return tagWords(words).map((r, i) => ({ word: words[i]!, ...r }));
}

/** The tag and lemma of the n-th occurrence (0-based) of a word in the sentence. */
function at(sentence: string, word: string, n = 0): { pos: string; lemma: string } {
  const hits = tag(sentence).filter((t) => t.word === word);
  if (!hits[n]) throw new Error(`${word} not in ${sentence}`);
  return { pos: hits[n]!.pos, lemma: hits[n]!.lemma };
}

describe('pos: hard cases on real sentences', () => {
  it('la: determiner before a noun, object pronoun before a verb (lemma lui)', () => {
    expect(at('La France a invité la délégation.', 'La')).toEqual({ pos: 'DET', lemma: 'le' });
    expect(at('La France a invité la délégation.', 'la')).toEqual({ pos: 'DET', lemma: 'le' });
    expect(at('Il la regarde depuis la fenêtre.', 'la')).toEqual({ pos: 'PRON', lemma: 'lui' });
    expect(at('Il la regarde depuis la fenêtre.', 'la', 1)).toEqual({ pos: 'DET', lemma: 'le' });
  });

  it('que: conjunction after a verb of saying, relative pronoun after a noun, restrictive ne … que', () => {
    expect(at('Il dit que la guerre est finie.', 'que').pos).toBe('SCONJ');
    expect(at('Le livre que j’ai lu est long.', 'que').pos).toBe('PRON');
    expect(at('Il ne pense qu’à cela.', 'qu’')).toEqual({ pos: 'ADV', lemma: 'que' });
  });

  it('en: preposition before a noun, pronoun before a verb', () => {
    expect(at('Il vit en France depuis 2010.', 'en').pos).toBe('ADP');
    expect(at('Il en a parlé hier au ministre.', 'en')).toEqual({ pos: 'PRON', lemma: 'en' });
  });

  it('past participles used as adjectives are ADJ with their masculine singular as lemma', () => {
    expect(at('Les personnes âgées sont restées chez elles.', 'âgées')).toEqual({ pos: 'ADJ', lemma: 'âgé' });
    expect(at('Le gouvernement a pris des mesures inédites.', 'inédites')).toEqual({ pos: 'ADJ', lemma: 'inédit' });
    // …and verb forms after an auxiliary get their infinitive
    expect(at('Les personnes âgées sont restées chez elles.', 'restées')).toEqual({ pos: 'VERB', lemma: 'rester' });
  });

  it('a: auxiliary before a participle, verb of possession before a noun phrase', () => {
    expect(at('Il a mangé une pomme.', 'a')).toEqual({ pos: 'AUX', lemma: 'avoir' });
    expect(at('Il a une voiture rouge.', 'a')).toEqual({ pos: 'VERB', lemma: 'avoir' });
    expect(at('Il a une voiture rouge.', 'une')).toEqual({ pos: 'DET', lemma: 'un' });
  });

  it('a capitalised first word is a proper noun only when it is a name', () => {
    expect(at('Macron a déclaré mardi que la réforme serait retirée.', 'Macron')).toEqual({ pos: 'PROPN', lemma: 'Macron' });
    expect(at('Berlin et Paris ont signé un accord.', 'Berlin').pos).toBe('PROPN');
    expect(at('Le président a déclaré mardi que la réforme serait retirée.', 'Le')).toEqual({ pos: 'DET', lemma: 'le' });
    expect(at('Plusieurs manifestants ont été arrêtés.', 'Plusieurs').pos).toBe('DET');
  });

  it('unknown words get a tag from their ending and context, and a lemma from suffix rules', () => {
    expect(at('Les zorglubs ont blablaté toute la nuit.', 'zorglubs')).toEqual({ pos: 'NOUN', lemma: 'zorglub' });
    expect(at('Les zorglubs ont blablaté toute la nuit.', 'blablaté')).toEqual({ pos: 'VERB', lemma: 'blablater' });
    expect(at('Elle a trumpisé le débat.', 'trumpisé')).toEqual({ pos: 'VERB', lemma: 'trumpiser' });
  });

  it('reporting verbs get their infinitive, inverted or not', () => {
    expect(at('« C’est inacceptable », ajoute-t-elle.', 'ajoute')).toEqual({ pos: 'VERB', lemma: 'ajouter' });
    expect(at('« C’est inacceptable », ajoute-t-elle.', '-t-elle')).toEqual({ pos: 'PRON', lemma: 'lui' });
    expect(at('« Nous partirons », a-t-il déclaré lundi.', 'déclaré')).toEqual({ pos: 'VERB', lemma: 'déclarer' });
    expect(at('« Nous partirons », a-t-il déclaré lundi.', 'a').lemma).toBe('avoir');
    expect(at('Que fera-t-il demain ?', 'fera')).toEqual({ pos: 'VERB', lemma: 'faire' });
    expect(at('Peut-on le croire ?', 'Peut')).toEqual({ pos: 'VERB', lemma: 'pouvoir' });
  });

  it('a verb comes before a hyphenated clitic, which may itself precede another (dis-le-lui)', () => {
    expect(tag('Vas-y, dis-le-lui !').map((t) => [t.word, t.pos, t.lemma])).toEqual([
      ['Vas', 'VERB', 'aller'],
      ['-y', 'PRON', 'y'],
      [',', 'PUNCT', ','],
      ['dis', 'VERB', 'dire'],
      ['-le', 'PRON', 'lui'],
      ['-lui', 'PRON', 'lui'],
      ['!', 'PUNCT', '!'],
    ]);
  });

  it('pronoun lemmas follow UD: strong forms', () => {
    const s = tag('Il se demande si elle leur a parlé.');
    expect(s.filter((t) => t.pos === 'PRON').map((t) => [t.word, t.lemma])).toEqual([
      ['Il', 'lui'],
      ['se', 'soi'],
      ['elle', 'lui'],
      ['leur', 'eux'],
    ]);
  });

  it('contractions expose their syntactic words; des as an article does not', () => {
    const s = tag('Il parle du projet et des élections au ministre.');
    const du = s.find((t) => t.word === 'du')!;
    expect(du).toMatchObject({ pos: 'ADP+DET', lemma: 'de+le' });
    expect(du.parts).toEqual([
      { form: 'de', lemma: 'de', pos: 'ADP' },
      { form: 'le', lemma: 'le', pos: 'DET' },
    ]);
    expect(s.find((t) => t.word === 'des')!.parts!.map((p) => p.form)).toEqual(['de', 'les']);
    expect(s.find((t) => t.word === 'au')!.parts!.map((p) => p.form)).toEqual(['à', 'le']);
    const article = tag('Il a des amis à Lyon.').find((t) => t.word === 'des')!;
    expect(article).toEqual({ word: 'des', pos: 'DET', lemma: 'un' });
    const auquel = tag('C’est le projet auquel il tenait.').find((t) => t.word === 'auquel')!;
    expect(auquel.parts!.map((p) => [p.form, p.lemma, p.pos])).toEqual([
      ['à', 'à', 'ADP'],
      ['lequel', 'lequel', 'PRON'],
    ]);
  });

  it('a capitalised contraction keeps its capital on the first word', () => {
    const au = tag('Au Japon, la croissance ralentit.')[0]!;
    expect(au.parts!.map((p) => p.form)).toEqual(['À', 'le']);
  });

  it('typographic and straight apostrophes read the same', () => {
    expect(tag('Il l’a vu.')).toEqual(tag("Il l'a vu.").map((t) => ({ ...t, word: t.word.replace("'", '’') })));
  });

  it('numbers, symbols and punctuation', () => {
    const s = tag('Les prix ont augmenté de 3 % en 2023.');
    expect(s.map((t) => t.pos)).toEqual(['DET', 'NOUN', 'AUX', 'VERB', 'ADP', 'NUM', 'SYM', 'ADP', 'NUM', 'PUNCT']);
    expect(s.find((t) => t.word === 'prix')!.lemma).toBe('prix');
  });

  it('an empty word list gives an empty result', () => {
    expect(tagWords([])).toEqual([]);
  });
});

describe('pos component', () => {
  const text = '« Nous n’avons rien à cacher », a déclaré mardi Sergueï Lavrov au siège des Nations unies.\n\nLa France l’a invité.';

  it('sets pos and lemma on every token and keeps every span', () => {
    const analysis = analyze(text, { components: ['pos'] });
    expect(analysis.tokens.length).toBeGreaterThan(10);
    expectSpansMatch(analysis.text, analysis.tokens);
    for (const t of analysis.tokens) {
      expect(t.pos, t.text).toMatch(/^[A-Z]+(\+[A-Z]+)?$/);
      expect(t.lemma, t.text).toBeTruthy();
    }
    const byText = (w: string) => analysis.tokens.find((t) => t.text === w)!;
    expect(byText('déclaré')).toMatchObject({ pos: 'VERB', lemma: 'déclarer' });
    expect(byText('au')).toMatchObject({ pos: 'ADP+DET', parts: [{ form: 'à' }, { form: 'le' }] });
    expect(byText('n’')).toMatchObject({ pos: 'ADV', lemma: 'ne' });
    expect(byText('Lavrov').pos).toBe('PROPN');
  });

  it('is switched off with disable: tokens then carry no tags', () => {
    const analysis = analyze(text, { disable: ['pos'] });
    expect(analysis.tokens.every((t) => t.pos === undefined && t.lemma === undefined)).toBe(true);
  });

  it('tags a URL as X and an emoji as SYM whatever the context', () => {
    const analysis = analyze('Voir https://www.example.fr/article pour les détails 🎉', { components: ['pos'] });
    expect(analysis.tokens.find((t) => t.kind === 'url')!.pos).toBe('X');
    expect(analysis.tokens.find((t) => t.kind === 'emoji')!.pos).toBe('SYM');
  });
});
