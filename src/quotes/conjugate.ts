/**
 * A small French conjugator: the inflected forms of a verb, for recognising reporting verbs in every
 * tense (déclare, déclarait, déclara, déclarera, déclarerait, déclarant, déclaré·e·s). Only simple
 * tenses and participles: compound tenses are an auxiliary plus the participle.
 */

/** What an inflected form is: finite (with person 1–3 and number), past participle, gerund, infinitive. */
export type FormKind = 'finite' | 'participle' | 'gerund' | 'infinitive';

export interface VerbForm {
  form: string;
  kind: FormKind;
  /** 1, 2 or 3 for finite forms. */
  person?: number;
  plural?: boolean;
}

/** An irregular model from conjugation-models.tsv. */
export interface ConjugationModel {
  name: string;
  present: string[];
  imperfect: string;
  simple: { stem: string; type: 'i' | 'u' | 'in' | 'a' };
  future: string;
  subjunctive: [string, string];
  participle: string;
  gerund: string;
}

const PERSONS: readonly [number, boolean][] = [
  [1, false],
  [2, false],
  [3, false],
  [1, true],
  [2, true],
  [3, true],
];

const IMPERFECT = ['ais', 'ais', 'ait', 'ions', 'iez', 'aient'];
const FUTURE = ['ai', 'as', 'a', 'ons', 'ez', 'ont'];
const SUBJUNCTIVE = ['e', 'es', 'e', 'ions', 'iez', 'ent'];
const SIMPLE: Record<ConjugationModel['simple']['type'], string[]> = {
  i: ['is', 'is', 'it', 'îmes', 'îtes', 'irent'],
  u: ['us', 'us', 'ut', 'ûmes', 'ûtes', 'urent'],
  in: ['ins', 'ins', 'int', 'înmes', 'întes', 'inrent'],
  a: ['ai', 'as', 'a', 'âmes', 'âtes', 'èrent'],
};

class FormSet {
  readonly forms: VerbForm[] = [];
  private seen = new Set<string>();
  add(form: string, kind: FormKind, person?: number, plural?: boolean): void {
    const key = `${form}|${kind}|${person ?? ''}|${plural ?? ''}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.forms.push({ form, kind, ...(person !== undefined && { person, plural }) });
  }
  finite(forms: readonly string[]): void {
    forms.forEach((f, i) => this.add(f, 'finite', PERSONS[i]![0], PERSONS[i]![1]));
  }
  participle(masculine: string): void {
    const plural = /[sx]$/.test(masculine) ? masculine : masculine + 's';
    for (const f of [masculine, masculine + 'e', plural, masculine + 'es']) this.add(f, 'participle');
  }
}

const endings = (stem: string, list: readonly string[]) => list.map((e) => stem + e);

/** Forms of a first-group verb (-er), with the spelling changes of lancer, juger, appeler, acheter, répéter, lever, appuyer. */
export function conjugateFirstGroup(lemma: string, eGrave = false): VerbForm[] {
  const stem = lemma.slice(0, -2);
  const soft = (ending: string) => {
    if (!/^[aoâ]/.test(ending)) return stem + ending;
    if (stem.endsWith('c')) return stem.slice(0, -1) + 'ç' + ending;
    if (stem.endsWith('g')) return stem + 'e' + ending;
    return stem + ending;
  };
  // the stem before a silent e: appelle, achète, répète, lève, appuie
  let stressed = stem;
  let futureStems = [lemma];
  const m = /^(.*[^aeiouyé])e([lt])$/.exec(stem);
  if (m && !eGrave) {
    stressed = stem + m[2]; // appelle, jette
    futureStems = [stressed + 'er'];
  } else if (/[^aeiouy]e[^aeiouyéèêëâàîïôûù]$/.test(stem) && !/e(?:ss|ll|tt|nn|mm|rr|pp|ff|ct|nt|rt|st|pt|sc|rg|rm|rn|rs|nd|mp|ns|nc|lt)$/.test(stem)) {
    stressed = stem.replace(/e([^aeiouyéèêëâàîïôûù])$/, 'è$1'); // lève, achète
    futureStems = [stressed + 'er'];
  } else if (/é[^aeiouyéèêëâàîïôûù]+$/.test(stem)) {
    stressed = stem.replace(/é([^aeiouyéèêëâàîïôûù]+)$/, 'è$1'); // répète
    futureStems = [lemma, stressed + 'er'];
  } else if (/[ou]y$/.test(stem)) {
    stressed = stem.slice(0, -1) + 'i'; // appuie
    futureStems = [stressed + 'er'];
  }
  const set = new FormSet();
  set.add(lemma, 'infinitive');
  set.finite([stressed + 'e', stressed + 'es', stressed + 'e', soft('ons'), stem + 'ez', stressed + 'ent']);
  set.finite(IMPERFECT.map((e) => soft(e)));
  set.finite(['ai', 'as', 'a', 'âmes', 'âtes', 'èrent'].map((e) => soft(e)));
  for (const fs of futureStems) {
    set.finite(endings(fs, FUTURE));
    set.finite(endings(fs, IMPERFECT));
  }
  set.finite([stressed + 'e', stressed + 'es', stressed + 'e', stem + 'ions', stem + 'iez', stressed + 'ent']);
  set.participle(stem + 'é');
  set.add(soft('ant'), 'gerund');
  return set.forms;
}

/** Forms of a second-group verb (-ir with -issons: réagir, avertir, se réjouir). */
export function conjugateSecondGroup(lemma: string): VerbForm[] {
  const stem = lemma.slice(0, -2);
  const set = new FormSet();
  set.add(lemma, 'infinitive');
  set.finite(endings(stem, ['is', 'is', 'it', 'issons', 'issez', 'issent']));
  set.finite(endings(stem + 'iss', IMPERFECT));
  set.finite(endings(stem, SIMPLE.i));
  set.finite(endings(lemma, FUTURE));
  set.finite(endings(lemma, IMPERFECT));
  set.finite(endings(stem + 'iss', SUBJUNCTIVE));
  set.participle(stem + 'i');
  set.add(stem + 'issant', 'gerund');
  return set.forms;
}

/** Forms from an irregular model, with the verb's prefix added (prévenir = pré + venir). */
export function conjugateModel(model: ConjugationModel, prefix = ''): VerbForm[] {
  const p = (s: string) => prefix + s;
  const set = new FormSet();
  set.add(p(model.name), 'infinitive');
  set.finite(model.present.map(p));
  set.finite(endings(p(model.imperfect), IMPERFECT));
  set.finite(endings(p(model.simple.stem), SIMPLE[model.simple.type]));
  set.finite(endings(p(model.future), FUTURE));
  set.finite(endings(p(model.future), IMPERFECT));
  const [sg, pl] = model.subjunctive;
  set.finite([p(sg + 'e'), p(sg + 'es'), p(sg + 'e'), p(pl + 'ions'), p(pl + 'iez'), p(sg + 'ent')]);
  set.participle(p(model.participle));
  set.add(p(model.gerund), 'gerund');
  return set.forms;
}

/** Forms of a -dre verb like répondre, défendre, rendre. */
export function conjugateDre(lemma: string): VerbForm[] {
  const stem = lemma.slice(0, -2);
  return conjugateModel({
    name: lemma,
    present: [stem + 's', stem + 's', stem, stem + 'ons', stem + 'ez', stem + 'ent'],
    imperfect: stem,
    simple: { stem, type: 'i' },
    future: lemma.slice(0, -1),
    subjunctive: [stem, stem],
    participle: stem + 'u',
    gerund: stem + 'ant',
  });
}

/** Forms of an -indre verb like plaindre, craindre, peindre, joindre. */
export function conjugateIndre(lemma: string): VerbForm[] {
  const base = lemma.slice(0, -4); // plai, crai
  return conjugateModel({
    name: lemma,
    present: [base + 'ns', base + 'ns', base + 'nt', base + 'gnons', base + 'gnez', base + 'gnent'],
    imperfect: base + 'gn',
    simple: { stem: base + 'gn', type: 'i' },
    future: lemma.slice(0, -1),
    subjunctive: [base + 'gn', base + 'gn'],
    participle: base + 'nt',
    gerund: base + 'gnant',
  });
}

/**
 * Conjugates a verb by its model name: `er`, `er-è`, `ir`, `dre`, `indre`, an irregular model, or
 * `-` to guess (the longest irregular model the lemma ends with, then its ending).
 */
export function conjugate(lemma: string, model: string, models: ReadonlyMap<string, ConjugationModel>): VerbForm[] {
  if (model === '-' || model === '') {
    let best: ConjugationModel | undefined;
    for (const m of models.values()) if (lemma.endsWith(m.name) && (!best || m.name.length > best.name.length)) best = m;
    if (best) return conjugateModel(best, lemma.slice(0, -best.name.length));
    if (lemma.endsWith('indre')) return conjugateIndre(lemma);
    if (lemma.endsWith('dre')) return conjugateDre(lemma);
    if (lemma.endsWith('er')) return conjugateFirstGroup(lemma);
    if (lemma.endsWith('ir')) return conjugateSecondGroup(lemma);
    throw new Error(`cannot guess the conjugation of '${lemma}'`);
  }
  if (model === 'er') return conjugateFirstGroup(lemma);
  if (model === 'er-è') return conjugateFirstGroup(lemma, true);
  if (model === 'ir') return conjugateSecondGroup(lemma);
  if (model === 'dre') return conjugateDre(lemma);
  if (model === 'indre') return conjugateIndre(lemma);
  const irregular = models.get(model);
  if (!irregular) throw new Error(`unknown conjugation model '${model}' for '${lemma}'`);
  if (!lemma.endsWith(irregular.name)) throw new Error(`'${lemma}' does not end with its model '${model}'`);
  return conjugateModel(irregular, lemma.slice(0, -irregular.name.length));
}
