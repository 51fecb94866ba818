import { describe, expect, it } from 'vitest';
import { brief, quotesOf } from './quotes-helpers.js';
import { expectSpansMatch } from './helpers.js';

const NNBSP = '\u202f';
const NBSP = '\u00a0';

describe('quotation marks', () => {
  it('takes the inner text of « » without the (no-break) spaces, and the speaker named after it', () => {
    const text = `«${NNBSP}Nous ne lâcherons rien.${NNBSP}», a déclaré Marc Fontaine, maire de Brest.`;
    const [q] = quotesOf(text, [['Marc Fontaine', 'PER'], ['Brest', 'LOC']]);
    expect(brief(q!)).toEqual({ parts: ['Nous ne lâcherons rien.'], speaker: 'Marc Fontaine', verb: 'déclarer', kind: 'direct' });
    expect(q!.speaker!.mention!.text).toBe('Marc Fontaine');
    expect(q!.speaker!.method).toBe('name');
    expectSpansMatch(text, [q!, ...q!.parts, q!.speaker!.mention!, q!.verb!]);
  });

  it('reads Swiss «…» without spaces, “ ” and straight "…" alike', () => {
    const names: [string, 'PER'][] = [['Léa Martin', 'PER']];
    for (const [open, close] of [['«', '»'], ['“', '”'], ['"', '"']]) {
      const text = `${open}Le budget est tenu${close}, assure Léa Martin.`;
      expect(quotesOf(text, names).map(brief)).toEqual([{ parts: ['Le budget est tenu'], speaker: 'Léa Martin', verb: 'assurer', kind: 'direct' }]);
    }
  });

  it('splits a quotation around an incise, leaving the separating commas out', () => {
    const text = `« Nous avons perdu, a-t-il reconnu, mais nous reviendrons. » Paul Girard quitte la salle.`;
    const quotes = quotesOf(`Paul Girard est arrivé tard. ${text}`, [['Paul Girard', 'PER']]);
    expect(quotes.map(brief)).toEqual([{ parts: ['Nous avons perdu', 'mais nous reviendrons.'], speaker: 'Paul Girard', verb: 'reconnaître', kind: 'direct' }]);
  });

  it('ends an incise with a named speaker and an apposition at the full stop', () => {
    const text = `« Le site restera ouvert, souligne Agnès Morel, directrice de l’usine. Personne ne sera licencié. »`;
    expect(quotesOf(text, [['Agnès Morel', 'PER']]).map(brief)).toEqual([
      { parts: ['Le site restera ouvert', 'Personne ne sera licencié.'], speaker: 'Agnès Morel', verb: 'souligner', kind: 'direct' },
    ]);
  });

  it('keeps a nested quotation inside the outer one, with its own speaker ("je" is the outer speaker)', () => {
    const text = `« À la mi-temps, je leur ai dit : “On peut encore gagner.” Ils m’ont écouté », raconte l’entraîneur, Hugo Vial.`;
    const quotes = quotesOf(text, [['Hugo Vial', 'PER']]);
    expect(quotes.map(brief)).toEqual([
      { parts: ['À la mi-temps, je leur ai dit : “On peut encore gagner.” Ils m’ont écouté'], speaker: 'Hugo Vial', verb: 'raconter', kind: 'direct' },
      { parts: ['On peut encore gagner.'], speaker: 'Hugo Vial', verb: 'dire', kind: 'direct' },
    ]);
    expect(quotes[1]!.parent).toBe(0);
  });

  it('continues a quotation over paragraphs when the next one reopens with «', () => {
    const text = `Le préfet Alain Roux a détaillé le plan : « Nous évacuons trois hameaux.\n\n« Les routes resteront fermées jusqu’à lundi. »\n\nLa nuit a été calme.`;
    const [q, ...rest] = quotesOf(text, [['Alain Roux', 'PER']]);
    expect(rest).toEqual([]);
    expect(brief(q!)).toEqual({ parts: ['Nous évacuons trois hameaux.', 'Les routes resteront fermées jusqu’à lundi.'], speaker: 'Alain Roux', verb: 'détailler', kind: 'direct' });
    expect(q!.unterminated).toBeUndefined();
  });

  it('closes a quotation left open at the end of its paragraph and flags it', () => {
    const text = `« Nous avons tout essayé, a-t-elle dit.\n\nLe conseil municipal a voté le budget. Les travaux débuteront en mai.`;
    const quotes = quotesOf(`Inès Caron a pris la parole.\n\n${text}`, [['Inès Caron', 'PER']]);
    expect(quotes).toHaveLength(1);
    expect(quotes[0]!.parts.map((p) => p.text)).toEqual(['Nous avons tout essayé']);
    expect(quotes[0]!.unterminated).toBe(true);
    expect(quotes[0]!.speaker!.name).toBe('Inès Caron');
  });

  it('never lets unbalanced marks swallow the article, and scans in linear time', () => {
    const paragraph = 'Il a dit « oui et il est parti sans rien ajouter, ce qui a surpris tout le monde. ';
    const text = Array.from({ length: 2000 }, () => paragraph).join('\n\n');
    const started = performance.now();
    const quotes = quotesOf(text, [], { allQuotes: true });
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(quotes).toHaveLength(2000);
    for (const q of quotes) expect(q.text.includes('\n')).toBe(false);
  });
});

describe('attribution after the quotation', () => {
  it('finds the subject past adverbs and complements: a déclaré mardi X, a confié à l’AFP le maire', () => {
    const names: [string, 'PER' | 'ORG'][] = [['Jean Castex', 'PER'], ['AFP', 'ORG']];
    expect(quotesOf(`« Nous tiendrons », a déclaré mardi Jean Castex.`, names).map(brief)).toEqual([{ parts: ['Nous tiendrons'], speaker: 'Jean Castex', verb: 'déclarer', kind: 'direct' }]);
    expect(quotesOf(`« Nous tiendrons », a indiqué dimanche soir le Premier ministre, Jean Castex.`, names)[0]!.speaker!.name).toBe('Jean Castex');
    expect(quotesOf(`« Je reste », répète depuis des semaines Jean Castex.`, names)[0]!.speaker!.name).toBe('Jean Castex');
  });
});

describe('attribution before the quotation', () => {
  it('X estime que « … » is a partial quotation with its verb', () => {
    const text = `Le sénateur Yves Larcher estime que la réforme « arrive trop tard ».`;
    expect(quotesOf(text, [['Yves Larcher', 'PER']]).map(brief)).toEqual([{ parts: ['arrive trop tard'], speaker: 'Yves Larcher', verb: 'estimer', kind: 'partial' }]);
  });

  it('X a déclaré : « … » is direct, found through the colon', () => {
    const text = `Lors de la conférence, la ministre Claire Aubert a déclaré : « La loi sera votée. »`;
    const [q] = quotesOf(text, [['Claire Aubert', 'PER']]);
    expect(brief(q!)).toEqual({ parts: ['La loi sera votée.'], speaker: 'Claire Aubert', verb: 'déclarer', kind: 'direct' });
    expect(q!.speaker!.method).toBe('colon');
  });

  it('a colon after a clause without reporting verb still names the speaker, with no verb', () => {
    const text = `Le capitaine, Noé Brun, s’est montré confiant : « On ira chercher le titre. »`;
    expect(quotesOf(text, [['Noé Brun', 'PER']]).map(brief)).toEqual([{ parts: ['On ira chercher le titre.'], speaker: 'Noé Brun', verb: null, kind: 'direct' }]);
  });

  it('Pour X, « … » and Selon X, « … » are direct quotations without verb', () => {
    const names: [string, 'PER' | 'ORG'][] = [['Julie Perrin', 'PER'], ['Greenpeace', 'ORG']];
    expect(quotesOf(`Pour Julie Perrin, économiste à Lyon, « la croissance repartira ».`, names).map(brief)).toEqual([
      { parts: ['la croissance repartira'], speaker: 'Julie Perrin', verb: null, kind: 'direct' },
    ]);
    const [q] = quotesOf(`Selon Greenpeace, « les forêts reculent partout ».`, names);
    expect(brief(q!)).toEqual({ parts: ['les forêts reculent partout'], speaker: 'Greenpeace', verb: null, kind: 'direct' });
    expect(q!.speaker!.type).toBe('ORG');
    expect(q!.speaker!.method).toBe('selon');
  });

  it('qualifier X de « … » and a passive with its agent (qualifié d’« … » par X)', () => {
    const names: [string, 'PER' | 'LOC'][] = [['Marc Olivier', 'PER'], ['Berlin', 'LOC']];
    expect(quotesOf(`Marc Olivier a qualifié le projet d’« aberration ».`, names).map(brief)).toEqual([
      { parts: ['aberration'], speaker: 'Marc Olivier', verb: 'qualifier', kind: 'partial' },
    ]);
    expect(quotesOf(`Le plan, qualifié de « provocation » par Berlin, a été retiré.`, names).map(brief)).toEqual([
      { parts: ['provocation'], speaker: 'Berlin', verb: 'qualifier', kind: 'partial' },
    ]);
  });

  it('a negated verb is no attribution', () => {
    const text = `Le maire, Henri Castel, n’a jamais dit que la piscine « fermerait ses portes demain ».`;
    const [q] = quotesOf(text, [['Henri Castel', 'PER']]);
    expect(q!.speaker).toBeNull();
    expect(q!.verb).toBeNull();
  });
});

describe('speaker resolution', () => {
  it('a-t-elle ajouté → the salient woman, not the man named last', () => {
    const text = `La directrice, Sophie Lenoir, a présenté les comptes devant Marc Delage. « Nous sommes à l’équilibre », a-t-elle ajouté.`;
    const [q] = quotesOf(text, [['Sophie Lenoir', 'PER'], ['Marc Delage', 'PER']]);
    expect(brief(q!)).toEqual({ parts: ['Nous sommes à l’équilibre'], speaker: 'Sophie Lenoir', verb: 'ajouter', kind: 'direct' });
    expect(q!.speaker!.mention!.text).toBe('elle');
    expect(q!.speaker!.method).toBe('pronoun');
  });

  it('il → the subject of the previous sentence rather than a name in a complement', () => {
    const text = `En face, l’entraîneur, Louis Perret, regrettait la blessure de son défenseur Tom Auger. « Nous avons manqué de lucidité », a-t-il expliqué.`;
    expect(quotesOf(text, [['Louis Perret', 'PER'], ['Tom Auger', 'PER']])[0]!.speaker!.name).toBe('Louis Perret');
  });

  it('a role noun → the person the text linked to that role', () => {
    const text = `Le porte-parole Simon Vidal a démenti. Plus tard, Anne Roche a confirmé l’accord. « Rien n’est signé », a insisté le porte-parole.`;
    const [q] = quotesOf(text, [['Simon Vidal', 'PER'], ['Anne Roche', 'PER']]);
    expect(q!.speaker!.name).toBe('Simon Vidal');
    expect(q!.speaker!.method).toBe('role');
    expect(q!.speaker!.mention!.text).toBe('le porte-parole');
  });

  it('a role noun nobody holds in the text → the role itself, marked as described', () => {
    const [q] = quotesOf(`« La situation est sous contrôle », a affirmé le procureur de Nantes.`, [['Nantes', 'LOC']]);
    expect(q!.speaker!.name).toBe('procureur de Nantes');
    expect(q!.speaker!.described).toBe(true);
  });

  it('an indefinite speaker (une voisine) is anonymous: no name, but its mention', () => {
    const [q] = quotesOf(`« On a entendu une explosion », raconte une voisine.`);
    expect(q!.speaker!.name).toBeNull();
    expect(q!.speaker!.mention!.text).toBe('une voisine');
  });

  it('ce dernier → the last person mentioned', () => {
    const text = `Le projet de Luc Ferrand a été rejeté par Paul Mercier. Ce dernier a dénoncé « une manœuvre politique ».`;
    expect(quotesOf(text, [['Luc Ferrand', 'PER'], ['Paul Mercier', 'PER']])[0]!.speaker!.name).toBe('Paul Mercier');
  });

  it('« … », peut-on lire dans un communiqué de la Maison-Blanche → the organisation', () => {
    const text = `« Les discussions ont été franches et constructives », peut-on lire dans un communiqué de la Maison-Blanche.`;
    const [q] = quotesOf(text, [['Maison-Blanche', 'ORG']]);
    expect(q!.speaker!.name).toBe('Maison-Blanche');
    expect(q!.speaker!.type).toBe('ORG');
  });

  it('glisse-t-on chez X / Du côté de X, on … → the organisation', () => {
    const names: [string, 'ORG'][] = [['Renault', 'ORG'], ['Matignon', 'ORG']];
    expect(quotesOf(`« Rien n’est décidé », glisse-t-on chez Renault.`, names)[0]!.speaker!.name).toBe('Renault');
    expect(quotesOf(`Du côté de Matignon, on salue un texte « équilibré ».`, names)[0]!.speaker!.name).toBe('Matignon');
  });

  it('an unattributed quotation after an attributed one continues its speaker', () => {
    const text = `« Le chantier avance », a assuré Karim Ziani. Il a visité le site hier.\n\n« Nous tiendrons les délais. »`;
    const quotes = quotesOf(text, [['Karim Ziani', 'PER']]);
    expect(quotes.map((q) => q.speaker?.name)).toEqual(['Karim Ziani', 'Karim Ziani']);
    expect(quotes[1]!.speaker!.method).toBe('continuation');
  });
});

describe('dialogue and interviews', () => {
  it('em-dash turns: an incise names one speaker, the other turns alternate', () => {
    const text = [
      'Interrogé par le juge, Paul Arnaud, le prévenu Marc Dubois a gardé le silence, puis a répondu.',
      '— Où étiez-vous ce soir-là ? demande le juge.',
      '— Chez moi.',
      '— Seul ?',
      '— Oui, seul.',
    ].join('\n\n');
    const quotes = quotesOf(text, [['Paul Arnaud', 'PER'], ['Marc Dubois', 'PER']]);
    expect(quotes.map((q) => [q.parts.map((p) => p.text), q.speaker?.name, q.kind])).toEqual([
      [['Où étiez-vous ce soir-là ?'], 'Paul Arnaud', 'dialogue'],
      [['Chez moi.'], 'Marc Dubois', 'dialogue'],
      [['Seul ?'], 'Paul Arnaud', 'dialogue'],
      [['Oui, seul.'], 'Marc Dubois', 'dialogue'],
    ]);
    expect(quotes[0]!.verb!.lemma).toBe('demander');
    expect(quotes[1]!.speaker!.method).toBe('alternation');
  });

  it('an interview: the reporter asks (no speaker), the person introduced answers', () => {
    const text = ['Rencontre avec Chloé Garnier, qui dirige le théâtre depuis 2020.', '— Pourquoi ce choix ?', '— Parce que le public le demandait.'].join('\n\n');
    const quotes = quotesOf(text, [['Chloé Garnier', 'PER']]);
    expect(quotes.map((q) => q.speaker?.name ?? null)).toEqual([null, 'Chloé Garnier']);
  });

  it('Q/R label lines: the label is the speaker', () => {
    const text = ['Trois questions à Yann Le Goff.', 'Ouest Matin : Que change ce vote ?', 'Yann Le Goff : Tout. Nous repartons de zéro.', 'Ouest Matin : Et après ?', 'Yann Le Goff : Nous verrons.'].join('\n\n');
    const quotes = quotesOf(text, [['Yann Le Goff', 'PER'], ['Ouest Matin', 'ORG']]);
    expect(quotes.map((q) => [q.text, q.speaker?.name])).toEqual([
      ['Que change ce vote ?', 'Ouest Matin'],
      ['Tout. Nous repartons de zéro.', 'Yann Le Goff'],
      ['Et après ?', 'Ouest Matin'],
      ['Nous verrons.', 'Yann Le Goff'],
    ]);
    expect(quotes[1]!.speaker!.mention!.text).toBe('Yann Le Goff');
  });

  it('a lone paragraph "Prochain rendez-vous : …" or a headline "Brest : …" is no turn', () => {
    expect(quotesOf('Brest : le port rouvre\n\nLe trafic reprend.\n\nProchain rendez-vous : le 3 mars.')).toEqual([]);
  });

  it('a parenthetical dash mid-sentence is no dialogue', () => {
    expect(quotesOf('Le maire — élu en 2020 — a signé le contrat.')).toEqual([]);
  });
});

describe('non-speech quoted material', () => {
  it('names, titles and scare quotes are mentions, left out unless asked for', () => {
    const text = `Le stade, baptisé « Arena Nord », accueillera le film « Les Grandes Eaux ». Un été « normal » s’annonce.`;
    expect(quotesOf(text)).toEqual([]);
    const all = quotesOf(text, [], { allQuotes: true });
    expect(all.map((q) => [q.text, q.kind, q.why])).toEqual([
      ['Arena Nord', 'mention', 'term'],
      ['Les Grandes Eaux', 'mention', 'title'],
      ['normal', 'mention', 'scare'],
    ]);
  });

  it('a short word attributed to someone is a partial quotation, not a term', () => {
    const text = `La députée Nina Bailly a jugé la mesure « injuste ».`;
    expect(quotesOf(text, [['Nina Bailly', 'PER']]).map(brief)).toEqual([{ parts: ['injuste'], speaker: 'Nina Bailly', verb: 'juger', kind: 'partial' }]);
  });

  it('the object of an attributive verb is a term: jugent insuffisante la « prime … »', () => {
    expect(quotesOf(`Les salariés jugent insuffisante la « prime de fin d’année ».`)).toEqual([]);
  });

  it('a slogan is a direct quotation with no speaker', () => {
    const [q] = quotesOf(`La marque a été lancée avec le slogan « Roulez plus, payez moins ».`);
    expect(brief(q!)).toEqual({ parts: ['Roulez plus, payez moins'], speaker: null, verb: null, kind: 'direct' });
  });
});

describe('typography', () => {
  it('handles U+00A0 before punctuation inside the marks', () => {
    const text = `«${NBSP}Est-ce la fin${NBSP}?${NBSP}», s’est interrogé Bruno Cayla.`;
    expect(quotesOf(text, [['Bruno Cayla', 'PER']]).map(brief)).toEqual([{ parts: [`Est-ce la fin${NBSP}?`], speaker: 'Bruno Cayla', verb: 'interroger', kind: 'direct' }]);
  });
});
