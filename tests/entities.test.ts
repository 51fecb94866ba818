import { describe, expect, it } from 'vitest';
import { createDocument } from '../src/core/document.js';
import { entitiesComponent } from '../src/entities/index.js';
import type { Entity, EntityMention } from '../src/entities/types.js';
import type { AnalyzeOptions } from '../src/pipeline/component.js';
import { analyze } from '../src/pipeline/analyze.js';
import { expectSpansMatch } from './helpers.js';

function entities(text: string, options: AnalyzeOptions = {}): { mentions: EntityMention[]; entities: Entity[] } {
  const doc = { ...createDocument(text), warnings: [] };
  const added = entitiesComponent.run(doc, options);
  expectSpansMatch(text, added.mentions!);
  for (const e of added.entities!) expectSpansMatch(text, e.roles);
  return { mentions: added.mentions!, entities: added.entities! };
}

const spans = (text: string) => entities(text).mentions.map((m) => `${m.text}/${m.type}`);
const byName = (list: Entity[], canonical: string) => list.find((e) => e.canonical === canonical);

describe('entity mentions', () => {
  it('finds people, places and organisations of a news sentence', () => {
    expect(spans('Le secrétaire d’État Rex Tillerson a rencontré James Comey, directeur du FBI, à Washington.')).toEqual([
      'Rex Tillerson/PER',
      'James Comey/PER',
      'FBI/ORG',
      'Washington/LOC',
    ]);
  });

  it('keeps titles out of person spans, particles in', () => {
    expect(spans('Mme von der Leyen a rencontré M. Trump à Bruxelles.')).toEqual(['von der Leyen/PER', 'Trump/PER', 'Bruxelles/LOC']);
    expect(spans('M. de Thiennes plaide pour un relèvement progressif.')).toEqual(['de Thiennes/PER']);
  });

  it('keeps elided articles out of every span', () => {
    expect(spans('Le candidat d’Airbus a été reçu par l’ONU.')).toEqual(['Airbus/ORG', 'ONU/ORG']);
  });

  it('makes capitalised demonyms MISC and leaves demonym adjectives out', () => {
    expect(spans('Les Français ont voté dimanche. Le gouvernement russe a protesté.')).toEqual(['Français/MISC']);
  });

  it('types seats of power by context: the institution acts, the place is visited', () => {
    expect(spans('La Maison-Blanche a menacé Moscou de nouvelles sanctions.')).toEqual(['Maison-Blanche/ORG', 'Moscou/LOC']);
    expect(spans('Le président s’est rendu à l’Élysée mardi.')).toEqual(['Élysée/LOC']);
  });

  it('keeps the heads that belong to a name and leaves portfolios out', () => {
    expect(spans('La ministre de la Santé a visité le CHU de Lille, avenue Jules-Ferry.')).toEqual(['CHU de Lille/ORG', 'avenue Jules-Ferry/LOC']);
    expect(spans('Le ministère de la Santé a appelé à la vigilance.')).toEqual(['ministère de la Santé/ORG']);
    expect(spans('Le texte, surnommé loi Veil, a été adopté.')).toEqual(['loi Veil/MISC']);
  });

  it('reads an acronym given in brackets after its long name', () => {
    expect(spans('La Fédération bancaire française (FBF) s’inquiète.')).toEqual(['Fédération bancaire française/ORG', 'FBF/ORG']);
  });

  it('takes listed names at the start of a sentence unless they are common words', () => {
    expect(spans('Nvidia a dépassé Apple en Bourse.')).toEqual(['Nvidia/ORG', 'Apple/ORG']);
  });

  it('cuts two listed names the labeller ran together over a verb', () => {
    expect(spans('Le Hamas accuse Israël de violer la trêve.')).toEqual(['Hamas/ORG', 'Israël/LOC']);
  });

  it('types a name by the descriptive noun before it, left outside', () => {
    expect(spans('Sanofi cède sa filiale Opella.')).toEqual(['Sanofi/ORG', 'Opella/ORG']);
    expect(spans('Le télescope spatial James-Webb a observé la planète.')).toEqual(['James-Webb/MISC']);
  });

  it('reads roads and acronyms after a determiner', () => {
    expect(spans('Un motard a chuté sur la RD 938 près de Pau.')).toEqual(['RD 938/LOC', 'Pau/LOC']);
    expect(spans('Le candidat du RHDP conteste, comme le PDCI-RDA.')).toEqual(['RHDP/ORG', 'PDCI-RDA/ORG']);
    expect(spans('Les ONG dénoncent la hausse du PIB.')).toEqual([]);
  });

  it('finds nothing in a sentence without names', () => {
    expect(spans('Il pleut depuis trois jours et personne ne sait quand cela cessera.')).toEqual([]);
  });
});

describe('entities (clusters)', () => {
  it('clusters Trump, M. Trump and Donald Trump under the fullest name', () => {
    const { entities: list } = entities('Trump salue une rencontre. Donald Trump a reçu Sergueï Lavrov. M. Trump a ensuite appelé Moscou.');
    const trump = byName(list, 'Donald Trump')!;
    expect(trump.type).toBe('PER');
    expect(trump.mentions).toHaveLength(3);
    expect(trump.aliases).toEqual(['Trump']);
    expect(trump.gender).toBe('m');
  });

  it('reads long forms whose acronym skips a word (SNCF) and listed long names', () => {
    const { entities: list } = entities('La Société nationale des chemins de fer français (SNCF) prévoit des retards. La SNCF s’excuse.');
    expect(list.map((e) => [e.canonical, e.mentions.length])).toEqual([['Société nationale des chemins de fer français', 3]]);
  });

  it('gives an acronym the long name the article spells out, and only then', () => {
    const { entities: spelled } = entities('Le Centre national de la recherche scientifique (CNRS) recrute. Le CNRS annonce un plan.');
    expect(byName(spelled, 'Centre national de la recherche scientifique')?.mentions).toHaveLength(3);
    const { entities: bare } = entities('La CGT appelle à la grève. Selon la CGT, la mobilisation sera forte.');
    expect(bare.map((e) => e.canonical)).toEqual(['CGT']);
  });

  it('takes the gender from Mme, first names and incises', () => {
    const { entities: list } = entities('Mme Lopez a plaidé longuement. Sandrine Oukili a voté contre.');
    expect(byName(list, 'Lopez')?.gender).toBe('f');
    expect(byName(list, 'Sandrine Oukili')?.gender).toBe('f');
  });

  it('finds roles in appositions before and after the name', () => {
    const { entities: list } = entities('Le secrétaire d’État Rex Tillerson a rencontré James Comey, directeur du FBI, à Washington.');
    expect(byName(list, 'Rex Tillerson')?.roles.map((r) => r.role)).toEqual(["secrétaire d'état"]);
    expect(byName(list, 'James Comey')?.roles.map((r) => r.role)).toEqual(['directeur du fbi']);
    expect(byName(list, 'Washington')?.roles).toEqual([]);
  });

  it('takes the user lexicon’s names, types and canonical names', () => {
    const text = 'Les Canaris ont battu Brest. Le FCN remonte au classement.';
    const { mentions, entities: list } = entities(text, {
      lexicon: [
        { name: 'Canaris', type: 'ORG', canonical: 'FC Nantes' },
        { name: 'FCN', type: 'ORG', canonical: 'FC Nantes' },
      ],
    });
    expect(mentions.filter((m) => m.type === 'ORG').map((m) => m.text)).toEqual(['Canaris', 'FCN']);
    expect(byName(list, 'FC Nantes')?.mentions).toHaveLength(2);
  });

  it('rejects a lexicon entry of an unknown type', () => {
    expect(() => entities('Texte.', { lexicon: [{ name: 'X', type: 'PERSON' }] })).toThrow(/not PER, LOC, ORG or MISC/);
  });

  it('keeps the rule that produced each mention only with --explain', () => {
    const text = 'Donald Trump est à Washington.';
    expect(entities(text).mentions.every((m) => m.rule === undefined)).toBe(true);
    expect(entities(text, { explain: true }).mentions.every((m) => typeof m.rule === 'string')).toBe(true);
  });

  it('runs in the default pipeline and points every mention at its entity', () => {
    const analysis = analyze('Emmanuel Macron a reçu Olaf Scholz à Paris. Macron a salué « un ami ».');
    const ids = new Set(analysis.entities!.map((e) => e.id));
    expect(analysis.mentions!.every((m) => ids.has(m.entity))).toBe(true);
    expect(analysis.entities!.find((e) => e.canonical === 'Emmanuel Macron')?.mentions).toHaveLength(2);
  });
});
