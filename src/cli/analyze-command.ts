import type { CommandSpec, TableView } from './spec.js';
import type { Analysis } from '../core/analysis.js';
import { ALL_FIELDS } from '../output/document-json.js';
import { position, shorten } from '../output/text.js';

/**
 * The default command: every component, JSON with every field. Its table and CSV rows gather the
 * views of the extraction commands whose results are present.
 */
export function makeAnalyzeCommand(extractors: readonly CommandSpec[]): CommandSpec {
  const present = (a: Analysis) => extractors.filter((spec) => spec.fields.every((f) => a[f] !== undefined));
  return {
    name: 'analyze',
    summary: 'everything extrait finds: sentences, tokens, entities, quotes, dates, topics',
    examples: [
      'extrait fixtures/lavrov-washington.txt',
      'extrait articles/ -f jsonl > analyses.jsonl',
      'cat article.html | extrait --input-format html -f json',
      'extrait corpus.jsonl --text-field body --only dates,quotes -f csv > out.csv',
    ],
    components: [],
    fields: ALL_FIELDS,
    items(analysis, options) {
      const rows: Record<string, unknown>[] = [];
      for (const spec of present(analysis)) {
        for (const item of spec.items(analysis, options)) rows.push({ item: spec.name, ...item });
      }
      return rows;
    },
    columns: ['document', 'item', 'start', 'end', 'text', 'type', 'kind', 'value', 'canonical', 'speaker.name', 'verb.lemma'],
    table(analysis, options): TableView {
      const views = present(analysis);
      if (views.length === 0) {
        return {
          head: ['#', 'line:col', 'sentence'],
          rows: analysis.sentences.map((s, i) => [String(i), position(analysis.text, s.start), shorten(s.text, 90)]),
        };
      }
      const [first, ...rest] = views.map((spec) => ({ spec, view: spec.table(analysis, options) }));
      return { ...first!.view, sections: rest.map(({ spec, view }) => ({ title: spec.name, view })) };
    },
  };
}
