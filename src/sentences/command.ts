import type { CommandSpec } from '../cli/spec.js';
import { position, shorten } from '../output/text.js';

export const sentencesCommand: CommandSpec = {
  name: 'sentences',
  summary: 'sentences and paragraphs',
  examples: ['extrait sentences article.txt', 'extrait sentences -f jsonl corpus/ | jq -r .text'],
  components: [],
  fields: ['paragraphs', 'sentences'],
  items: (analysis) =>
    analysis.sentences.map((s, index) => ({
      index,
      paragraph: s.paragraph,
      start: s.start,
      end: s.end,
      text: s.text,
      tokens: s.tokenEnd - s.tokenStart,
    })),
  columns: ['document', 'index', 'paragraph', 'start', 'end', 'tokens', 'text'],
  table: (analysis) => ({
    head: ['#', '¶', 'line:col', 'sentence'],
    rows: analysis.sentences.map((s, i) => [String(i), String(s.paragraph), position(analysis.text, s.start), shorten(s.text, 90)]),
  }),
};
