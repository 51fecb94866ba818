import type { Paragraph } from '../core/types.js';
import { isSpace, type TurnStart } from './marks.js';
import { startsUpper } from '../core/letters.js';

const DASHES = new Set(['—', '–', '-', '―']);
/** Interview labels that are not names: the question and the answer. */
const QA_LABELS = new Set(['q', 'r', 'question', 'réponse', 'questions', 'réponses']);
const PARTICLES = new Set(['de', 'du', 'des', 'la', 'le', 'von', 'van', 'der', 'den', 'di', 'da', 'del', 'al', 'ben', 'bin', 'el', 'et', '&']);
const MAX_LABEL_WORDS = 5;

/** The dash of a dialogue turn: a paragraph opening with an em/en dash (or hyphen) and a space. */
function dashTurn(text: string, p: Paragraph): TurnStart | undefined {
  const c = text[p.start]!;
  if (!DASHES.has(c) || !isSpace(text[p.start + 1])) return undefined;
  let s = p.start + 1;
  while (s < p.end && isSpace(text[s])) s++;
  return s < p.end ? { mark: 'dash', open: p.start, textStart: s } : undefined;
}

/** A label line "Alpes Matin : Qu'avez-vous… ?" / "Q : …": the label is a short capitalised name. */
function labelTurn(text: string, p: Paragraph): TurnStart | undefined {
  const colon = text.indexOf(':', p.start);
  if (colon < 0 || colon > p.start + 60 || colon >= p.end - 1) return undefined;
  const label = text.slice(p.start, colon).replace(/\s+$/, '');
  if (!label || /[.!?,;«»"“”()]/.test(label.replace(/^[QR]\.$/, ''))) return undefined;
  const words = label.split(/[\s\u00a0\u202f]+/);
  if (words.length > MAX_LABEL_WORDS) return undefined;
  const isQa = words.length === 1 && QA_LABELS.has(words[0]!.toLowerCase().replace(/\.$/, ''));
  if (!isQa && !words.every((w) => startsUpper(w) || PARTICLES.has(w.toLowerCase()))) return undefined;
  if (!isQa && !startsUpper(words[0]!)) return undefined;
  let s = colon + 1;
  while (s < p.end && isSpace(text[s])) s++;
  if (s >= p.end) return undefined;
  return { mark: 'label', open: p.start, textStart: s, label: { start: p.start, end: p.start + label.length, text: label } };
}

const labelKey = (t: TurnStart) => t.label!.text.toLowerCase().replace(/\.$/, '');

/**
 * The paragraphs that are dialogue turns: runs of em-dash paragraphs (one alone counts when it asks
 * or answers: a question mark, or first/second person), and runs of label lines that alternate at
 * least two labels (Q/R interviews, "RFI : … / Nom : …"). A lone "Prochain rendez-vous : …" or a
 * headline "Grenoble : …" is no turn.
 */
export function findTurns(text: string, paragraphs: readonly Paragraph[]): Map<number, TurnStart> {
  const turns = new Map<number, TurnStart>();
  let run: [number, TurnStart][] = [];
  const flushDash = () => {
    const speechLike = run.length >= 2 || run.some(([pi]) => /[?!]|\b(?:je|j[’']|nous|vous|tu|on)\b/i.test(paragraphs[pi]!.text));
    if (speechLike) for (const [pi, t] of run) turns.set(pi, t);
    run = [];
  };
  paragraphs.forEach((p, pi) => {
    const t = dashTurn(text, p);
    if (t) run.push([pi, t]);
    else if (run.length) flushDash();
  });
  if (run.length) flushDash();

  const flushLabels = () => {
    const keys = run.map(([, t]) => labelKey(t));
    const distinct = new Set(keys);
    const repeated = keys.length > distinct.size;
    const qa = keys.every((k) => QA_LABELS.has(k));
    if (run.length >= 2 && distinct.size >= 2 && (repeated || qa || run[0]![1].label && paragraphs[run[0]![0]]!.text.trimEnd().endsWith('?'))) {
      for (const [pi, t] of run) turns.set(pi, t);
    }
    run = [];
  };
  paragraphs.forEach((p, pi) => {
    const t = turns.has(pi) ? undefined : labelTurn(text, p);
    if (t) run.push([pi, t]);
    else if (run.length) flushLabels();
  });
  if (run.length) flushLabels();
  return turns;
}
