import { describe, expect, it } from 'vitest';
import { CharClass, charClass, isPictographic, isSpaceCode } from '../src/tokenize/chars.js';
import { tokenize } from '../src/tokenize/index.js';
import { expectSpansMatch } from './helpers.js';

const texts = (s: string) => tokenize(s).map((t) => t.text);
const kinds = (s: string) => tokenize(s).map((t) => `${t.text}/${t.kind}`);

describe('tokenize: elisions', () => {
  it('splits elided words off with every apostrophe', () => {
    expect(texts('L’homme qu’il a vu jusqu’à l\'aube')).toEqual(['L’', 'homme', 'qu’', 'il', 'a', 'vu', 'jusqu’', 'à', 'l\'', 'aube']);
    expect(texts('lorsqu’on puisqu’elle quoiqu’il s’est c’était n’a j’ai m’a t’es d’Airbus')).toEqual([
      'lorsqu’', 'on', 'puisqu’', 'elle', 'quoiqu’', 'il', 's’', 'est', 'c’', 'était', 'n’', 'a', 'j’', 'ai', 'm’', 'a', 't’', 'es', 'd’', 'Airbus',
    ]);
    expect(texts('qu\u02bcil')).toEqual(['q\u0075\u02bc', 'il']);
  });
  it('splits an elision before a quotation mark or a space', () => {
    expect(texts('qualifié d’« affaire interne » et l’ « autre »')).toEqual(['qualifié', 'd’', '«', 'affaire', 'interne', '»', 'et', 'l’', '«', 'autre', '»']);
  });
  it('keeps listed words with an apostrophe whole', () => {
    expect(texts('aujourd’hui la presqu’île et les prud’hommes')).toEqual(['aujourd’hui', 'la', 'presqu’île', 'et', 'les', 'prud’hommes']);
    expect(texts("jusqu'aujourd'hui")).toEqual(["jusqu'", "aujourd'hui"]);
  });
  it('keeps an apostrophe inside a name', () => {
    expect(texts('Giscard d’Estaing et Moncond’huy')).toEqual(['Giscard', 'd’', 'Estaing', 'et', 'Moncond’huy']);
  });
});

describe('tokenize: hyphens', () => {
  it('splits inverted and imperative pronouns, with the euphonic t', () => {
    expect(texts('a-t-il dit-elle peut-on allez-vous Donne-le-moi')).toEqual(['a', '-t-il', 'dit', '-elle', 'peut', '-on', 'allez', '-vous', 'Donne', '-le', '-moi']);
    expect(texts('Qu’est-ce que c’est ?')).toEqual(['Qu’', 'est', '-ce', 'que', 'c’', 'est', '?']);
  });
  it('keeps compounds whole', () => {
    expect(texts('Maison-Blanche Jean-Luc c’est-à-dire peut-être États-Unis après-midi rendez-vous celui-ci')).toEqual([
      'Maison-Blanche', 'Jean-Luc', 'c’est-à-dire', 'peut-être', 'États-Unis', 'après-midi', 'rendez-vous', 'celui-ci',
    ]);
  });
  it('splits pronouns of a word in capitals, not the end of an acronym', () => {
    expect(texts('A-T-IL DIT-ELLE le PPA-CI')).toEqual(['A', '-T-IL', 'DIT', '-ELLE', 'le', 'PPA-CI']);
  });
  it('does not cut a place name that ends like a pronoun', () => {
    expect(texts('Saint-Ouen-l’Aumône et Bois-le-Roi')).toEqual(['Saint-Ouen-l’Aumône', 'et', 'Bois-le-Roi']);
  });
});

describe('tokenize: numbers', () => {
  it('groups thousands with spaces, no-break and narrow no-break spaces', () => {
    expect(texts('1 234,56 et 10\u00a0000 € et 3\u202f500 personnes')).toEqual(['1 234,56', 'et', '10\u00a0000', '€', 'et', '3\u202f500', 'personnes']);
  });
  it('does not glue a year to the number after it', () => {
    expect(texts('en 2017 300 personnes')).toEqual(['en', '2017', '300', 'personnes']);
  });
  it('reads percentages, ordinals and n°', () => {
    expect(kinds('3,5 % le 1er, la 2e, le XXe siècle, n° 5')).toEqual([
      '3,5/number', '%/symbol', 'le/word', '1er/ordinal', ',/punct', 'la/word', '2e/ordinal', ',/punct', 'le/word', 'XXe/ordinal', 'siècle/word', ',/punct', 'n°/abbreviation', '5/number',
    ]);
  });
  it('keeps dates, ranges and scores whole and splits clock times as UD does', () => {
    expect(texts('le 14/07/2023, 1990-1991, 2-1 à 14h30')).toEqual(['le', '14/07/2023', ',', '1990-1991', ',', '2-1', 'à', '14', 'h', '30']);
  });
  it('reads signed numbers and units', () => {
    expect(texts('-6 °C et 160km')).toEqual(['-6', '°C', 'et', '160', 'km']);
  });
  it('does not read Le or Ce as Roman ordinals', () => {
    expect(kinds('Le Ce')).toEqual(['Le/word', 'Ce/word']);
  });
});

describe('tokenize: abbreviations and initials', () => {
  it('keeps the dot of listed abbreviations', () => {
    expect(kinds('M. Dupont, Mme Durand, MM. Roux, Dr Martin, etc. cf. p. 12')).toEqual([
      'M./abbreviation', 'Dupont/word', ',/punct', 'Mme/word', 'Durand/word', ',/punct', 'MM./abbreviation', 'Roux/word', ',/punct',
      'Dr/word', 'Martin/word', ',/punct', 'etc./abbreviation', 'cf./abbreviation', 'p./abbreviation', '12/number',
    ]);
  });
  it('reads initials and dotted acronyms', () => {
    expect(texts('J. K. Rowling, J.-C. et les U.S.A.')).toEqual(['J.', 'K.', 'Rowling', ',', 'J.-C.', 'et', 'les', 'U.S.A.']);
    expect(texts('Jérôme L. a été entendu')).toEqual(['Jérôme', 'L.', 'a', 'été', 'entendu']);
  });
  it('lets a capital letter end a sentence', () => {
    expect(texts('le plan B. Ensuite')).toEqual(['le', 'plan', 'B', '.', 'Ensuite']);
  });
});

describe('tokenize: the web and emoji', () => {
  it('reads URLs without their trailing punctuation, e-mails, handles and hashtags', () => {
    expect(kinds('Voir https://www.lemonde.fr/a_(b). Écrire à contact@extrait.fr, @AFP #COP21')).toEqual([
      'Voir/word', 'https://www.lemonde.fr/a_(b)/url', './punct', 'Écrire/word', 'à/word', 'contact@extrait.fr/email', ',/punct', '@AFP/handle', '#COP21/hashtag',
    ]);
    expect(kinds('sur lemonde.fr.')).toEqual(['sur/word', 'lemonde.fr/url', './punct']);
  });
  it('keeps emoji sequences whole', () => {
    expect(kinds('Bravo 👍🏽 🇫🇷 👩‍💻')).toEqual(['Bravo/word', '👍🏽/emoji', '🇫🇷/emoji', '👩‍💻/emoji']);
  });
});

describe('tokenize: punctuation', () => {
  it('separates guillemets with their no-break spaces, dashes and ellipses', () => {
    expect(texts('«\u202fC’est fini\u202f!\u00a0» — dit-il… puis... (enfin) [sic] “oui”')).toEqual([
      '«', 'C’', 'est', 'fini', '!', '»', '—', 'dit', '-il', '…', 'puis', '...', '(', 'enfin', ')', '[', 'sic', ']', '“', 'oui', '”',
    ]);
  });
  it('keeps ?! together and reads -- as a dash', () => {
    expect(texts('Vraiment ?! Oui -- non')).toEqual(['Vraiment', '?!', 'Oui', '--', 'non']);
  });
  it('keeps inclusive endings in the word', () => {
    expect(texts('les candidat(e)s (sic)')).toEqual(['les', 'candidat(e)s', '(', 'sic', ')']);
  });
});

describe('tokenize: spans', () => {
  it('gives each token its exact span', () => {
    const text = '« Premièrement, nous avons discuté », a déclaré Sergueï Lavrov à l’ambassade.';
    const tokens = tokenize(text);
    expectSpansMatch(text, tokens);
    expect(tokens.map((t) => t.start)).toEqual([...tokens.map((t) => t.start)].sort((a, b) => a - b));
  });
  it('finds nothing in blank text', () => {
    expect(tokenize(' \n\u00a0\u202f\t')).toEqual([]);
  });
});

describe('character classes', () => {
  it('class French characters and General Punctuation by rule as the Unicode properties do', () => {
    const codes = [...Array.from({ length: 0x180 }, (_, c) => c), ...Array.from({ length: 0x70 }, (_, k) => 0x2000 + k)];
    for (const code of codes) {
      const ch = String.fromCharCode(code);
      const expected = isSpaceCode(code) ? CharClass.Space : code >= 0x30 && code <= 0x39 ? CharClass.Digit : /[\p{L}\p{M}\p{Nd}]/u.test(ch) ? CharClass.Letter : CharClass.Other;
      expect(charClass(code), `U+${code.toString(16)}`).toBe(expected);
      expect(isPictographic(code), `U+${code.toString(16)}`).toBe(code > 0xff && /\p{Extended_Pictographic}/u.test(ch));
    }
  });
});
