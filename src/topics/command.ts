import type { CliOptions, CommandSpec, OptionRow, TableView } from '../cli/spec.js';
import type { Analysis } from '../core/analysis.js';
import { ExtraitError } from '../core/errors.js';
import { rankCorpus } from './corpus.js';
import { compareText } from './collate.js';
import { readSchemeFile } from './scheme.js';
import type { Topics } from './types.js';

export const topicsOptions: OptionRow[] = [
  {
    flags: '--corpus',
    description: 'rank key phrases across all the documents (TF-IDF over them) and show how many documents use each',
    commands: ['topics'],
    default: false,
  },
  {
    flags: '--categories <file>',
    description: 'your own category scheme: label<TAB>term[<TAB>weight] lines, or JSON {"label": ["term", …]}',
    commands: ['topics', 'analyze'],
    analyzeOption: 'categories',
    parse: (path) => readSchemeFile(path),
  },
  {
    flags: '--top <n>',
    description: 'key phrases shown per document (at most 10), or for the corpus with --corpus (default 30)',
    commands: ['topics'],
    parse: (value) => topOption(value),
  },
];

function topOption(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new ExtraitError('E_USAGE', `--top: expected a positive whole number, got "${String(value)}"`);
  return n;
}

const topicsOf = (analysis: Analysis): Topics => analysis.topics ?? { categories: [], keyphrases: [], scheme: 'built-in' };

/** "politique 0.62 · international 0.21", or "(none)". */
export function categoriesLine(topics: Topics): string {
  const labels = topics.categories.map((c) => `${c.label} ${c.score.toFixed(2)}`);
  return `categories: ${labels.length ? labels.join(' · ') : '(none)'}`;
}

function phrases(analysis: Analysis, options: CliOptions) {
  const top = topOption(options.top) ?? 10;
  return topicsOf(analysis).keyphrases.slice(0, top);
}

function corpusView(analyses: readonly Analysis[], options: CliOptions): { table: TableView; items: Record<string, unknown>[] } {
  const ranked = rankCorpus(analyses, { max: topOption(options.top) ?? 30, ...(options.categories !== undefined && { categories: options.categories }) });
  const labels = new Map<string, number>();
  for (const a of analyses) {
    const first = a.topics?.categories[0]?.label;
    if (first) labels.set(first, (labels.get(first) ?? 0) + 1);
  }
  const byLabel = [...labels].sort((a, b) => b[1] - a[1] || compareText(a[0], b[0])).map(([l, n]) => `${l} ${n}`);
  return {
    table: {
      head: ['phrase', 'score', 'documents', 'count'],
      rows: ranked.map((p) => [p.text, p.score.toFixed(2), String(p.documents), String(p.count)]),
      notes: [
        `${analyses.length} document${analyses.length === 1 ? '' : 's'}; first category per document: ${byLabel.length ? byLabel.join(' · ') : '(none)'}`,
      ],
    },
    items: ranked.map((p, i) => ({ kind: 'phrase', rank: i + 1, text: p.text, lemma: p.lemma, score: p.score, documents: p.documents, count: p.count, ids: p.ids })),
  };
}

export const topicsCommand: CommandSpec = {
  name: 'topics',
  summary: 'key phrases (noun phrases, entities once) and subject categories; --corpus ranks phrases across documents',
  examples: [
    'extrait topics article.txt',
    'extrait topics --corpus articles/',
    'extrait topics --categories my-scheme.tsv -f json article.txt',
    'extrait topics -f csv corpus.jsonl > topics.csv',
  ],
  // entities first: topics lists an entity once and lets its type feed the categories
  components: ['entities', 'topics'],
  fields: ['topics'],
  items(analysis, options) {
    const topics = topicsOf(analysis);
    return [
      ...topics.categories.map((c, i) => ({ kind: 'category', rank: i + 1, text: c.label, score: c.score, ...(c.cues && { cues: c.cues }) })),
      ...phrases(analysis, options).map((p, i) => ({
        kind: 'phrase',
        rank: i + 1,
        text: p.text,
        lemma: p.lemma,
        score: p.score,
        count: p.count,
        spans: p.spans,
        ...(p.entity && { entity: p.entity }),
        ...(p.rule && { rule: p.rule }),
      })),
    ];
  },
  columns: ['document', 'kind', 'rank', 'text', 'lemma', 'score', 'count'],
  table(analysis, options) {
    const topics = topicsOf(analysis);
    const explain = options.explain === true;
    return {
      head: explain ? ['phrase', 'score', 'count', 'rule'] : ['phrase', 'score', 'count'],
      rows: phrases(analysis, options).map((p) => {
        const row = [p.text, p.score.toFixed(2), String(p.count)];
        return explain ? [...row, p.entity ? `entity ${p.entity.type}` : (p.rule ?? '')] : row;
      }),
      notes: [
        categoriesLine(topics),
        ...(explain ? topics.categories.filter((c) => c.cues?.length).map((c) => `  ${c.label}: ${c.cues!.join(', ')}`) : []),
        ...(topics.scheme !== 'built-in' ? [`scheme: ${topics.scheme}`] : []),
      ],
    };
  },
  corpus: corpusView,
};
