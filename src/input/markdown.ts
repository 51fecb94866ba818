/**
 * Markdown → the text a reader sees: markup (#, >, list markers, *emphasis*, `code` ticks, link targets,
 * images, HTML tags, front matter) is removed, line structure kept. Offsets of the analysis then refer to
 * this stripped text (shown by `--include-text`); read a .md file with `inputFormat: 'txt'` to keep it raw.
 * Every step is a left-to-right scan: linear time on any input.
 */
export interface MarkdownText {
  text: string;
  title?: string;
  date?: string;
}

export function markdownToText(markdown: string): MarkdownText {
  const lines = markdown.split('\n');
  const out: string[] = [];
  const result: MarkdownText = { text: '' };
  let start = 0;
  if (/^(?:---|\+\+\+)[ \t]*$/.test(lines[0] ?? '')) {
    const fence = lines[0]!.trim();
    const end = lines.findIndex((line, i) => i > 0 && (line.trim() === fence || (fence === '---' && line.trim() === '...')));
    if (end > 0) {
      Object.assign(result, frontMatter(lines.slice(1, end)));
      start = end + 1;
    }
  }
  let fence: string | undefined;
  for (let i = start; i < lines.length; i++) {
    const line = lines[i]!;
    const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence !== undefined) {
      if (fenceMatch && fenceMatch[1]![0] === fence[0] && fenceMatch[1]!.length >= fence.length && line.trim() === fenceMatch[1]) fence = undefined;
      else out.push(line);
      continue;
    }
    if (fenceMatch) {
      fence = fenceMatch[1]!;
      continue;
    }
    const previous = out.length > 0 ? out[out.length - 1]! : '';
    if (isSetextUnderline(line) && previous.trim() !== '' && !isThematicBreak(lines[i - 1] ?? '')) {
      if (result.title === undefined && line.trim()[0] === '=') result.title = previous.trim();
      continue;
    }
    if (isTableDelimiterRow(line) || /^ {0,3}\[[^\]\n]+\]:\s*\S/.test(line)) continue;
    if (isThematicBreak(line)) {
      out.push('');
      continue;
    }
    const block = stripBlockMarkers(line);
    const text = inlineText(block.text);
    if (block.heading === 1 && result.title === undefined) result.title = text.trim();
    out.push(text);
  }
  // Lines of markup only (images, link definitions, rules) leave no run of blank lines behind.
  result.text = out.join('\n').replace(/\n{3,}/g, '\n\n').replace(/\n+$/, markdown.endsWith('\n') ? '\n' : '');
  return result;
}

function frontMatter(lines: string[]): { title?: string; date?: string } {
  const fields: { title?: string; date?: string } = {};
  for (const line of lines) {
    const m = /^(title|date)\s*[:=]\s*(.*)$/i.exec(line);
    if (!m) continue;
    const value = m[2]!.trim().replace(/^(["'])(.*)\1$/, '$2');
    if (value) fields[m[1]!.toLowerCase() as 'title' | 'date'] = value;
  }
  return fields;
}

function isSetextUnderline(line: string): boolean {
  return /^ {0,3}(?:=+|-+)[ \t]*$/.test(line);
}

function isThematicBreak(line: string): boolean {
  const compact = line.replace(/[ \t]/g, '');
  return compact.length >= 3 && /^(?:-+|\*+|_+)$/.test(compact) && /^ {0,3}\S/.test(line);
}

function isTableDelimiterRow(line: string): boolean {
  return line.includes('|') && line.includes('-') && /^[ \t|:-]+$/.test(line);
}

function stripBlockMarkers(line: string): { text: string; heading: number } {
  let rest = line.replace(/^ {0,3}(?:> ?)+/, '');
  const heading = /^ {0,3}(#{1,6})(?:[ \t]+|$)/.exec(rest);
  if (heading) {
    rest = trimSpacesEnd(rest.slice(heading[0].length));
    const closing = /(?:^|[ \t])#+$/.exec(rest);
    if (closing) rest = rest.slice(0, closing.index);
    return { text: rest, heading: heading[1]!.length };
  }
  rest = rest.replace(/^[ \t]*[-*+][ \t]+(?:\[[ xX]\][ \t]+)?/, '');
  if (/^[ \t]*\|.*\|[ \t]*$/.test(rest)) rest = rest.trim().slice(1, -1).trim();
  return { text: rest, heading: 0 };
}

/** Spaces and tabs at the end removed (a loop: `/[ \t]+$/` retries every space of a long run). */
function trimSpacesEnd(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  return text.slice(0, end);
}

const PUNCT = /[\p{P}\p{S}]/u;
const SPACE = /\s/;
const ESCAPABLE = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';
const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', laquo: '«', raquo: '»', hellip: '…', rsquo: '’', lsquo: '‘', ldquo: '“', rdquo: '”', ndash: '–', mdash: '—', eacute: 'é', egrave: 'è', agrave: 'à', ccedil: 'ç', oelig: 'œ', euro: '€' };

interface Delimiter {
  piece: number;
  char: string;
  count: number;
}

/** Inline markup of one line: escapes, code spans, links and images, emphasis, HTML tags, entities. */
export function inlineText(line: string): string {
  const pieces: string[] = [];
  const brackets: { piece: number; image: boolean }[] = [];
  const openers: Record<string, Delimiter[]> = { '*': [], _: [] };
  const ticks = backtickRuns(line);
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (c === '\\' && i + 1 < line.length && ESCAPABLE.includes(line[i + 1]!)) {
      pieces.push(line[i + 1]!);
      i += 2;
    } else if (c === '`') {
      const run = runLength(line, i, '`');
      const close = ticks.closer(i, run);
      if (close === -1) pieces.push(line.slice(i, i + run));
      else pieces.push(codeSpan(line.slice(i + run, close)));
      i = close === -1 ? i + run : close + run;
    } else if (c === '!' && line[i + 1] === '[') {
      brackets.push({ piece: pieces.length, image: true });
      pieces.push('![');
      i += 2;
    } else if (c === '[') {
      brackets.push({ piece: pieces.length, image: false });
      pieces.push('[');
      i++;
    } else if (c === ']' && brackets.length > 0) {
      const opener = brackets.pop()!;
      const end = linkEnd(line, i + 1);
      if (end === -1) {
        pieces.push(']');
        i++;
        continue;
      }
      if (opener.image) pieces.length = opener.piece;
      else pieces[opener.piece] = '';
      i = end;
    } else if (c === '*' || c === '_') {
      const run = runLength(line, i, c);
      emphasis(line, i, run, c, pieces, openers);
      i += run;
    } else if (c === '<') {
      const tag = /^<(?:(https?:\/\/[^\s<>]*|[^\s<>@]+@[^\s<>@]+)>|\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>|!--[^<>]*-->)/.exec(line.slice(i, i + 2048));
      if (tag) {
        if (tag[1] !== undefined) pieces.push(tag[1]);
        i += tag[0].length;
      } else {
        pieces.push('<');
        i++;
      }
    } else if (c === '&') {
      const entity = /^&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z]{2,8}));/.exec(line.slice(i, i + 12));
      const decoded = entity ? decodeEntity(entity) : undefined;
      pieces.push(decoded ?? '&');
      i += decoded !== undefined ? entity![0].length : 1;
    } else {
      let j = i + 1;
      while (j < line.length && !'\\`![]*_<&'.includes(line[j]!)) j++;
      pieces.push(line.slice(i, j));
      i = j;
    }
  }
  return pieces.join('');
}

function codeSpan(content: string): string {
  return content.length > 2 && content[0] === ' ' && content[content.length - 1] === ' ' && content.trim() !== '' ? content.slice(1, -1) : content;
}

function runLength(line: string, i: number, c: string): number {
  let j = i;
  while (line[j] === c) j++;
  return j - i;
}

/** Backtick runs by length, so that each opener finds its closer without rescanning the line. */
function backtickRuns(line: string): { closer(from: number, length: number): number } {
  const byLength = new Map<number, number[]>();
  for (let i = line.indexOf('`'); i !== -1; ) {
    const run = runLength(line, i, '`');
    if (i === 0 || line[i - 1] !== '\\') {
      const list = byLength.get(run) ?? [];
      list.push(i);
      byLength.set(run, list);
    }
    i = line.indexOf('`', i + run);
  }
  const cursor = new Map<number, number>();
  return {
    closer(from, length) {
      const list = byLength.get(length);
      if (!list) return -1;
      let k = cursor.get(length) ?? 0;
      while (k < list.length && list[k]! <= from) k++;
      cursor.set(length, k);
      return k < list.length ? list[k]! : -1;
    },
  };
}

/**
 * Where a link or image ends after its `]`: `(destination "title")`, `[reference]` or `[]`; -1 when none.
 * Scans stop at the next bracket, so each part of the line is scanned once.
 */
function linkEnd(line: string, i: number): number {
  if (line[i] === '(') {
    let j = i + 1;
    let depth = 0;
    while (j < line.length && line[j] === ' ') j++;
    for (; j < line.length; j++) {
      const c = line[j]!;
      if (c === '[' || c === ']' || c === ' ' || c === '\t') break;
      if (c === '(') depth++;
      else if (c === ')') {
        if (depth === 0) return j + 1;
        depth--;
      }
    }
    while (j < line.length && line[j] === ' ') j++;
    const quote = line[j];
    if (quote === '"' || quote === "'") {
      j++;
      while (j < line.length && line[j] !== quote && line[j] !== '[' && line[j] !== ']') j++;
      if (line[j] !== quote) return -1;
      j++;
      while (j < line.length && line[j] === ' ') j++;
    }
    return line[j] === ')' ? j + 1 : -1;
  }
  if (line[i] === '[') {
    let j = i + 1;
    while (j < line.length && line[j] !== ']' && line[j] !== '[') j++;
    return line[j] === ']' ? j + 1 : -1;
  }
  return -1;
}

/** CommonMark flanking rules decide whether a run of * or _ opens or closes emphasis; matched runs are removed. */
function emphasis(line: string, i: number, run: number, c: string, pieces: string[], openers: Record<string, Delimiter[]>): void {
  const before = i > 0 ? line[i - 1]! : ' ';
  const after = i + run < line.length ? line[i + run]! : ' ';
  const beforeSpace = SPACE.test(before);
  const afterSpace = SPACE.test(after);
  const beforePunct = PUNCT.test(before);
  const afterPunct = PUNCT.test(after);
  const leftFlanking = !afterSpace && (!afterPunct || beforeSpace || beforePunct);
  const rightFlanking = !beforeSpace && (!beforePunct || afterSpace || afterPunct);
  const canOpen = c === '*' ? leftFlanking : leftFlanking && (!rightFlanking || beforePunct);
  const canClose = c === '*' ? rightFlanking : rightFlanking && (!leftFlanking || afterPunct);
  const stack = openers[c]!;
  let count = run;
  const piece = pieces.length;
  pieces.push(c.repeat(run));
  if (canClose) {
    while (count > 0 && stack.length > 0) {
      const opener = stack[stack.length - 1]!;
      const used = Math.min(opener.count, count);
      opener.count -= used;
      count -= used;
      pieces[opener.piece] = c.repeat(opener.count);
      if (opener.count === 0) stack.pop();
    }
    pieces[piece] = c.repeat(count);
  }
  if (count > 0 && canOpen) stack.push({ piece, char: c, count });
}

function decodeEntity(m: RegExpExecArray): string | undefined {
  if (m[3] !== undefined) return NAMED_ENTITIES[m[3]];
  const code = m[1] !== undefined ? Number.parseInt(m[1], 10) : Number.parseInt(m[2]!, 16);
  return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : undefined;
}
