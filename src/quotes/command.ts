import type { CommandSpec, OptionRow, CliOptions } from '../cli/spec.js';
import type { Analysis } from '../core/analysis.js';
import { position, shorten } from '../output/text.js';
import type { Quote } from './types.js';

export const quotesOptions: OptionRow[] = [
  { flags: '--speaker <name>', description: 'only quotations of this speaker (accent- and case-insensitive, canonical names and aliases)', commands: ['quotes'] },
  {
    flags: '--all-quotes',
    description: 'also show quoted material that is not speech (titles, terms, scare quotes)',
    commands: ['quotes', 'analyze'],
    analyzeOption: 'allQuotes',
  },
];

/** Lower case without accents: "Sergueï" and "sergueï" and "SERGUEI" match. */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, ' ').trim();
}

/** Names a speaker answers to: the canonical name, the entity's aliases, and the mention in the text. */
function speakerNames(q: Quote, analysis: Analysis): string[] {
  const s = q.speaker;
  if (!s) return [];
  const names = [s.name ?? '', s.mention?.text ?? ''];
  const entity = s.entity ? analysis.entities?.find((e) => e.id === s.entity) : undefined;
  if (entity) names.push(entity.canonical, ...entity.aliases);
  return names.filter(Boolean).map(fold);
}

/** The quotations a command shows: no non-speech unless --all-quotes, only one speaker with --speaker. */
export function selectQuotes(analysis: Analysis, options: CliOptions): { quote: Quote; index: number }[] {
  const wanted = typeof options.speaker === 'string' && options.speaker.trim() ? fold(options.speaker) : undefined;
  return (analysis.quotes ?? [])
    .map((quote, index) => ({ quote, index }))
    .filter(({ quote }) => options.allQuotes === true || quote.kind !== 'mention')
    .filter(({ quote }) => {
      if (!wanted) return true;
      const names = speakerNames(quote, analysis);
      // a surname alone matches the full name: --speaker lavrov
      return names.some((n) => n === wanted || n.split(' ').includes(wanted) || n.includes(wanted));
    });
}

function item(quote: Quote, index: number, analysis: Analysis): Record<string, unknown> {
  const { line, column } = ((p) => ({ line: Number(p.split(':')[0]), column: Number(p.split(':')[1]) }))(position(analysis.text, quote.start));
  return {
    index,
    start: quote.start,
    end: quote.end,
    line,
    column,
    text: quote.text,
    parts: quote.parts,
    kind: quote.kind,
    ...(quote.why && { why: quote.why }),
    speaker: quote.speaker,
    verb: quote.verb,
    ...(quote.parent !== undefined && { parent: quote.parent }),
    ...(quote.unterminated && { unterminated: true }),
    confidence: quote.confidence,
    ...(quote.rule && { rule: quote.rule }),
  };
}

export const quotesCommand: CommandSpec = {
  name: 'quotes',
  summary: 'quotations with their speakers, reporting verbs and kinds',
  examples: [
    'extrait quotes article.txt',
    'extrait quotes --speaker lavrov fixtures/lavrov-washington.txt',
    'extrait quotes -f jsonl corpus/ | jq -r .speaker.name',
    'extrait quotes --all-quotes --explain article.txt',
  ],
  components: ['quotes'],
  fields: ['quotes'],
  items: (analysis, options) => selectQuotes(analysis, options).map(({ quote, index }) => item(quote, index, analysis)),
  columns: ['document', 'index', 'line', 'column', 'kind', 'speaker.name', 'speaker.type', 'speaker.method', 'verb.lemma', 'confidence', 'text'],
  table(analysis, options) {
    return {
      head: ['speaker', 'quotation', 'verb', 'line:col'],
      rows: selectQuotes(analysis, options).map(({ quote }) => [
        speakerLabel(quote),
        shorten(quote.parts.map((p) => p.text).join(' … '), 70),
        quote.verb?.lemma ?? '',
        position(analysis.text, quote.start),
      ]),
    };
  },
};

function speakerLabel(q: Quote): string {
  if (q.kind === 'mention') return `(${q.why ?? 'mention'})`;
  const s = q.speaker;
  if (!s || s.name === null) return s?.mention ? `? (${s.mention.text})` : '?';
  return s.described ? `${s.name} (role)` : s.inferred && s.mention ? `${s.name} (${s.mention.text})` : s.name;
}
