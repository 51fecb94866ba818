import { readListRows } from '../core/lexicon-file.js';
import { ExtraitError } from '../core/errors.js';
import { conjugate, type ConjugationModel, type FormKind } from './conjugate.js';

export type VerbClass = 'say' | 'weak' | 'qualify';

/** One reading of an inflected form as a reporting verb. */
export interface ReportingReading {
  lemma: string;
  verbClass: VerbClass;
  /** Reflexive use: required (s'exclamer), optional (se féliciter), never. */
  reflexive: 'only' | 'optional' | 'never';
  kind: FormKind;
  person?: number;
  plural?: boolean;
  /** Words that must follow the form for a multiword verb (faire → valoir). */
  tail: string[];
}

export type Gender = 'm' | 'f';

export interface RoleEntry {
  /** The role's words, masculine, lower case: "avocat général". */
  key: string;
  words: string[];
  gender?: Gender;
  group: string;
}

export type NonSpeechCue = 'naming' | 'naming-de' | 'work' | 'slogan' | 'distance' | 'status';

export interface CueEntry {
  cue: NonSpeechCue;
  words: string[];
  why: 'title' | 'term' | 'scare' | 'slogan';
}

export interface WordInfo {
  classes: Set<string>;
  /** Gender/number or other detail from the third column (m, f, mp, fp, p, 1, any, indef). */
  detail: string;
}

export interface QuotesLexicon {
  verbs: Map<string, ReportingReading[]>;
  reportingLemmas: Set<string>;
  modals: Map<string, string>;
  positiveModals: Set<string>;
  negations: Set<string>;
  sourceVerbs: Map<string, string>;
  auxiliaries: Map<string, 'avoir' | 'être'>;
  /** Roles by their first word. */
  roles: Map<string, RoleEntry[]>;
  sourceNouns: Set<string>;
  /** Cues by their first word. */
  cues: Map<string, CueEntry[]>;
  words: Map<string, WordInfo>;
  /** Multiword entries of words.tsv (frames, "ce dernier") by their first word. */
  phrases: Map<string, { words: string[]; cls: string; detail: string }[]>;
  firstNames: Map<string, Gender | 'mf'>;
}

/** Lower case, typographic apostrophe made straight: the key every lexicon lookup uses. */
export function norm(word: string): string {
  return word.toLowerCase().replace(/[’ʼ]/g, "'");
}

/** Words of a lexicon entry as the tokenizer cuts them: "représentant de l'état" → représentant, de, l', état. */
export function splitWords(text: string): string[] {
  return norm(text).replace(/'/g, "' ").split(/\s+/).filter(Boolean);
}

let cached: QuotesLexicon | undefined;

/** The quotation lexicons, read and compiled on first use. */
export function quotesLexicon(): QuotesLexicon {
  return (cached ??= build());
}

function build(): QuotesLexicon {
  try {
    return compile();
  } catch (error) {
    if (error instanceof ExtraitError) throw error;
    throw new ExtraitError('E_LEXICON', `quotes lexicon: ${(error as Error).message}`, { cause: error });
  }
}

function compile(): QuotesLexicon {
  const models = new Map<string, ConjugationModel>();
  for (const row of readListRows('quotes', 'conjugation-models.tsv')) {
    const [name, present, imperfect, simple, future, subjunctive, participle, gerund] = row;
    if (!gerund) throw new Error(`conjugation-models.tsv: incomplete row '${row.join(' ')}'`);
    const [stem, type] = simple!.split(':');
    const [sg, pl] = subjunctive!.split('|');
    models.set(name!, {
      name: name!,
      present: present!.split(','),
      imperfect: imperfect!,
      simple: { stem: stem!, type: type as ConjugationModel['simple']['type'] },
      future: future!,
      subjunctive: [sg!, pl ?? sg!],
      participle: participle!,
      gerund,
    });
  }

  const verbs = new Map<string, ReportingReading[]>();
  const reportingLemmas = new Set<string>();
  for (const row of readListRows('quotes', 'reporting-verbs.tsv')) {
    const [lemma, model = '-', verbClass = 'say', se = '-'] = row;
    const [head, ...tail] = lemma!.split(' ');
    reportingLemmas.add(lemma!);
    const reflexive = se === 'se' ? 'only' : se === 'se?' ? 'optional' : 'never';
    for (const f of conjugate(head!, model, models)) {
      const key = norm(f.form);
      const list = verbs.get(key) ?? [];
      list.push({ lemma: lemma!, verbClass: verbClass as VerbClass, reflexive, kind: f.kind, person: f.person, plural: f.plural, tail });
      verbs.set(key, list);
    }
  }

  const modals = new Map<string, string>();
  const positiveModals = new Set<string>();
  const negations = new Set<string>();
  const sourceVerbs = new Map<string, string>();
  const auxiliaries = new Map<string, 'avoir' | 'être'>();
  for (const [kind, word] of readListRows('quotes', 'verb-frames.tsv')) {
    if (kind === 'modal') for (const f of conjugate(word!, '-', models)) modals.set(norm(f.form), word!);
    else if (kind === 'positive') positiveModals.add(word!);
    else if (kind === 'negation') negations.add(word!);
    else if (kind === 'source') for (const f of conjugate(word!, '-', models)) sourceVerbs.set(norm(f.form), word!);
    else if (kind === 'avoir' || kind === 'être') auxiliaries.set(norm(word!), kind);
    else throw new Error(`verb-frames.tsv: unknown kind '${kind}'`);
  }

  const roles = new Map<string, RoleEntry[]>();
  const addRole = (text: string, gender: Gender | undefined, key: string, group: string) => {
    const words = splitWords(text);
    const list = roles.get(words[0]!) ?? [];
    list.push({ key, words, ...(gender && { gender }), group });
    roles.set(words[0]!, list);
  };
  for (const [masc, fem, group] of readListRows('quotes', 'roles.tsv')) {
    const key = norm(masc!);
    if (fem === '-') addRole(masc!, undefined, key, group!);
    else {
      addRole(masc!, 'm', key, group!);
      addRole(fem!, 'f', key, group!);
    }
  }
  for (const list of roles.values()) list.sort((a, b) => b.words.length - a.words.length);

  const cues = new Map<string, CueEntry[]>();
  for (const [cue, words, why] of readListRows('quotes', 'non-speech-cues.tsv')) {
    const ws = splitWords(words!);
    const list = cues.get(ws[0]!) ?? [];
    list.push({ cue: cue as NonSpeechCue, words: ws, why: why as CueEntry['why'] });
    cues.set(ws[0]!, list);
  }

  const words = new Map<string, WordInfo>();
  const phrases = new Map<string, { words: string[]; cls: string; detail: string }[]>();
  for (const [word, cls, detail = ''] of readListRows('quotes', 'words.tsv')) {
    const ws = norm(word!).split(' ');
    if (ws.length > 1) {
      const list = phrases.get(ws[0]!) ?? [];
      list.push({ words: ws, cls: cls!, detail });
      phrases.set(ws[0]!, list);
      continue;
    }
    const info = words.get(ws[0]!) ?? { classes: new Set<string>(), detail: '' };
    info.classes.add(cls!);
    if (detail && !info.detail) info.detail = detail;
    else if (detail && cls === 'pron') info.detail = detail;
    words.set(ws[0]!, info);
  }
  for (const list of phrases.values()) list.sort((a, b) => b.words.length - a.words.length);

  const firstNames = new Map<string, Gender | 'mf'>();
  for (const [name, gender] of readListRows('quotes', 'first-names.tsv')) firstNames.set(norm(name!), gender as Gender | 'mf');

  return {
    verbs,
    reportingLemmas,
    modals,
    positiveModals,
    negations,
    sourceVerbs,
    auxiliaries,
    roles,
    sourceNouns: new Set(readListRows('quotes', 'source-nouns.tsv').map((r) => norm(r[0]!))),
    cues,
    words,
    phrases,
    firstNames,
  };
}
