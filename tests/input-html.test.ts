import { expectLinear } from './helpers.js';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { htmlToText } from '../src/input/index.js';

const page = (body: string, head = '') => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;

describe('htmlToText: the visible text of an article page', () => {
  it('reads the bundled article page: article text only, title from og:title, date from article:published_time', async () => {
    const html = readFileSync('fixtures/input/article.html', 'utf8');
    expect(await htmlToText(html)).toEqual({
      text: [
        'Sergueï Lavrov reçu à Washington',
        'Par Marie Dupont, le 12\u00a0mars\u00a02024',
        'Le ministre russe des Affaires étrangères a rencontré son homologue américain, mardi, à Washington. «\u00a0Nous avons eu une discussion franche\u00a0», a-t-il déclaré à la presse.',
        'Selon le Département d’État, les échanges ont duré trois heures\u00a0; M. Blinken s’est dit «\u00a0prudent\u00a0».\nAucun accord n’a été signé.',
        'Sergueï Lavrov à Washington, le 12 mars.',
        'Le dialogue est indispensable.',
        'Sécurité européenne',
        'Contrôle des armements',
      ].join('\n\n'),
      title: 'Sergueï Lavrov reçu à Washington',
      date: '2024-03-12T08:30:00+01:00',
    });
  });

  it('drops scripts, styles, nav, page header and footer, aside, forms, noscript, hidden elements', async () => {
    const html = page(
      '<header>Le Site</header><nav>Accueil Monde</nav><p>Le texte.</p><aside>Pub</aside><form><label>Nom</label></form>' +
        '<noscript>Activez JS</noscript><script>alert("x")</script><style>p{}</style><p hidden>Caché</p>' +
        '<div aria-hidden="true">Icône</div><div role="navigation">Menu</div><footer>Contact</footer><template><p>Modèle</p></template>',
      '<title>T</title><script>var a = "<p>non</p>";</script>',
    );
    expect((await htmlToText(html)).text).toBe('Le texte.');
  });

  it('decodes named, decimal and hexadecimal entities, keeping no-break spaces', async () => {
    const { text } = await htmlToText(page('<p>&laquo;&nbsp;Caf&eacute; &amp; th&#233; &#x2014; l&rsquo;&Eacute;tat&nbsp;&raquo; &lt;b&gt; &hellip;</p>'));
    expect(text).toBe('«\u00a0Café & thé — l’État\u00a0» <b> …');
  });

  it('makes each block element a paragraph, separated by a blank line; <br> is a line break', async () => {
    const { text } = await htmlToText(page('<h2>Titre</h2><div>Un <em>premier</em>\n   bloc.</div><p>Deux<br>lignes.</p><ul><li>un</li><li>deux</li></ul>'));
    expect(text).toBe('Titre\n\nUn premier bloc.\n\nDeux\nlignes.\n\nun\n\ndeux');
  });

  it('closes paragraphs the HTML way (<p> without </p>)', async () => {
    expect((await htmlToText(page('<p>Un.<p>Deux.<p>Trois.'))).text).toBe('Un.\n\nDeux.\n\nTrois.');
  });

  it('keeps the white space of <pre> and puts table cells of a row on one line', async () => {
    const { text } = await htmlToText(page('<pre>  a\n  b</pre><table><tr><th>Nom</th><th>Voix</th></tr><tr><td>Dupont</td><td>40</td></tr></table>'));
    expect(text).toBe('  a\n  b\n\nNom Voix\n\nDupont 40');
  });

  it('prefers <article>, and the longest one when there are several', async () => {
    const html = page('<p>Hors article.</p><article><p>Court.</p></article><article><p>Le texte principal, plus long.</p></article>');
    expect((await htmlToText(html)).text).toBe('Le texte principal, plus long.');
  });

  it('prefers <main> (or role="main") when there is no <article>', async () => {
    expect((await htmlToText(page('<div>Bandeau</div><main><p>Contenu.</p></main><div>Bas</div>'))).text).toBe('Contenu.');
    expect((await htmlToText(page('<div>Bandeau</div><div role="main"><p>Contenu.</p></div><div>Bas</div>'))).text).toBe('Contenu.');
  });

  it('keeps the header of an article (its headline) but not its footer', async () => {
    const html = page('<article><header><h1>Le titre</h1></header><p>Le corps.</p><footer>Partager</footer></article>');
    expect((await htmlToText(html)).text).toBe('Le titre\n\nLe corps.');
  });

  it('takes the title from og:title, else <title>, else JSON-LD headline, else the first <h1>', async () => {
    expect((await htmlToText(page('<h1>H1</h1>', '<title>Titre - Site</title><meta property="og:title" content="OG">'))).title).toBe('OG');
    expect((await htmlToText(page('<h1>H1</h1>', '<title>  Titre\n - Site </title>'))).title).toBe('Titre - Site');
    expect((await htmlToText(page('<h1>H1</h1>', '<script type="application/ld+json">{"headline":"LD"}</script>'))).title).toBe('LD');
    expect((await htmlToText(page('<nav><h1>Menu</h1></nav><h1>Le <b>vrai</b> titre</h1><p>x</p>'))).title).toBe('Le vrai titre');
    expect((await htmlToText(page('<p>x</p>'))).title).toBeUndefined();
  });

  it('takes the date from meta tags, JSON-LD, then <time datetime>', async () => {
    const date = async (body: string, head = '') => (await htmlToText(page(body, head))).date;
    expect(await date('<p>x</p>', '<meta name="date" content="2024-01-02">')).toBe('2024-01-02');
    expect(await date('<p>x</p>', '<meta itemprop="datePublished" content="2024-01-03T10:00:00Z">')).toBe('2024-01-03T10:00:00Z');
    expect(await date('<p>x</p>', '<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2024-01-04"}]}</script>')).toBe('2024-01-04');
    expect(await date('<time datetime="2020-01-01">avant</time><article><time datetime="2024-01-05">5 janvier</time><p>x</p></article>')).toBe('2024-01-05');
    expect(await date('<time datetime="2024-01-06T08:00">x</time><time pubdate datetime="2024-01-07">y</time>')).toBe('2024-01-07');
    expect(await date('<time datetime="2024-01-08 08:00">x</time>')).toBe('2024-01-08T08:00');
  });

  it('ignores dates that are not ISO 8601, and broken JSON-LD', async () => {
    const result = await htmlToText(
      page('<time datetime="hier">hier</time><p>x</p>', '<meta property="article:published_time" content="12 mars 2024"><script type="application/ld+json">{oops</script>'),
    );
    expect(result).toEqual({ text: 'hier\n\nx' });
  });

  it('reads the bundled page without <article>: <time> with a space, table, pre, hidden paragraph', async () => {
    const html = readFileSync('fixtures/input/time-only.htm', 'utf8');
    expect(await htmlToText(html)).toEqual({
      text:
        'Conseil municipal\n\nPublié le 5 novembre.\n\n' +
        'Le conseil a voté le budget\u00a02024 par 40 voix contre 12 & 3 abstentions. Les débats ont duré quatre heures.\n\n' +
        'Pour 40\n\nContre 12\n\n  Ligne 1\n  Ligne 2',
      title: 'Conseil municipal de Lyon',
      date: '2023-11-05T18:00',
    });
  });

  it('gives an empty text for a page without visible text', async () => {
    expect(await htmlToText(readFileSync('fixtures/input/empty-page.html', 'utf8'))).toEqual({ text: '', title: 'Rien' });
  });

  it('stays linear on 1 MB of adversarial markup (deep nesting, stray end tags, entities)', async () => {
    const cases = [
      (n: number) => '<'.repeat(n),
      (n: number) => '<p>'.repeat(n / 3),
      (n: number) => '&amp'.repeat(n / 4),
      (n: number) => '<div>'.repeat(n / 5),
      (n: number) => '<div><article>'.repeat(n / 14),
      (n: number) => '<span>'.repeat(n / 14) + '</b>'.repeat(n / 8),
      (n: number) => '<a title="&amp;'.repeat(n / 16),
      (n: number) => '<p>' + '<b> </b>'.repeat(n / 8) + 'x',
      (n: number) => '<pre>' + ' '.repeat(n) + 'x',
      (n: number) => '<p>' + ' <br> '.repeat(n / 6),
    ];
    for (const make of cases) await expectLinear((n) => htmlToText(make(n)), JSON.stringify(make(20)));
  });
});
