import type { CommandSpec } from '../cli/spec.js';
import type { Analysis } from '../core/analysis.js';
import { position } from '../output/text.js';

function tokenItems(analysis: Analysis): Record<string, unknown>[] {
  const sentenceOf = new Int32Array(analysis.tokens.length);
  analysis.sentences.forEach((s, i) => sentenceOf.fill(i, s.tokenStart, s.tokenEnd));
  return analysis.tokens.map((token, index) => ({
    index,
    sentence: sentenceOf[index],
    start: token.start,
    end: token.end,
    text: token.text,
    kind: token.kind,
    ...(token.pos !== undefined && { pos: token.pos }),
    ...(token.lemma !== undefined && { lemma: token.lemma }),
    ...(token.parts && { parts: token.parts }),
  }));
}

export const tokensCommand: CommandSpec = {
  name: 'tokens',
  summary: 'tokens with their kind, part of speech and lemma',
  examples: ['extrait tokens article.txt', 'echo "Peut-on le dire ?" | extrait tokens -f jsonl'],
  components: ['pos'],
  fields: ['sentences', 'tokens'],
  items: tokenItems,
  columns: ['document', 'index', 'sentence', 'start', 'end', 'text', 'kind', 'pos', 'lemma'],
  table(analysis) {
    const tagged = analysis.tokens.some((t) => t.pos !== undefined);
    return {
      head: ['#', 'token', 'kind', ...(tagged ? ['pos', 'lemma'] : []), 'line:col'],
      rows: analysis.tokens.map((t, i) => [
        String(i),
        t.text,
        t.kind,
        ...(tagged ? [t.pos ?? '', t.lemma ?? ''] : []),
        position(analysis.text, t.start),
      ]),
    };
  },
};
