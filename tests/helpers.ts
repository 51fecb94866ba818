import { expect } from 'vitest';

/** Every span must be its own text in the analysed text. */
export function expectSpansMatch(text: string, spans: readonly { start: number; end: number; text: string }[]): void {
  for (const span of spans) {
    expect(text.slice(span.start, span.end), `span ${span.start}-${span.end}`).toBe(span.text);
  }
}
