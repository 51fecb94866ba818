import { describe, expect, it } from 'vitest';
import { splitParagraphs, splitSentences } from '../src/sentences/index.js';
import { createDocument } from '../src/core/document.js';
import { expectSpansMatch } from './helpers.js';

const sentences = (s: string) => splitSentences(s).map((x) => x.text);

describe('splitSentences', () => {
  it('ends sentences at . ! ? before a capital', () => {
    expect(sentences('Il est parti. Elle est restée ! Pourquoi ? Personne ne sait.')).toEqual([
      'Il est parti.', 'Elle est restée !', 'Pourquoi ?', 'Personne ne sait.',
    ]);
  });
  it('does not end a sentence after M., Mme, initials or J.-C.', () => {
    expect(sentences('M. Dupont a vu Mme Durand. J. K. Rowling est née en 65 av. J.-C. selon lui.')).toEqual([
      'M. Dupont a vu Mme Durand.', 'J. K. Rowling est née en 65 av. J.-C. selon lui.',
    ]);
  });
  it('ends a sentence after etc. before a capital', () => {
    expect(sentences('Des pommes, des poires, etc. Le marché était plein.')).toEqual(['Des pommes, des poires, etc.', 'Le marché était plein.']);
  });
  it('keeps a closing guillemet and its incise in the sentence', () => {
    expect(sentences('« Nous avons discuté. Tout va bien », a déclaré Sergueï Lavrov. Il est reparti.')).toEqual([
      '« Nous avons discuté.', 'Tout va bien », a déclaré Sergueï Lavrov.', 'Il est reparti.',
    ]);
    expect(sentences('« C’est fini. » Le public applaudit.')).toEqual(['« C’est fini. »', 'Le public applaudit.']);
  });
  it('goes on after ?! inside a quote when the text goes on in lower case', () => {
    expect(sentences('« Et maintenant ? » a-t-il demandé. « Jamais ! » répond-elle.')).toEqual([
      '« Et maintenant ? » a-t-il demandé.', '« Jamais ! » répond-elle.',
    ]);
  });
  it('reads ellipses by what follows', () => {
    expect(sentences('Trump salue une excellente rencontre... et appelle Moscou. Il attend... Rien ne vient.')).toEqual([
      'Trump salue une excellente rencontre... et appelle Moscou.', 'Il attend...', 'Rien ne vient.',
    ]);
  });
  it('ends headline lines at a line break, not hard-wrapped lines', () => {
    // blank lines separate the paragraphs here, so single line breaks are inside a paragraph
    expect(sentences('Grève à Douai\nLes salariés ont voté la grève mardi, et la direction\nrefuse de négocier.\n\nFin.')).toEqual([
      'Grève à Douai', 'Les salariés ont voté la grève mardi, et la direction\nrefuse de négocier.', 'Fin.',
    ]);
  });
  it('starts a dialogue turn after a question', () => {
    expect(sentences('— Vous venez ? — Oui, demain.')).toEqual(['— Vous venez ?', '— Oui, demain.']);
  });
  it('does not start a sentence at a bracket that goes on in lower case', () => {
    expect(sentences('Il l’a dit. (cité par Le Monde.) Puis il part.')).toEqual(['Il l’a dit. (cité par Le Monde.)', 'Puis il part.']);
  });
  it('gives exact spans', () => {
    const text = 'Le chef de la diplomatie russe s’est rendu à Washington le 10 mai. C’était le premier entretien.';
    expectSpansMatch(text, splitSentences(text));
  });
});

describe('paragraphs', () => {
  it('splits at blank lines, each line being a paragraph when there are none', () => {
    expect(splitParagraphs('Titre\n\nPremier ¶.\nsuite.\n\n\nSecond ¶.').map((p) => p.text)).toEqual(['Titre', 'Premier ¶.\nsuite.', 'Second ¶.']);
    expect(splitParagraphs('Titre\nPremier ¶.\nSecond ¶.').map((p) => p.text)).toEqual(['Titre', 'Premier ¶.', 'Second ¶.']);
  });
  it('never lets a sentence cross a paragraph and records the sentence ranges', () => {
    const doc = createDocument('Un titre sans point\n\nUne phrase, puis\n\nune autre.');
    expect(doc.sentences.map((s) => [s.text, s.paragraph])).toEqual([['Un titre sans point', 0], ['Une phrase, puis', 1], ['une autre.', 2]]);
    expect(doc.paragraphs.map((p) => [p.sentenceStart, p.sentenceEnd])).toEqual([[0, 1], [1, 2], [2, 3]]);
    expectSpansMatch(doc.text, doc.paragraphs);
  });
});
