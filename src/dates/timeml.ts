import { ExtraitError } from '../core/errors.js';

/** One TIMEX3 of an ISO-TimeML document, with offsets into the plain text of its TEXT element. */
export interface TimemlTimex {
  start: number;
  end: number;
  text: string;
  tid: string;
  type: string;
  value: string;
  mod?: string;
  quant?: string;
}

export interface TimemlDocument {
  id: string;
  /** The document creation time (the DCT TIMEX3 value). */
  creationTime?: string;
  text: string;
  timexes: TimemlTimex[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (whole, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return ENTITIES[name] ?? whole;
  });
}

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([A-Za-z_:][\w:.-]*)\s*=\s*("([^"]*)"|'([^']*)')/g)) {
    out[m[1]!] = decodeEntities(m[3] ?? m[4] ?? '');
  }
  return out;
}

/**
 * Reads an ISO-TimeML document (French TimeBank): strips the inline tags of TEXT, keeps the TIMEX3
 * spans as offsets into the stripped text. Tags are scanned once, left to right.
 */
export function parseTimeml(xml: string, fallbackId = 'timeml'): TimemlDocument {
  const docId = /<DOCID>([^<]*)<\/DOCID>/.exec(xml)?.[1]?.trim() ?? fallbackId;
  const dctTag = /<DCT>\s*(<TIMEX3\b[^>]*>)/.exec(xml)?.[1];
  const creationTime = dctTag ? attributes(dctTag)['value'] : undefined;
  const open = xml.indexOf('<TEXT>');
  const close = xml.indexOf('</TEXT>');
  if (open < 0 || close < open) throw new ExtraitError('E_INPUT_PARSE', `${fallbackId}: no <TEXT> element`);
  const body = xml.slice(open + '<TEXT>'.length, close);
  let text = '';
  const timexes: TimemlTimex[] = [];
  const stack: { attrs: Record<string, string>; start: number }[] = [];
  let i = 0;
  while (i < body.length) {
    const lt = body.indexOf('<', i);
    const chunk = body.slice(i, lt < 0 ? body.length : lt);
    text += decodeEntities(chunk);
    if (lt < 0) break;
    const gt = body.indexOf('>', lt);
    if (gt < 0) throw new ExtraitError('E_INPUT_PARSE', `${fallbackId}: unclosed tag`);
    const tag = body.slice(lt, gt + 1);
    i = gt + 1;
    if (tag.startsWith('<TIMEX3') && !tag.endsWith('/>')) stack.push({ attrs: attributes(tag), start: text.length });
    else if (tag === '</TIMEX3>') {
      const top = stack.pop();
      if (!top) throw new ExtraitError('E_INPUT_PARSE', `${fallbackId}: stray </TIMEX3>`);
      const a = top.attrs;
      timexes.push({
        start: top.start,
        end: text.length,
        text: text.slice(top.start, text.length),
        tid: a['tid'] ?? '',
        type: a['type'] ?? '',
        value: a['value'] ?? '',
        ...(a['mod'] !== undefined && { mod: a['mod'] }),
        ...(a['quant'] !== undefined && { quant: a['quant'] }),
      });
    }
  }
  return { id: docId, ...(creationTime !== undefined && { creationTime }), text, timexes };
}
