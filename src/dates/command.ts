import type { CliOptions, CommandSpec, OptionRow, TableView } from '../cli/spec.js';
import type { Analysis } from '../core/analysis.js';
import { lineColumn } from '../core/position.js';
import { shorten } from '../output/text.js';
import { addMonths, seasonMonths, toDays } from './calendar.js';
import type { TimeExpression } from './types.js';

export const datesOptions: OptionRow[] = [
  {
    flags: '--timeline',
    description: 'dates in time order, each with the sentence it comes from (durations, sets and unresolved values left out)',
    commands: ['dates'],
    default: false,
  },
];

/**
 * Where a value starts on the time line, in days since 1970 (minutes as fractions), or undefined
 * when it does not name a point or period (durations, sets, XXXX-05-10, PRESENT_REF).
 */
export function timelineKey(e: TimeExpression): number | undefined {
  const value = e.type === 'interval' ? e.from : e.value;
  if (!value || e.type === 'duration' || e.type === 'set' || value.includes('X') || value.endsWith('_REF')) return undefined;
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(value);
  if (m) return toDays({ y: +m[1]!, m: +m[2]!, d: +m[3]! }) + (m[4] ? (+m[4] * 60 + +m[5]!) / 1440 : 0);
  m = /^(\d{4})-W(\d{2})/.exec(value);
  if (m) {
    const jan4 = toDays({ y: +m[1]!, m: 1, d: 4 });
    const monday = jan4 - ((((jan4 + 3) % 7) + 7) % 7);
    return monday + 7 * (+m[2]! - 1);
  }
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) return toDays({ y: +m[1]!, m: +m[2]!, d: 1 });
  m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value);
  if (m) {
    const { from } = seasonMonths(+m[1]!, m[2]!);
    return toDays({ y: from.y, m: from.m, d: 1 });
  }
  m = /^(\d{4})-([QH])(\d)$/.exec(value);
  if (m) {
    const first = addMonths(+m[1]!, 1, (+m[3]! - 1) * (m[2] === 'Q' ? 3 : 6));
    return toDays({ y: first.y, m: first.m, d: 1 });
  }
  if (/^\d{4}$/.test(value)) return toDays({ y: +value, m: 1, d: 1 });
  if (/^\d{3}$/.test(value)) return toDays({ y: +value * 10, m: 1, d: 1 });
  if (/^\d{2}$/.test(value)) return toDays({ y: +value * 100, m: 1, d: 1 });
  return undefined;
}

function sentenceOf(analysis: Analysis, offset: number): number {
  let lo = 0;
  let hi = analysis.sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (analysis.sentences[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The value a reader wants to see: the ISO value, the duration, with mod and part of day. */
function shownValue(e: TimeExpression): string {
  const base = e.type === 'duration' || (e.type === 'set' && !e.value) ? e.duration ?? '' : e.value ?? '?';
  const notes = [e.pod, e.mod, e.type === 'set' && e.value ? e.duration : undefined].filter(Boolean);
  return notes.length ? `${base} (${notes.join(', ')})` : base;
}

function ordered(analysis: Analysis, options: CliOptions): { e: TimeExpression; index: number; key?: number }[] {
  const all = (analysis.dates ?? []).map((e, index) => ({ e, index, key: timelineKey(e) }));
  if (options.timeline !== true) return all;
  return all.filter((x) => x.key !== undefined).sort((a, b) => a.key! - b.key! || a.e.start - b.e.start);
}

function item(analysis: Analysis, e: TimeExpression, index: number, withSentence: boolean): Record<string, unknown> {
  const { line, column } = lineColumn(analysis.text, e.start);
  const sentence = sentenceOf(analysis, e.start);
  return {
    index,
    start: e.start,
    end: e.end,
    line,
    column,
    text: e.text,
    type: e.type,
    value: e.value,
    ...(e.grain && { grain: e.grain }),
    ...(e.from !== undefined && { from: e.from, last: e.last, to: e.to }),
    ...(e.duration && { duration: e.duration }),
    ...(e.mod && { mod: e.mod }),
    ...(e.pod && { pod: e.pod }),
    stated: e.stated,
    ...(e.reference && { reference: e.reference }),
    ...(e.referenceSource && { referenceSource: e.referenceSource }),
    ...(e.anchor && { anchor: e.anchor }),
    ...(e.vague && { vague: true }),
    ...(e.parts && { parts: e.parts }),
    ...(e.rule && { rule: e.rule }),
    sentence,
    ...(withSentence && analysis.sentences[sentence] && { sentenceText: analysis.sentences[sentence]!.text }),
  };
}

export const datesCommand: CommandSpec = {
  name: 'dates',
  summary: 'dates, times, durations and intervals normalised to ISO 8601',
  examples: [
    'extrait dates article.txt',
    'extrait dates --ref-date 2017-05-11 fixtures/lavrov-washington.txt',
    'extrait dates --timeline article.txt',
    'extrait dates -f jsonl corpus.jsonl | jq -r .value',
    'extrait dates --explain -f csv article.txt',
  ],
  components: ['dates'],
  fields: ['dates'],
  items: (analysis, options) => ordered(analysis, options).map(({ e, index }) => item(analysis, e, index, options.timeline === true)),
  columns: ['document', 'index', 'line', 'column', 'text', 'type', 'value', 'grain', 'from', 'last', 'to', 'duration', 'mod', 'pod', 'stated', 'reference', 'anchor', 'rule'],
  table(analysis, options): TableView {
    const rows = ordered(analysis, options);
    const explain = rows.some(({ e }) => e.rule);
    if (options.timeline === true) {
      return {
        head: ['value', 'expression', 'sentence', ...(explain ? ['rule'] : [])],
        rows: rows.map(({ e }) => [shownValue(e), e.text, shorten(analysis.sentences[sentenceOf(analysis, e.start)]?.text ?? '', 70), ...(explain ? [e.rule ?? ''] : [])]),
      };
    }
    return {
      head: ['expression', 'value', 'type', 'line:col', ...(explain ? ['rule'] : [])],
      rows: rows.map(({ e }) => {
        const at = lineColumn(analysis.text, e.start);
        return [e.text, shownValue(e), e.type, `${at.line}:${at.column}`, ...(explain ? [e.rule ?? ''] : [])];
      }),
    };
  },
};
