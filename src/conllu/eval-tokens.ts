import { readFileSync } from 'node:fs';
import { parseConllu } from './index.js';
import { rebuildText } from './rebuild.js';
import { tokenize } from '../tokenize/index.js';
import { segmentSentences, splitParagraphs } from '../sentences/index.js';

export interface BoundaryCounts {
  tokens: { tp: number; fp: number; fn: number };
  sentences: { tp: number; fp: number; fn: number };
  misaligned: number;
  /** Token errors as [gold-only, predicted-only] text samples. */
  tokenErrors: { missed: string[]; extra: string[] };
}

/** Compares extrait's token and sentence boundaries with a CoNLL-U file's. */
export function evaluateBoundaries(conlluPath: string, limit = Infinity): BoundaryCounts {
  const sentences = parseConllu(readFileSync(conlluPath, 'utf8')).slice(0, limit);
  const gold = rebuildText(sentences);
  const tokens = tokenize(gold.text);
  const predictedSentences = segmentSentences(gold.text, tokens, splitParagraphs(gold.text));
  const compare = (g: { start: number; end: number }[], p: { start: number; end: number }[]) => {
    const key = (s: { start: number; end: number }) => s.start * 1e7 + s.end;
    const gk = new Set(g.map(key));
    const pk = new Set(p.map(key));
    let tp = 0;
    for (const k of pk) if (gk.has(k)) tp++;
    return { tp, fp: pk.size - tp, fn: gk.size - tp, gk, pk };
  };
  const t = compare(gold.tokens, tokens);
  const s = compare(gold.sentences, predictedSentences);
  const sample = (spans: { start: number; end: number }[], other: Set<number>) =>
    spans.filter((x) => !other.has(x.start * 1e7 + x.end)).map((x) => gold.text.slice(x.start, x.end));
  return {
    tokens: { tp: t.tp, fp: t.fp, fn: t.fn },
    sentences: { tp: s.tp, fp: s.fp, fn: s.fn },
    misaligned: gold.misaligned,
    tokenErrors: { missed: sample(gold.tokens, t.pk), extra: sample(tokens, t.gk) },
  };
}
