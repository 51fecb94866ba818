export type OffsetUnit = 'codepoint' | 'utf16';

/**
 * Converts UTF-16 offsets into code point offsets (what Python, jq and spaCy count) for one text;
 * undefined when the two agree, as in texts without astral characters (most French text).
 */
export function offsetConverter(text: string): ((offset: number) => number) | undefined {
  let firstAstral = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      firstAstral = i;
      break;
    }
  }
  if (firstAstral < 0) return undefined;
  const table = new Int32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i <= text.length; i++) {
    table[i] = cp;
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        table[++i] = cp;
      }
    }
    cp++;
  }
  return (offset) => table[offset]!;
}

export interface OutputShape {
  /** Drop the `rule` fields (only `--explain` shows them). */
  dropRules: boolean;
  /** Converts the `start` and `end` of spans; none: they stay as they are. */
  convert?: (offset: number) => number;
}

/**
 * A value as output shows it, in one pass: a deep copy without `rule` fields and with every object
 * holding numeric `start` and `end` converted; the value itself when there is nothing to change.
 * Index fields (tokenStart, sentenceEnd…) are left alone: they count tokens and sentences.
 */
export function shapeForOutput<T>(value: T, shape: OutputShape): T {
  if (!shape.dropRules && !shape.convert) return value;
  return copy(value, shape.dropRules, shape.convert) as T;
}

function copy(value: unknown, dropRules: boolean, convert: ((offset: number) => number) | undefined): unknown {
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = copy(value[i], dropRules, convert);
    return out;
  }
  if (value === null || typeof value !== 'object') return value;
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const isSpan = convert !== undefined && typeof source.start === 'number' && typeof source.end === 'number';
  for (const key in source) {
    const v = source[key];
    if (dropRules && key === 'rule') continue;
    out[key] = isSpan && (key === 'start' || key === 'end') ? convert(v as number) : copy(v, dropRules, convert);
  }
  return out;
}
