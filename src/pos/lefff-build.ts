/**
 * Builds lexicons/pos/lexicon.tsv from the Lefff's morphological lexicon (.mlex: form, category,
 * lemma, features). Run by `npm run train:pos`; see lexicons/pos/README.md for provenance.
 */
import { encodeLemma } from './lexicon.js';
import { sortLines } from './sorted-lines.js';

/** Lefff categories as UPOS; categories not listed (meta-symbols, suffixes) are left out. */
const CATEGORY: Record<string, string> = {
  v: 'VERB', auxAvoir: 'AUX', auxEtre: 'AUX', nc: 'NOUN', adj: 'ADJ', adjPref: 'ADJ', np: 'PROPN',
  adv: 'ADV', advneg: 'ADV', advPref: 'ADV', clneg: 'ADV', que_restr: 'ADV', prep: 'ADP',
  csu: 'SCONJ', que: 'SCONJ', coo: 'CCONJ', det: 'DET', pres: 'INTJ', etr: 'X',
  pro: 'PRON', cln: 'PRON', cla: 'PRON', cld: 'PRON', clr: 'PRON', cll: 'PRON', clg: 'PRON',
  clar: 'PRON', cldr: 'PRON', prel: 'PRON', pri: 'PRON', ce: 'PRON', ilimp: 'PRON', caimp: 'PRON',
  poncts: 'PUNCT', ponctw: 'PUNCT', parento: 'PUNCT', parentf: 'PUNCT',
};

/** Categories whose Lefff lemma is a category name (cln, cla…): the form stands as lemma. */
const FORM_AS_LEMMA = new Set(['cln', 'cla', 'cld', 'clr', 'cll', 'clg', 'clar', 'cldr', 'ilimp', 'caimp', 'clneg', 'ce', 'prel', 'pri', 'que', 'que_restr']);

/**
 * Verb forms left out: 1st/2nd person passé simple, imperfect subjunctive but for the 3rd
 * singular, imperatives (spelt as present forms). News text almost never has them; the suffix
 * rules still lemmatize them.
 */
function rareVerbForm(features: string): boolean {
  if (/^J(1|2|12)/.test(features)) return true;
  if (/^T/.test(features) && features !== 'T3s') return true;
  return features.startsWith('Y');
}

function fineTag(upos: string, features: string): string {
  if (upos !== 'VERB' && upos !== 'AUX') return upos;
  const mood = features.charAt(0);
  if (mood === 'W') return upos + 'inf';
  if (mood === 'K') return upos + 'pp';
  if (mood === 'G') return upos + 'ppr';
  return upos;
}

export interface LexiconRow {
  form: string;
  tag: string;
  lemma: string;
}

/** The usable rows of a .mlex file: lower-cased forms, UPOS-based tags, UD-style lemmas. */
export function lefffRows(mlex: string, options: { allVerbForms?: boolean } = {}): LexiconRow[] {
  const rows: LexiconRow[] = [];
  for (const line of mlex.split('\n')) {
    const [rawForm, category, rawLemma, features = ''] = line.split('\t');
    if (!rawForm || !category || rawLemma === undefined) continue;
    const upos = CATEGORY[category];
    if (!upos || /[\s_]/.test(rawForm)) continue;
    if (upos === 'VERB' && !options.allVerbForms && rareVerbForm(features)) continue;
    // adjectives the Lefff files under their verb (fatigué, lemma fatiguer) are also listed as verb forms
    if (upos === 'ADJ' && features.startsWith('K')) continue;
    const form = rawForm.toLowerCase();
    let lemma = rawLemma.replace(/_+\d*$/, '');
    if (FORM_AS_LEMMA.has(category) || !lemma || /[_?]/.test(lemma)) lemma = form;
    if (upos !== 'PROPN') lemma = lemma.toLowerCase();
    else lemma = form;
    rows.push({ form, tag: fineTag(upos, features), lemma });
  }
  return rows;
}

/** Lexicon lines from rows: one line per form, entries deduplicated in first-seen order. */
export function lexiconLines(rows: readonly LexiconRow[]): string[] {
  const byForm = new Map<string, string[]>();
  for (const { form, tag, lemma } of rows) {
    const entry = tag + encodeLemma(form, lemma);
    const entries = byForm.get(form);
    if (!entries) byForm.set(form, [entry]);
    else if (!entries.includes(entry)) entries.push(entry);
  }
  return sortLines([...byForm].map(([form, entries]) => form + '\t' + entries.join(' ')));
}
