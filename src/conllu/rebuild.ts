import type { ConlluSentence } from './index.js';

export interface SpanPair {
  start: number;
  end: number;
}

/** A running text rebuilt from CoNLL-U sentences, with the gold token and sentence spans in it. */
export interface RebuiltText {
  text: string;
  tokens: SpanPair[];
  sentences: SpanPair[];
  /** Sentences whose tokens could not be found in their `# text` (left out of the gold). */
  misaligned: number;
}

/** Ends with . ! ? … and maybe closing quotes or brackets: a sentence a writer punctuated. */
const TERMINAL = /[.!?…]["»”’)\]]*$/u;

/**
 * Joins the `# text` lines into one text: a space after a sentence that ends with punctuation,
 * a line break after one that does not (a headline), as a news text would be laid out.
 * Token spans are found by walking each sentence text left to right.
 */
export function rebuildText(sentences: readonly ConlluSentence[]): RebuiltText {
  const out: RebuiltText = { text: '', tokens: [], sentences: [], misaligned: 0 };
  let text = '';
  for (const sentence of sentences) {
    const own = sentence.text.trim();
    const spans = alignTokens(own, sentence.tokens.map((t) => t.form));
    if (!spans) {
      out.misaligned++;
      continue;
    }
    if (text.length > 0) text += TERMINAL.test(text) ? ' ' : '\n';
    const offset = text.length;
    text += own;
    out.sentences.push({ start: offset, end: offset + own.length });
    for (const s of spans) out.tokens.push({ start: s.start + offset, end: s.end + offset });
  }
  out.text = text;
  return out;
}

function alignTokens(text: string, forms: readonly string[]): SpanPair[] | undefined {
  const spans: SpanPair[] = [];
  let at = 0;
  for (const form of forms) {
    while (at < text.length && /\s/.test(text[at]!)) at++;
    if (text.startsWith(form, at)) {
      spans.push({ start: at, end: at + form.length });
      at += form.length;
      continue;
    }
    return undefined;
  }
  return spans;
}
