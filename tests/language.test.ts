import { readFileSync } from 'node:fs';
import { franc } from 'franc-min';
import { data } from 'franc-min/data.js';
import { describe, expect, it } from 'vitest';
import { readList } from '../src/core/lexicon-file.js';
import { clearlyFrench, detectLanguage } from '../src/language/index.js';
import { identifyLanguage, TRIGRAMS_FILE, trigramsFileText } from '../src/language/trigrams.js';
import { lexiconPath } from '../src/core/paths.js';

const FRENCH = [
  "Le gouvernement a présenté mardi son projet de budget pour 2025, qui prévoit 40 milliards d'euros d'économies. Selon le ministre de l'Économie, les dépenses de l'État seront stabilisées dès l'an prochain, mais l'opposition dénonce déjà un texte « injuste » pour les ménages modestes.",
  "Les pompiers sont intervenus dans la nuit de samedi à dimanche dans un immeuble de la rue de la République, à Lyon. Aucun blessé n'est à déplorer, mais une dizaine d'habitants ont été relogés par la mairie.",
  readFileSync('fixtures/lavrov-washington.txt', 'utf8'),
];

const OTHERS: [string, string][] = [
  ['eng', 'The government presented its budget plan on Tuesday, which foresees forty billion euros of savings. According to the minister, public spending will be stabilised next year, but the opposition already denounces an unfair text for modest households.'],
  ['spa', 'El gobierno presentó el martes su proyecto de presupuesto, que prevé cuarenta mil millones de euros de ahorro. Según el ministro, el gasto público se estabilizará el año que viene, pero la oposición ya denuncia un texto injusto para los hogares modestos.'],
  ['ita', "Il governo ha presentato martedì il suo progetto di bilancio, che prevede quaranta miliardi di euro di risparmi. Secondo il ministro, la spesa pubblica sarà stabilizzata l'anno prossimo, ma l'opposizione denuncia già un testo ingiusto per le famiglie modeste."],
  ['por', 'O governo apresentou na terça-feira o seu projeto de orçamento, que prevê quarenta mil milhões de euros de poupanças. Segundo o ministro, a despesa pública será estabilizada no próximo ano, mas a oposição já denuncia um texto injusto para as famílias modestas.'],
  ['deu', 'Die Regierung hat am Dienstag ihren Haushaltsentwurf vorgestellt, der Einsparungen von vierzig Milliarden Euro vorsieht. Nach Angaben des Ministers werden die öffentlichen Ausgaben im nächsten Jahr stabilisiert, doch die Opposition kritisiert einen ungerechten Text.'],
  ['rus', 'Правительство во вторник представило проект бюджета, который предусматривает сорок миллиардов евро экономии. По словам министра, государственные расходы будут стабилизированы в следующем году.'],
];

describe('language: French function words settle most French texts at once', () => {
  it.each(FRENCH.map((text) => [text.slice(0, 40), text]))('%s… is clearly French', (_, text) => {
    expect(clearlyFrench(text)).toBe(true);
    expect(detectLanguage(text)).toEqual({ code: 'fra', french: true });
  });
  it.each(OTHERS)('a text in %s is not taken for French', (code, text) => {
    expect(clearlyFrench(text)).toBe(false);
    expect(detectLanguage(text)).toEqual({ code, french: false });
  });
  it('a French quotation inside an English article does not make it French', () => {
    const text = `${OTHERS[0]![1]} The minister said: « nous sommes prêts ». ${OTHERS[0]![1]}`;
    expect(clearlyFrench(text)).toBe(false);
    expect(detectLanguage(text).code).toBe('eng');
  });
  it('takes a text too short to tell as French (und)', () => {
    expect(detectLanguage('Merci.')).toEqual({ code: 'und', french: true });
    expect(detectLanguage('OK 42 !')).toEqual({ code: 'und', french: true });
  });
  it('lists no marker that is a common word of a neighbouring language', () => {
    const markers = readList('language', 'french-markers.txt');
    expect(new Set(markers).size).toBe(markers.length);
    for (const word of ['des', 'du', 'qui', 'ne', 'mais', 'ou', 'par', 'plus', 'nos', 'l', 'd', 'c', 's']) expect(markers).not.toContain(word);
  });
});

describe('language: trigram scoring gives what franc gives', () => {
  it.each([...FRENCH.map((t) => ['fra', t] as [string, string]), ...OTHERS])('%s', (_, text) => {
    expect(identifyLanguage(text)).toBe(franc(text, { minLength: 40 }));
  });
  it('names a language by its script when the data knows one language in it', () => {
    const greek = 'Η κυβέρνηση παρουσίασε την Τρίτη το σχέδιο προϋπολογισμού για το επόμενο έτος.';
    expect(identifyLanguage(greek)).toBe(franc(greek, { minLength: 40 }));
  });
});

describe('lexicons/language/generated/trigrams.json', () => {
  it("is franc-min's data as installed (npm run build:language remakes it)", () => {
    const { version } = JSON.parse(readFileSync('node_modules/franc-min/package.json', 'utf8')) as { version: string };
    expect(readFileSync(lexiconPath(...TRIGRAMS_FILE), 'utf8')).toBe(trigramsFileText(data, version));
  });
});
