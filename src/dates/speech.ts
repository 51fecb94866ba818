const SPEECH_CHARS = /[\n«»“”"]/g;

/**
 * Character ranges of reported speech: text inside « », “ ” or straight quotes, and dialogue
 * paragraphs opening with a dash. One left-to-right scan; straight quotes pair within a paragraph.
 */
export function speechRanges(text: string): { start: number; end: number }[] {
  const ranges: { start: number; end: number }[] = [];
  let depth = 0;
  let open = -1;
  let straightOpen = -1;
  let curlyOpen = -1;
  const close = (start: number, end: number) => {
    if (start >= 0 && end > start) ranges.push({ start, end });
  };
  if (/^[—–]/.test(text)) {
    const stop = text.indexOf('\n');
    close(0, stop < 0 ? text.length : stop);
  }
  // only line ends and quotation marks do anything: jump from one to the next (the text's end counts as a line end)
  for (let i = 0; i <= text.length; i++) {
    SPEECH_CHARS.lastIndex = i;
    const found = SPEECH_CHARS.exec(text);
    i = found ? found.index : text.length;
    const c = i < text.length ? text[i] : '\n';
    // a paragraph ends every open quotation; one that goes on opens the next paragraph with « again
    if (c === '\n' && (i + 1 >= text.length || text[i + 1] === '\n')) {
      if (depth > 0) close(open, i);
      depth = 0;
      straightOpen = -1;
      curlyOpen = -1;
    }
    if (c === '\n') {
      const next = i + 1;
      const line = text.slice(next, next + 2);
      if (/^[—–]\s?/.test(line)) {
        const stop = text.indexOf('\n', next);
        close(next, stop < 0 ? text.length : stop);
      }
      continue;
    }
    if (c === '«') {
      if (depth === 0) open = i + 1;
      depth++;
    } else if (c === '»' && depth > 0) {
      depth--;
      if (depth === 0) close(open, i);
    } else if (c === '“' && depth === 0) curlyOpen = i + 1;
    else if (c === '”' && curlyOpen >= 0 && depth === 0) {
      close(curlyOpen, i);
      curlyOpen = -1;
    } else if (c === '"' && depth === 0) {
      if (straightOpen < 0) straightOpen = i + 1;
      else {
        close(straightOpen, i);
        straightOpen = -1;
      }
    }
  }
  return ranges.sort((a, b) => a.start - b.start);
}

/** Whether offset lies in one of the (sorted) ranges. */
export function insideRanges(ranges: readonly { start: number; end: number }[], offset: number): { start: number; end: number } | undefined {
  let lo = 0;
  let hi = ranges.length - 1;
  let found: { start: number; end: number } | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = ranges[mid]!;
    if (r.start <= offset) {
      if (offset < r.end) found = r;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found) return found;
  // ranges may nest (a dialogue line holding quotes): fall back to a scan of those starting before
  for (let k = Math.min(lo, ranges.length) - 1; k >= 0 && k >= lo - 8; k--) {
    const r = ranges[k]!;
    if (r.start <= offset && offset < r.end) return r;
  }
  return undefined;
}
