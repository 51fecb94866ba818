import { createDocument } from '../src/core/document.js';
import type { Analysis } from '../src/core/analysis.js';
import type { Entity, EntityMention, EntityType } from '../src/entities/types.js';

/** Function words with their UD tag and lemma, as the French treebanks give them. */
const FUNCTION_WORDS: Record<string, [string, string]> = {
  le: ['DET', 'le'], la: ['DET', 'le'], les: ['DET', 'le'], "l'": ['DET', 'le'],
  un: ['DET', 'un'], une: ['DET', 'un'], ce: ['DET', 'ce'], cette: ['DET', 'ce'], ses: ['DET', 'son'], sa: ['DET', 'son'], son: ['DET', 'son'],
  de: ['ADP', 'de'], "d'": ['ADP', 'de'], à: ['ADP', 'à'], en: ['ADP', 'en'], par: ['ADP', 'par'], pour: ['ADP', 'pour'], sur: ['ADP', 'sur'], dans: ['ADP', 'dans'], avec: ['ADP', 'avec'], contre: ['ADP', 'contre'], après: ['ADP', 'après'],
  et: ['CCONJ', 'et'], ou: ['CCONJ', 'ou'], mais: ['CCONJ', 'mais'], que: ['SCONJ', 'que'], qui: ['PRON', 'qui'],
  a: ['AUX', 'avoir'], ont: ['AUX', 'avoir'], est: ['AUX', 'être'], sont: ['AUX', 'être'], été: ['AUX', 'être'], il: ['PRON', 'il'], elle: ['PRON', 'elle'], ils: ['PRON', 'il'], se: ['PRON', 'se'], "s'": ['PRON', 'se'], ne: ['ADV', 'ne'], pas: ['ADV', 'pas'], plus: ['ADV', 'plus'], très: ['ADV', 'très'],
};
const CONTRACTIONS: Record<string, [string, string][]> = {
  du: [['de', 'ADP'], ['le', 'DET']],
  des: [['de', 'ADP'], ['les', 'DET']],
  au: [['à', 'ADP'], ['le', 'DET']],
  aux: [['à', 'ADP'], ['les', 'DET']],
};

/**
 * A document tagged by hand: `tags` gives POS and lemma of content words by lower-case form
 * (`"zones": ["NOUN", "zone"]`); function words and contractions are known; other capitalised
 * words are PROPN, numbers NUM, punctuation PUNCT. An untagged lower-case word is an error.
 */
export function tagged(text: string, tags: Record<string, [string, string]>, meta: { id?: string } = {}): Analysis {
  const doc = createDocument(text, { id: meta.id ?? 'test' });
  for (const t of doc.tokens) {
    const low = t.text.toLowerCase().replace('’', "'");
    const known = tags[low] ?? FUNCTION_WORDS[low];
    if (known) {
      t.pos = known[0];
      t.lemma = known[1];
    } else if (CONTRACTIONS[low]) {
      t.parts = CONTRACTIONS[low]!.map(([form, pos]) => ({ form, lemma: form === 'les' ? 'le' : form, pos }));
      t.pos = t.parts.map((p) => p.pos).join('+');
      t.lemma = low;
    } else if (t.kind === 'number') {
      t.pos = 'NUM';
      t.lemma = t.text;
    } else if (t.kind === 'punct' || t.kind === 'symbol') {
      t.pos = 'PUNCT';
      t.lemma = t.text;
    } else if (/^\p{Lu}/u.test(t.text)) {
      t.pos = 'PROPN';
      t.lemma = t.text;
    } else {
      throw new Error(`untagged word "${t.text}"`);
    }
  }
  return { ...doc, warnings: [] };
}

/** Adds entity mentions (each name clustered by itself) to an analysis. */
export function withEntities(analysis: Analysis, names: [string, EntityType][]): Analysis {
  const mentions: EntityMention[] = [];
  const entities: Entity[] = [];
  names.forEach(([name, type], k) => {
    const entity: Entity = { id: `e${k}`, canonical: name, type, roles: [], mentions: [], aliases: [] };
    for (let i = analysis.text.indexOf(name); i !== -1; i = analysis.text.indexOf(name, i + 1)) {
      entity.mentions.push(mentions.length);
      mentions.push({ start: i, end: i + name.length, text: name, type, entity: entity.id });
    }
    entities.push(entity);
  });
  return { ...analysis, mentions, entities };
}
