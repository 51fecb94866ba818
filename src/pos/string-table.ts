/**
 * A set of strings numbered 0…n-1 and found by hash, stored as three typed arrays (compiled
 * files keep them as sections): a lookup hashes the UTF-16 code units of a string — or of a slice
 * of one, without making it — and compares them with the stored ones. No allocation.
 */
export interface StringTable {
  /** String ids by hash (-1: empty), linear probing. */
  slots: Int32Array;
  /** String i is chars[stringStart[i], stringStart[i + 1]). */
  stringStart: Uint32Array;
  chars: Uint16Array;
}

function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x45d9f3b);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Hash of s[start, end) by UTF-16 code units. */
export function hashRange(s: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return finish(h);
}

/** Hash of up to four integers (a tuple key). */
export function hashInts(a: number, b: number, c: number, d: number): number {
  let h = Math.imul(0x811c9dc5 ^ a, 0x01000193);
  h = Math.imul(h ^ b, 0x01000193);
  h = Math.imul(h ^ c, 0x01000193);
  return finish(Math.imul(h ^ d, 0x01000193));
}

/** A power of two at least 1.5 times `count`: the table stays at most two thirds full. */
export function tableSize(count: number): number {
  let size = 16;
  while (size < count * 1.5) size *= 2;
  return size;
}

/** The table of the strings, numbered in the order given (no duplicates). */
export function buildStringTable(strings: readonly string[]): StringTable {
  const stringStart = new Uint32Array(strings.length + 1);
  let total = 0;
  strings.forEach((s, i) => {
    stringStart[i] = total;
    total += s.length;
  });
  stringStart[strings.length] = total;
  const chars = new Uint16Array(total);
  const slots = new Int32Array(tableSize(strings.length)).fill(-1);
  const mask = slots.length - 1;
  strings.forEach((s, i) => {
    for (let k = 0; k < s.length; k++) chars[stringStart[i]! + k] = s.charCodeAt(k);
    let at = hashRange(s, 0, s.length) & mask;
    while (slots[at]! >= 0) at = (at + 1) & mask;
    slots[at] = i;
  });
  return { slots, stringStart, chars };
}

/** Id of the string s[start, end), or -1 when the table does not hold it. */
export function findString(t: StringTable, s: string, start: number, end: number): number {
  const { slots, stringStart, chars } = t;
  const mask = slots.length - 1;
  const length = end - start;
  for (let at = hashRange(s, start, end) & mask; ; at = (at + 1) & mask) {
    const id = slots[at]!;
    if (id < 0) return -1;
    const from = stringStart[id]!;
    if (stringStart[id + 1]! - from !== length) continue;
    let i = 0;
    while (i < length && chars[from + i] === s.charCodeAt(start + i)) i++;
    if (i === length) return id;
  }
}
