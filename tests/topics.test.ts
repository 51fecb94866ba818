import { describe, expect, it } from 'vitest';
import { extractTopics, parseScheme, rankCorpus, topicsComponent } from '../src/topics/index.js';
import { expectSpansMatch } from './helpers.js';
import { tagged, withEntities } from './topics-helpers.js';

const lemmas = (a: ReturnType<typeof extractTopics>) => a.keyphrases.map((p) => p.lemma);

describe('topics component', () => {
  it('is named topics, needs pos, adds topics and is on by default', () => {
    expect(topicsComponent.name).toBe('topics');
    expect(topicsComponent.needs).toEqual(['pos']);
    expect(topicsComponent.adds).toEqual(['topics']);
    expect(topicsComponent.defaultOn).toBe(true);
  });
});

describe('key phrases', () => {
  const text =
    'Moscou et Washington discutent de zones de désescalade\n\n' +
    'La création de zones de désescalade en Syrie a été évoquée par les diplomates. ' +
    'Une zone de désescalade a déjà été ouverte près de la frontière turque.';
  const tags: Record<string, [string, string]> = {
    discutent: ['VERB', 'discuter'], zones: ['NOUN', 'zone'], zone: ['NOUN', 'zone'], désescalade: ['NOUN', 'désescalade'],
    création: ['NOUN', 'création'], évoquée: ['VERB', 'évoquer'], diplomates: ['NOUN', 'diplomate'], déjà: ['ADV', 'déjà'],
    ouverte: ['VERB', 'ouvrir'], près: ['ADV', 'près'], frontière: ['NOUN', 'frontière'], turque: ['ADJ', 'turc'],
  };

  it('groups singular and plural under one lemma form, with every span', () => {
    const a = tagged(text, tags);
    const topics = extractTopics(a);
    const phrase = topics.keyphrases.find((p) => p.lemma === 'zone de désescalade');
    expect(phrase).toBeDefined();
    expect(phrase!.count).toBe(3);
    expect(phrase!.text).toBe('zones de désescalade');
    expect(phrase!.spans.map((s) => s.text)).toEqual(['zones de désescalade', 'zones de désescalade', 'zone de désescalade']);
    expectSpansMatch(a.text, phrase!.spans);
    expect(topics.keyphrases[0]!.lemma).toBe('zone de désescalade');
  });

  it('does not list a word again when all its occurrences are inside a chosen phrase', () => {
    const topics = extractTopics(tagged(text, tags));
    expect(lemmas(topics)).not.toContain('désescalade');
    expect(lemmas(topics)).not.toContain('zone');
  });

  it('scores from 1 down, counts and spans agree', () => {
    const a = tagged(text, tags);
    const topics = extractTopics(a);
    expect(topics.keyphrases[0]!.score).toBe(1);
    for (let i = 1; i < topics.keyphrases.length; i++) expect(topics.keyphrases[i]!.score).toBeLessThanOrEqual(topics.keyphrases[i - 1]!.score);
    for (const p of topics.keyphrases) {
      expect(p.count).toBe(p.spans.length);
      expectSpansMatch(a.text, p.spans);
    }
  });

  it('leaves out news boilerplate: days, time units, vague adjectives', () => {
    const a = tagged(
      'Le conseil municipal a adopté mardi soir le budget, après trois heures de débats. Le conseil municipal se réunira la semaine prochaine.',
      {
        conseil: ['NOUN', 'conseil'], municipal: ['ADJ', 'municipal'], adopté: ['VERB', 'adopter'], mardi: ['NOUN', 'mardi'], soir: ['NOUN', 'soir'],
        budget: ['NOUN', 'budget'], trois: ['NUM', 'trois'], heures: ['NOUN', 'heure'], débats: ['NOUN', 'débat'], réunira: ['VERB', 'réunir'],
        semaine: ['NOUN', 'semaine'], prochaine: ['ADJ', 'prochain'],
      },
    );
    const found = lemmas(extractTopics(a));
    expect(found[0]).toBe('conseil municipal');
    expect(found).toContain('débat');
    expect(found).toContain('budget');
    for (const bad of ['mardi soir', 'mardi', 'soir', 'heure de débat', 'heure', 'semaine', 'semaine prochain']) expect(found).not.toContain(bad);
  });

  it('keeps ordinals and complements with a definite article, not with other determiners', () => {
    const a = tagged(
      'La dette de la ville a baissé au troisième trimestre. La dette de la ville reste élevée, selon un rapport de ses services.',
      {
        dette: ['NOUN', 'dette'], ville: ['NOUN', 'ville'], baissé: ['VERB', 'baisser'], troisième: ['ADJ', 'troisième'], trimestre: ['NOUN', 'trimestre'],
        reste: ['VERB', 'rester'], élevée: ['ADJ', 'élevé'], selon: ['ADP', 'selon'], rapport: ['NOUN', 'rapport'], services: ['NOUN', 'service'],
      },
    );
    const found = lemmas(extractTopics(a));
    expect(found).toContain('dette de ville');
    expect(found).toContain('troisième trimestre');
    expect(found).not.toContain('rapport de service');
  });

  it('lists an entity once, with its type, and drops a role glued to a person', () => {
    const base = tagged(
      "L'Assemblée nationale a adopté la proposition de loi. À l'Assemblée nationale, le gardien Kevin Marchal a salué la loi.",
      {
        assemblée: ['PROPN', 'Assemblée'], nationale: ['ADJ', 'national'], adopté: ['VERB', 'adopter'], proposition: ['NOUN', 'proposition'],
        loi: ['NOUN', 'loi'], gardien: ['NOUN', 'gardien'], salué: ['VERB', 'saluer'],
      },
    );
    const a = withEntities(base, [['Assemblée nationale', 'ORG'], ['Kevin Marchal', 'PER']]);
    const topics = extractTopics(a);
    const assembly = topics.keyphrases.filter((p) => p.text.toLowerCase().includes('assemblée'));
    expect(assembly).toHaveLength(1);
    expect(assembly[0]).toMatchObject({ text: 'Assemblée nationale', count: 2, entity: { id: 'e0', type: 'ORG' } });
    expectSpansMatch(a.text, assembly[0]!.spans);
    expect(lemmas(topics).some((l) => l.includes('gardien'))).toBe(false);
    expect(lemmas(topics)).toContain('proposition de loi');
  });

  it('a participle with an agent or a complement is a verb, not part of the phrase', () => {
    const a = tagged(
      'Le maire a écarté la demande de référendum formulée par Gilles Martin. Le centre aquatique adopté au terme du débat ouvrira. Les hectares brûlés inquiètent.',
      {
        maire: ['NOUN', 'maire'], écarté: ['VERB', 'écarter'], demande: ['NOUN', 'demande'], référendum: ['NOUN', 'référendum'], formulée: ['VERB', 'formuler'],
        centre: ['NOUN', 'centre'], aquatique: ['ADJ', 'aquatique'], adopté: ['VERB', 'adopter'], terme: ['NOUN', 'terme'], débat: ['NOUN', 'débat'],
        ouvrira: ['VERB', 'ouvrir'], hectares: ['NOUN', 'hectare'], brûlés: ['VERB', 'brûler'], inquiètent: ['VERB', 'inquiéter'],
      },
    );
    const found = lemmas(extractTopics(a, { maxPhrases: 40 }));
    expect(found).toContain('demande de référendum');
    expect(found).toContain('hectare brûler');
    expect(found).not.toContain('hectare'); // never said without "brûlés"
    expect(found.some((l) => l.includes('formuler'))).toBe(false);
    expect(found.some((l) => l.includes('adopter'))).toBe(false);
  });

  it('proper nouns take only de-complements; boilerplate complements add nothing', () => {
    const a = tagged("Douai à l'arrêt : la circonscription à la CAQ ouvre ses portes en août. Le Stade de Reims gagne.", {
      arrêt: ['NOUN', 'arrêt'], circonscription: ['NOUN', 'circonscription'], ouvre: ['VERB', 'ouvrir'], portes: ['NOUN', 'porte'],
      août: ['NOUN', 'août'], stade: ['PROPN', 'Stade'], gagne: ['VERB', 'gagner'],
    });
    const found = lemmas(extractTopics(a, { maxPhrases: 40 }));
    expect(found).toContain('stade de reims');
    for (const bad of ['douai à arrêt', 'circonscription à caq', 'porte en août']) expect(found).not.toContain(bad);
  });

  it('shows a phrase as the text writes it inside sentences, not with the capital of a headline', () => {
    const tags: Record<string, [string, string]> = { grève: ['NOUN', 'grève'], usine: ['NOUN', 'usine'], salariés: ['NOUN', 'salarié'], reconduite: ['VERB', 'reconduire'] };
    const both = extractTopics(tagged("Grève à l'usine\n\nLes salariés sont en grève.", tags));
    expect(both.keyphrases.find((p) => p.lemma === 'grève')).toMatchObject({ text: 'grève', count: 2 });
    const onlyInitial = extractTopics(tagged('Grève à Douai.', tags));
    expect(onlyInitial.keyphrases[0]).toMatchObject({ text: 'grève', spans: [{ text: 'Grève' }] });
  });

  it('finds nothing in a text without nouns', () => {
    const topics = extractTopics(tagged('Il a été très pris.', { pris: ['VERB', 'prendre'] }));
    expect(topics.keyphrases).toEqual([]);
    expect(topics.categories).toEqual([]);
  });
});

describe('categories', () => {
  it('a match report is sport', () => {
    const a = tagged(
      "Le Toulouse FC s'impose face au Stade de Reims\n\nL'attaquant a marqué un penalty en seconde période. L'entraîneur salue la victoire de son équipe, malgré un carton rouge.",
      {
        impose: ['VERB', 'imposer'], face: ['NOUN', 'face'], attaquant: ['NOUN', 'attaquant'], marqué: ['VERB', 'marquer'], penalty: ['NOUN', 'penalty'],
        seconde: ['ADJ', 'second'], période: ['NOUN', 'période'], entraîneur: ['NOUN', 'entraîneur'], salue: ['VERB', 'saluer'], victoire: ['NOUN', 'victoire'],
        équipe: ['NOUN', 'équipe'], malgré: ['ADP', 'malgré'], carton: ['NOUN', 'carton'], rouge: ['ADJ', 'rouge'],
      },
    );
    const topics = extractTopics(a);
    expect(topics.categories[0]!.label).toBe('sport');
    expect(topics.scheme).toBe('built-in');
    const total = topics.categories.reduce((s, c) => s + c.score, 0);
    expect(total).toBeLessThanOrEqual(1.0001);
  });

  it('a trial is justice; entity types add their cues (a court)', () => {
    const a = withEntities(
      tagged(
        "Verdict attendu devant la cour d'assises du Gard\n\nL'avocat général a requis vingt ans de réclusion criminelle contre l'accusé. La défense a plaidé l'acquittement.",
        {
          verdict: ['NOUN', 'verdict'], attendu: ['VERB', 'attendre'], devant: ['ADP', 'devant'], cour: ['NOUN', 'cour'], assises: ['NOUN', 'assises'],
          avocat: ['NOUN', 'avocat'], général: ['ADJ', 'général'], requis: ['VERB', 'requérir'], vingt: ['NUM', 'vingt'], ans: ['NOUN', 'an'],
          réclusion: ['NOUN', 'réclusion'], criminelle: ['ADJ', 'criminel'], accusé: ['NOUN', 'accusé'], défense: ['NOUN', 'défense'],
          plaidé: ['VERB', 'plaider'], acquittement: ['NOUN', 'acquittement'],
        },
      ),
      [["cour d'assises du Gard", 'ORG']],
    );
    expect(extractTopics(a).categories[0]!.label).toBe('justice');
    const court = tagged('Le tribunal de Nanterre examine le dossier.', { tribunal: ['NOUN', 'tribunal'], examine: ['VERB', 'examiner'], dossier: ['NOUN', 'dossier'] });
    const plain = extractTopics(court, { explain: true }).categories[0]!;
    const withCourt = extractTopics(withEntities(court, [['tribunal de Nanterre', 'ORG']]), { explain: true }).categories[0]!;
    expect(plain.label).toBe('justice');
    expect(plain.cues).not.toContain('tribunal de Nanterre (a court)');
    expect(withCourt.cues).toContain('tribunal de Nanterre (a court)');
  });

  it('a user scheme replaces the built-in one (TSV or JSON)', () => {
    const a = tagged('Les abeilles butinent le colza et la lavande.', {
      abeilles: ['NOUN', 'abeille'], butinent: ['VERB', 'butiner'], colza: ['NOUN', 'colza'], lavande: ['NOUN', 'lavande'],
    });
    const tsv = parseScheme('# my scheme\napiculture\tabeille\napiculture\tbutiner\nagriculture\tcolza\n', 'mine.tsv');
    const byTsv = extractTopics(a, { categories: tsv });
    expect(byTsv.categories.map((c) => c.label)).toEqual(['apiculture', 'agriculture']);
    expect(byTsv.scheme).toBe('mine.tsv');
    const byJson = extractTopics(a, { categories: { jardin: ['lavande', 'colza'], ruche: { abeille: 0.5 } } });
    expect(byJson.categories[0]!.label).toBe('jardin');
  });

  it('a broken user scheme is an E_LEXICON error', () => {
    expect(() => parseScheme('apiculture abeille', 'bad.tsv')).toThrow(expect.objectContaining({ code: 'E_LEXICON' }));
    expect(() => parseScheme('a\tb\tlots', 'bad.tsv')).toThrow(/not a number/);
    expect(() => parseScheme('{"a": 3}', 'bad.json')).toThrow(expect.objectContaining({ code: 'E_LEXICON' }));
    expect(() => parseScheme('# nothing', 'empty.tsv')).toThrow(/no category terms/);
  });
});

describe('corpus ranking', () => {
  const tags: Record<string, [string, string]> = {
    grève: ['NOUN', 'grève'], usine: ['NOUN', 'usine'], salaires: ['NOUN', 'salaire'], salaire: ['NOUN', 'salaire'], hausse: ['NOUN', 'hausse'],
    continue: ['VERB', 'continuer'], réclament: ['VERB', 'réclamer'], ouvriers: ['NOUN', 'ouvrier'], festival: ['NOUN', 'festival'],
    ouvre: ['VERB', 'ouvrir'], portes: ['NOUN', 'porte'], concerts: ['NOUN', 'concert'],
  };
  const docs = [
    tagged("La grève continue à l'usine. Les ouvriers réclament une hausse des salaires.", tags, { id: 'a' }),
    tagged('La grève continue. La hausse des salaires, les ouvriers la réclament.', tags, { id: 'b' }),
    tagged('Le festival ouvre ses portes. Les concerts continuent.', { ...tags, continuent: ['VERB', 'continuer'] }, { id: 'c' }),
  ];

  it('ranks phrases across documents and counts the documents using each', () => {
    const ranked = rankCorpus(docs);
    const strike = ranked.find((p) => p.lemma === 'grève');
    expect(strike).toMatchObject({ documents: 2, count: 2, ids: ['a', 'b'] });
    expect(ranked.find((p) => p.lemma === 'hausse de salaire')).toMatchObject({ documents: 2 });
    expect(ranked.find((p) => p.lemma === 'festival')).toMatchObject({ documents: 1, ids: ['c'] });
    expect(ranked[0]!.score).toBe(1);
    expect(ranked.indexOf(strike!)).toBeLessThan(ranked.findIndex((p) => p.lemma === 'festival'));
  });
});
