/**
 * Binary search over a sorted sequence: the first index in [0, length) for which `before(index)`
 * is false (or `length`). `before` must hold for a prefix of the indices and fail for the rest.
 */
export function lowerBound(length: number, before: (index: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
