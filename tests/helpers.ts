import { expect } from 'vitest';

/** Every span must be its own text in the analysed text. */
export function expectSpansMatch(text: string, spans: readonly { start: number; end: number; text: string }[]): void {
  for (const span of spans) {
    expect(text.slice(span.start, span.end), `span ${span.start}-${span.end}`).toBe(span.text);
  }
}

/**
 * Checks that `run` grows linearly: ten times the input may take at most 60 times as long (a
 * quadratic scan takes about 100 times; memory effects on 1 MB strings cost linear code up to ~45). Best of three runs per size, so a busy machine does not
 * fail it; no absolute timing is asserted.
 */
export async function expectLinear(run: (size: number) => unknown, label = ''): Promise<void> {
  const time = async (size: number, runs = 3) => {
    let best = Infinity;
    for (let k = 0; k < runs; k++) {
      const t0 = performance.now();
      await run(size);
      best = Math.min(best, performance.now() - t0);
    }
    return best;
  };
  await time(10_000, 1);
  const small = Math.max(await time(100_000), 2);
  const large = await time(1_000_000, 2);
  expect(large / small, `${label}: 100 kB ${small.toFixed(1)} ms, 1 MB ${large.toFixed(1)} ms`).toBeLessThan(60);
}
