import { describe, expect, it } from 'vitest';
import { analyze } from '../src/pipeline/analyze.js';
import type { TimeExpression } from '../src/dates/types.js';
import { expectSpansMatch } from './helpers.js';

/** The dates of a text, with every span checked against the text. */
function dates(text: string, options: { refDate?: string; date?: string; source?: string } = { refDate: '2024-03-14' }): TimeExpression[] {
  const analysis = analyze(text, {
    components: ['dates'],
    ...(options.refDate && { refDate: options.refDate }),
    meta: { ...(options.date && { date: options.date }), ...(options.source && { source: options.source }) },
  });
  const found = analysis.dates ?? [];
  expectSpansMatch(analysis.text, found);
  expectSpansMatch(analysis.text, found.flatMap((d) => d.parts ?? []));
  return found;
}

/** [text, value or duration] pairs, the way a reader checks them. */
const pairs = (found: TimeExpression[]) => found.map((d) => [d.text, d.type === 'duration' ? d.duration : d.value]);

describe('absolute dates (reference Thursday 14 March 2024)', () => {
  it('reads day, month and year with the determiner in the span', () => {
    expect(pairs(dates('Le sommet s’est tenu le 3 février 2024 à Bruxelles.'))).toEqual([['le 3 février 2024', '2024-02-03']]);
  });

  it('reads numeric dates day first, with slashes or dots, and keeps the preposition out', () => {
    expect(pairs(dates('Un procès-verbal daté du 23/06/2023 et un autre du 14.07.2023.'))).toEqual([
      ['23/06/2023', '2023-06-23'],
      ['14.07.2023', '2023-07-14'],
    ]);
  });

  it('reads 1er, weekdays before the day, and two-digit years', () => {
    expect(pairs(dates('Il manifestera le mercredi 1er mai 2002, puis le 10 novembre 93.'))).toEqual([
      ['le mercredi 1er mai 2002', '2002-05-01'],
      ['le 10 novembre 93', '1993-11-10'],
    ]);
  });

  it('marks what the text states and what the reference filled in', () => {
    const [full, partial] = dates('Signé le 3 février 2024, le texte entrera en vigueur le 1er juillet.');
    expect(full).toMatchObject({ value: '2024-02-03', stated: true });
    expect(partial).toMatchObject({ value: '2024-07-01', stated: false, reference: '2024-03-14', referenceSource: 'option' });
  });

  it('reads years, months, seasons, quarters, decades and centuries', () => {
    expect(pairs(dates('En 2019, puis en avril 2001 et à l’été 2026 ; au troisième trimestre, dans les années 1980, au XXe siècle.'))).toEqual([
      ['2019', '2019'],
      ['avril 2001', '2001-04'],
      ['l’été 2026', '2026-SU'],
      ['troisième trimestre', '2023-Q3'],
      ['les années 1980', '198'],
      ['XXe siècle', '19'],
    ]);
    expect(pairs(dates('La mode des années 60 revient.'))).toEqual([['années 60', '196']]);
  });

  it('reads parts of periods as a mod', () => {
    const found = dates('Les travaux démarreront début juin et finiront fin 2025 ; un épisode est attendu mi-juillet, avant la fin de l’année.');
    expect(found.map((d) => [d.text, d.value, d.mod])).toEqual([
      ['début juin', '2024-06', 'START'],
      ['fin 2025', '2025', 'END'],
      ['mi-juillet', '2024-07', 'MID'],
      ['la fin de l’année', '2024', 'END'],
    ]);
    expect(dates('Depuis le début du XXe siècle, jamais un mois de juin n’avait été aussi chaud.').map((d) => [d.text, d.value, d.mod])).toEqual([
      ['le début du XXe siècle', '19', 'START'],
    ]);
  });

  it('computes Easter and Pentecost from the year, and knows fixed feasts', () => {
    expect(pairs(dates('À Pâques 2024, puis à la Pentecôte 2025, au 14-Juillet et à la Toussaint 2023.'))).toEqual([
      ['Pâques 2024', '2024-03-31'],
      ['la Pentecôte 2025', '2025-06-08'],
      ['14-Juillet', '2023-07-14'],
      ['la Toussaint 2023', '2023-11-01'],
    ]);
  });

  it('tells Noël the feast from Noël the name and the Christmas market', () => {
    expect(pairs(dates('Le marché de Noël ouvrira ; Noël Mamère y sera ; ils rentreront pour Noël.'))).toEqual([['Noël', '2024-12-25']]);
  });
});

describe('relative dates', () => {
  it('counts days from the reference', () => {
    expect(pairs(dates('Hier, avant-hier, aujourd’hui, demain et après-demain.'))).toEqual([
      ['Hier', '2024-03-13'],
      ['avant-hier', '2024-03-12'],
      ['aujourd’hui', '2024-03-14'],
      ['demain', '2024-03-15'],
      ['après-demain', '2024-03-16'],
    ]);
  });

  it('keeps the part of the day as pod on a day-grain date', () => {
    const found = dates('Le piquet s’est reformé hier matin ; le conseil a voté mardi soir ; Arte le diffuse ce soir.');
    expect(found.map((d) => [d.text, d.value, d.grain, d.pod])).toEqual([
      ['hier matin', '2024-03-13', 'day', 'MO'],
      ['mardi soir', '2024-03-12', 'day', 'EV'],
      ['ce soir', '2024-03-14', 'day', 'EV'],
    ]);
  });

  it('counts weeks, months and years', () => {
    expect(pairs(dates('La semaine dernière, le mois prochain, l’an dernier, cette année et cette semaine.'))).toEqual([
      ['La semaine dernière', '2024-W10'],
      ['le mois prochain', '2024-04'],
      ['l’an dernier', '2023'],
      ['cette année', '2024'],
      ['cette semaine', '2024-W11'],
    ]);
  });

  it('reads "il y a" and "dans" with the operator in the span and the unit as grain', () => {
    const found = dates('Il s’est blessé il y a trois jours ; le texte, rejeté il y a deux ans, reviendra dans deux mois.');
    expect(found.map((d) => [d.text, d.value, d.grain])).toEqual([
      ['il y a trois jours', '2024-03-11', 'day'],
      ['il y a deux ans', '2022', 'year'],
      ['dans deux mois', '2024-05', 'month'],
    ]);
  });

  it('keeps d’ici out of the span', () => {
    expect(pairs(dates('La neutralité carbone est visée d’ici à 2030.'))).toEqual([['2030', '2030']]);
  });

  it('chooses a weekday by the tense: past before, future after, "dernier" and "prochain" strictly', () => {
    expect(pairs(dates('L’usine est restée à l’arrêt mercredi.'))).toEqual([['mercredi', '2024-03-13']]);
    expect(pairs(dates('Le syndicat appelle à un rassemblement samedi.'))).toEqual([['samedi', '2024-03-16']]);
    expect(pairs(dates('Je verrai le roi lundi.'))).toEqual([['lundi', '2024-03-18']]);
    expect(pairs(dates('Il devait rendre son rapport jeudi dernier, il le rendra jeudi prochain.'))).toEqual([
      ['jeudi dernier', '2024-03-07'],
      ['jeudi prochain', '2024-03-21'],
    ]);
    expect(pairs(dates('Jeudi, vers 10 heures, l’action reculait de 7,8 %.'))).toEqual([
      ['Jeudi', '2024-03-14'],
      ['10 heures', '2024-03-14T10:00'],
    ]);
  });

  it('chooses the year of a month or a day by the tense', () => {
    expect(pairs(dates('Son assistant, lancé en octobre, a séduit.'))).toEqual([['octobre', '2023-10']]);
    expect(pairs(dates('Les premiers appels d’offres seront lancés en octobre.'))).toEqual([['octobre', '2024-10']]);
    expect(pairs(dates('La réouverture est envisagée le 15 septembre.'))).toEqual([['le 15 septembre', '2024-09-15']]);
    expect(pairs(dates('Les élections du 9 juin avaient tout changé.'))).toEqual([['9 juin', '2023-06-09']]);
  });

  it('gives the coming weekend from Tuesday to Friday, as an interval of two days', () => {
    const [weekend] = dates('Il faudra attendre le week-end pour un rafraîchissement.');
    expect(weekend).toMatchObject({ type: 'interval', value: '2024-03-16/2024-03-17', from: '2024-03-16', last: '2024-03-17', to: '2024-03-18' });
    const [past] = dates('Ce week-end, des coureurs se sont rendus à Saint-Gervais.', { refDate: '2024-03-11' });
    expect(past!.value).toBe('2024-03-09/2024-03-10');
  });

  it('counts la veille and le lendemain from the last day the text named, and says so in anchor', () => {
    const found = dates('Les faits datent du 23/06/2023. Le couteau avait été acheté la veille ; il a appelé les secours le lendemain à 0 h 40.');
    expect(found.map((d) => [d.text, d.value, d.anchor])).toEqual([
      ['23/06/2023', '2023-06-23', undefined],
      ['la veille', '2023-06-22', '2023-06-23'],
      ['le lendemain', '2023-06-24', '2023-06-23'],
      ['0 h 40', '2023-06-24T00:40', undefined],
    ]);
  });

  it('counts deictic words in a quote from the speech time the narrative gives', () => {
    const text = 'Toulouse s’est imposé dimanche. Le coup d’envoi a été donné à 17 heures.\n\n« Ce soir, on a montré du caractère », a savouré l’entraîneur.';
    const found = dates(text, { refDate: '2024-10-21' });
    expect(found.map((d) => [d.text, d.value, d.anchor])).toEqual([
      ['dimanche', '2024-10-20', undefined],
      ['17 heures', '2024-10-20T17:00', undefined],
      ['Ce soir', '2024-10-20', '2024-10-20'],
    ]);
  });
});

describe('intervals', () => {
  it('joins two ends with du/au, de/à, entre/et and keeps each end as a part', () => {
    const found = dates('Le festival se tiendra du 10 au 13 juillet ; la dette a baissé de 2020 à 2023 ; les données ont été recueillies entre août 2023 et janvier 2025.');
    expect(found.map((d) => [d.text, d.value, d.to])).toEqual([
      ['du 10 au 13 juillet', '2024-07-10/2024-07-13', '2024-07-14'],
      ['de 2020 à 2023', '2020/2023', '2024'],
      ['entre août 2023 et janvier 2025', '2023-08/2025-01', '2025-02'],
    ]);
    expect(found[1]!.parts!.map((p) => [p.text, p.value])).toEqual([
      ['2020', '2020'],
      ['2023', '2023'],
    ]);
  });

  it('reads clock ranges on the day of the text', () => {
    const [range] = dates('Ce dimanche, de 18 h à 23 h, un thé dansant aura lieu.', { refDate: '1999-07-18' }).slice(1);
    expect(range).toMatchObject({ text: 'de 18 h à 23 h', value: '1999-07-18T18:00/1999-07-18T23:00' });
  });

  it('reads year ranges written with a hyphen and consecutive days', () => {
    expect(pairs(dates('La crise de 2010-2011 ; le budget couvre la période 2021-2027 ; rendez-vous les 26 et 27 juin.'))).toEqual([
      ['2010-2011', '2010/2011'],
      ['2021-2027', '2021/2027'],
      ['les 26 et 27 juin', '2024-06-26/2024-06-27'],
    ]);
  });

  it('gives a month written once to both days of a coordination', () => {
    expect(pairs(dates('Les grévistes manifesteront lundi 10 et mardi 11 mars.', { refDate: '2025-02-20' }))).toEqual([
      ['lundi 10', '2025-03-10'],
      ['mardi 11 mars', '2025-03-11'],
    ]);
  });

  it('gives a year written once to both dates of a coordination', () => {
    expect(pairs(dates('Les otages ont été libérés en mai et juin 2004.'))).toEqual([
      ['mai', '2004-05'],
      ['juin 2004', '2004-06'],
    ]);
  });
});

describe('clock times', () => {
  it('reads 14 h 30, 14h30, heures, midi and minuit with the date of the day around them', () => {
    const found = dates('La séance est programmée vendredi à 14 h 30, reprise à 17h45 ; les bars ferment à minuit et rouvrent à midi.');
    expect(found.map((d) => [d.text, d.value, d.grain])).toEqual([
      ['vendredi', '2024-03-15', 'day'],
      ['14 h 30', '2024-03-15T14:30', 'minute'],
      ['17h45', '2024-03-15T17:45', 'minute'],
      ['minuit', '2024-03-15T00:00', 'hour'],
      ['midi', '2024-03-15T12:00', 'hour'],
    ]);
  });

  it('reads a list of clock times, and a time right after a full date', () => {
    expect(pairs(dates('Le décollage est prévu mardi à 16 heures à Kourou, 21 heures à Paris.'))).toEqual([
      ['mardi', '2024-03-19'],
      ['16 heures', '2024-03-19T16:00'],
      ['21 heures', '2024-03-19T21:00'],
    ]);
    expect(pairs(dates('Rendez-vous le 5 mars 2025 à 9 h.'))).toEqual([
      ['le 5 mars 2025', '2025-03-05'],
      ['9 h', '2025-03-05T09:00'],
    ]);
  });

  it('records peu avant / peu après as BEFORE / AFTER, and jusqu’à on a duration as EQUAL_OR_LESS', () => {
    expect(dates('Le tir a eu lieu peu avant 14 h ; il encourt jusqu’à trois ans de prison.').map((d) => [d.text, d.mod])).toEqual([
      ['14 h', 'BEFORE'],
      ['trois ans', 'EQUAL_OR_LESS'],
    ]);
  });

  it('keeps vers out of the span and records APPROX', () => {
    const found = dates('Les négociateurs se sont séparés vers 4 heures du matin.');
    expect(found.map((d) => [d.text, d.value, d.mod])).toEqual([['4 heures du matin', '2024-03-14T04:00', 'APPROX']]);
  });

  it('reads an evening hour in the afternoon', () => {
    expect(pairs(dates('Le concert commence à 8 heures du soir.'))).toEqual([['8 heures du soir', '2024-03-14T20:00']]);
  });

  it('tells a clock time from a length of hours', () => {
    expect(dates('Après plus de trois heures de débats, le vote a eu lieu.').map((d) => [d.text, d.type, d.duration, d.mod])).toEqual([
      ['plus de trois heures', 'duration', 'PT3H', 'MORE_THAN'],
    ]);
    expect(dates('La perfusion est maintenue pendant 4 à 12 heures.').map((d) => d.type)).toEqual(['duration']);
  });
});

describe('durations', () => {
  it('reads numbers in digits and in words, with quantity modifiers in the span', () => {
    const found = dates('Détenu depuis vingt et un mois, il risque au moins trois ans ; près de deux semaines de stocks ; moins de 48 heures ; 541 jours sans gouvernement.');
    expect(found.map((d) => [d.text, d.duration, d.mod])).toEqual([
      ['vingt et un mois', 'P21M', undefined],
      ['au moins trois ans', 'P3Y', 'EQUAL_OR_MORE'],
      ['près de deux semaines', 'P2W', 'APPROX'],
      ['moins de 48 heures', 'PT48H', 'LESS_THAN'],
      ['541 jours', 'P541D', undefined],
    ]);
    expect(dates('Le bail de vingt-cinq ans court toujours.').map((d) => d.duration)).toEqual(['P25Y']);
  });

  it('reads decimals, halves and compound durations', () => {
    expect(dates('Il devance son coéquipier de 30,4 secondes après un an et demi et une heure et vingt minutes d’attente.').map((d) => d.duration)).toEqual([
      'PT30.4S',
      'P1.5Y',
      'PT1H20M',
    ]);
  });

  it('reads lengths written like clock times', () => {
    expect(dates('Il faut compter 1 h 30 de route ; la garde à vue a duré 48 h.').map((d) => [d.text, d.type, d.duration])).toEqual([
      ['1 h 30', 'duration', 'PT1H30M'],
      ['48 h', 'duration', 'PT48H'],
    ]);
  });

  it('reads "the last N years" without its determiner', () => {
    expect(pairs(dates('Au cours des dix dernières années, la population a doublé.'))).toEqual([['dix dernières années', 'P10Y']]);
  });

  it('annotates "N unités plus tard" as the duration only', () => {
    expect(pairs(dates('Elle n’a repris le travail que huit mois plus tard.'))).toEqual([['huit mois', 'P8M']]);
  });
});

describe('sets and vague expressions (TimeML tags them; ANNOTATION.md does not)', () => {
  it('reads sets as type set with their period', () => {
    const found = dates('Le marché a lieu chaque lundi ; la fête revient tous les ans ; le scrutin a lieu tous les deux ans.');
    expect(found.map((d) => [d.text, d.type, d.value, d.duration])).toEqual([
      ['chaque lundi', 'set', 'XXXX-WXX-1', 'P1W'],
      ['tous les ans', 'set', null, 'P1Y'],
      ['tous les deux ans', 'set', null, 'P2Y'],
    ]);
  });

  it('marks vague references and quantities', () => {
    const found = dates('La liste est désormais complète ; le sous-marin échappe depuis plusieurs jours aux recherches.');
    expect(found.map((d) => [d.text, d.value ?? d.duration, d.vague])).toEqual([
      ['désormais', 'PRESENT_REF', true],
      ['plusieurs jours', 'PXD', true],
    ]);
  });
});

describe('numbers that are not dates', () => {
  it.each([
    ['a score', 'Le Toulouse FC s’est imposé 2-1 face à Reims (score final 2-1).'],
    ['a grade', 'Il a obtenu 14/20 à l’examen et 3/4 des voix.'],
    ['an amount with a thin space', 'La facture s’élève à 1 500 euros et 2 000 € de frais.'],
    ['a quantity', 'La course fait 2000 mètres et réunit 1500 participants.'],
    ['a percentage', 'La croissance est attendue entre 6 % et 7 %.'],
    ['a year inside a name', 'La CAN 2023 et l’Euro 2024 ont fait recette.'],
    ['a reference number', 'L’arrêt 1C_412/2023 cite l’article 1240 du Code civil.'],
    ['ages', 'Sébastien R., 41 ans, est accusé ; une fillette de 6 ans s’est noyée ; âgée de 90 ans, elle est morte ; il a 22 ans.'],
    ['an approximate age', 'Une femme d’une trentaine d’années est tombée du quatrième étage.'],
    ['around the clock', 'Le service est ouvert 24 heures sur 24 et 7 jours sur 7.'],
    ['match time', 'Il a ouvert le score après 30,4 secondes de jeu, à la 58e minute.'],
    ['Mars the planet', 'La sonde s’est posée sur Mars.'],
    ['the past participle été', 'Le texte a été adopté et avait été amendé.'],
    ['an idiom', 'Un jour, il reviendra ; jamais un mois de juin n’avait été si chaud.'],
    ['a distance in light years', 'L’exoplanète est située à 120 années-lumière.'],
  ])('%s', (_label, text) => {
    expect(dates(text)).toEqual([]);
  });
});

describe('reference date', () => {
  it('uses the document date when no --ref-date is given', () => {
    const [d] = dates('La réunion a eu lieu hier.', { date: '2017-05-11' });
    expect(d).toMatchObject({ value: '2017-05-10', reference: '2017-05-11', referenceSource: 'metadata' });
  });

  it('finds a dateline in the first lines', () => {
    const found = dates('Publié le 11/05/2017 à 10h32\n\nLe ministre est arrivé hier à Washington.', {});
    expect(found.find((d) => d.text === 'hier')).toMatchObject({ value: '2017-05-10', referenceSource: 'dateline' });
  });

  it('finds a date in the file name', () => {
    const [d] = dates('Le ministre est arrivé hier.', { source: 'articles/2017-05-11-lavrov.txt' });
    expect(d).toMatchObject({ value: '2017-05-10', referenceSource: 'filename' });
  });

  it('leaves relative values unresolved rather than reading the clock', () => {
    const found = dates('Il est arrivé hier et repartira le 10 mai, en avril ou mardi.', {});
    expect(found.map((d) => [d.text, d.value, d.stated])).toEqual([
      ['hier', 'XXXX-XX-XX', false],
      ['le 10 mai', 'XXXX-05-10', false],
      ['avril', 'XXXX-04', false],
      ['mardi', 'XXXX-WXX-2', false],
    ]);
  });

  it('refuses a reference date that is not a date', () => {
    expect(() => analyze('hier', { components: ['dates'], refDate: '2024-02-30' })).toThrow(/E_DATE|not a date/);
  });
});
