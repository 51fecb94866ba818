import { expectLinear } from './helpers.js';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { markdownToText } from '../src/input/index.js';

const text = (md: string) => markdownToText(md).text;

describe('markdownToText: the text a reader sees', () => {
  it('reads the bundled article: front matter title and date, markup removed, lines kept', () => {
    const md = readFileSync('fixtures/input/article.md', 'utf8');
    expect(markdownToText(md)).toEqual({
      text:
        'Le budget 2024 adopté\n\n' +
        'Le Parlement a adopté le budget, selon l’Agence France-Presse.\n' +
        'Le texte prévoit une baisse de 2,5 % des dépenses ; snake_case et 3 * 4 restent tels quels.\n\n' +
        '« C’est un budget de responsabilité », a déclaré la ministre.\n\n' +
        'Premier point : la santé\nSecond point : l’éducation\n\n' +
        'Texte souligné\n',
      title: 'Le budget 2024 adopté',
      date: '2024-03-12',
    });
  });

  it('removes heading marks, closing hashes included; the first level-1 heading is the title', () => {
    expect(markdownToText('# Le titre #\n\n## Une section\nDu texte.')).toEqual({ text: 'Le titre\n\nUne section\nDu texte.', title: 'Le titre' });
    expect(text('#hashtag en début de ligne')).toBe('#hashtag en début de ligne');
  });

  it('removes setext underlines; a === underline makes the title', () => {
    expect(markdownToText('Grand titre\n===========\n\nTexte.')).toEqual({ text: 'Grand titre\n\nTexte.', title: 'Grand titre' });
  });

  it('removes emphasis markers but not lone stars, intraword underscores or multiplication signs', () => {
    expect(text('Le **président** a *bien* dit __non__ et _oui_.')).toBe('Le président a bien dit non et oui.');
    expect(text('Un fichier nom_de_fichier.txt, 3 * 4 = 12 et une étoile * seule.')).toBe('Un fichier nom_de_fichier.txt, 3 * 4 = 12 et une étoile * seule.');
    expect(text('***Très*** important')).toBe('Très important');
  });

  it('keeps the visible text of links, drops their targets, drops images', () => {
    expect(text('Selon [l’AFP](https://www.afp.com/fr "Agence"), ![logo](logo.png) rien.')).toBe('Selon l’AFP,  rien.');
    expect(text('Voir [le rapport][rapport] et [la note][].\n\n[rapport]: https://exemple.fr/rapport')).toBe('Voir le rapport et la note.');
    expect(text('[Paris (France)](https://fr.wikipedia.org/wiki/Paris_(France))')).toBe('Paris (France)');
    expect(text('Des crochets [sans lien] restent.')).toBe('Des crochets [sans lien] restent.');
  });

  it('keeps the content of code spans and fenced blocks, without their fences', () => {
    expect(text('La commande `extrait --help` aide.')).toBe('La commande extrait --help aide.');
    expect(text('Avant\n```js\nconst a = *b*;\n```\nAprès')).toBe('Avant\nconst a = *b*;\nAprès');
  });

  it('removes quote marks, bullets and task boxes; keeps ordered list numbers (they are visible)', () => {
    expect(text('> « Non », dit-il.\n> > Imbriqué')).toBe('« Non », dit-il.\nImbriqué');
    expect(text('- un\n* deux\n+ [x] trois\n1. premier')).toBe('un\ndeux\ntrois\n1. premier');
  });

  it('decodes escapes and entities, removes HTML tags, keeps autolinks', () => {
    expect(text('\\*pas d’emphase\\* &amp; 10&nbsp;% &#233;t&#xE9; <br/> <span class="x">mot</span> <https://exemple.fr>')).toBe(
      '*pas d’emphase* & 10\u00a0% été  mot https://exemple.fr',
    );
  });

  it('drops thematic breaks and table delimiter rows', () => {
    expect(text('Un\n\n---\n\nDeux')).toBe('Un\n\nDeux');
    expect(text('| Nom | Voix |\n|---|:--:|\n| Dupont | 40 |')).toBe('Nom | Voix\nDupont | 40');
  });

  it('keeps a text without markup as it is', () => {
    const plain = 'Le président a déclaré : « Nous irons jusqu’au bout. »\nÇa suffit.\n';
    expect(markdownToText(plain)).toEqual({ text: plain });
  });

  it('stays linear on 1 MB of adversarial markup', async () => {
    const cases = [
      (n: number) => '['.repeat(n),
      (n: number) => '](['.repeat(n / 3),
      (n: number) => '[a]('.repeat(n / 4),
      (n: number) => '*a'.repeat(n / 2),
      (n: number) => '_a '.repeat(n / 3),
      (n: number) => '`a``'.repeat(n / 4),
      (n: number) => '<a '.repeat(n / 3),
      (n: number) => '&#'.repeat(n / 2),
      (n: number) => '# #'.repeat(n / 3),
      (n: number) => '\n'.repeat(n),
      (n: number) => '> - '.repeat(n / 4),
      (n: number) => '# ' + ' '.repeat(n) + 'x',
      (n: number) => '# ' + ' #'.repeat(n / 2) + 'x',
      (n: number) => '| a '.repeat(n / 4) + '|x',
    ];
    for (const make of cases) await expectLinear((n) => markdownToText(make(n)), JSON.stringify(make(12)));
  });
});
