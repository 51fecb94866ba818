export type OffsetUnit = 'codepoint' | 'utf16';

/**
 * Converts UTF-16 offsets into code point offsets (what Python, jq and spaCy count) for one text.
 * Texts without astral characters (most French text) need no table.
 */
export function offsetConverter(text: string): (offset: number) => number {
  let firstAstral = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      firstAstral = i;
      break;
    }
  }
  if (firstAstral < 0) return (offset) => offset;
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

/**
 * A deep copy of `value` where every object holding numeric `start` and `end` has them converted.
 * Index fields (tokenStart, sentenceEnd…) are left alone: they count tokens and sentences.
 */
export function convertOffsets<T>(value: T, convert: (offset: number) => number): T {
  if (Array.isArray(value)) return value.map((v) => convertOffsets(v, convert)) as T;
  if (value === null || typeof value !== 'object') return value;
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const isSpan = typeof source.start === 'number' && typeof source.end === 'number';
  for (const [key, v] of Object.entries(source)) {
    if (isSpan && (key === 'start' || key === 'end')) out[key] = convert(v as number);
    else out[key] = convertOffsets(v, convert);
  }
  return out as T;
}
