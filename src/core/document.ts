import type { Document, DocumentMeta } from './types.js';
import { tokenize } from '../tokenize/index.js';
import { segmentSentences, splitParagraphs } from '../sentences/index.js';

/** Builds the document model of an already normalised text (see `normalizeText`). */
export function createDocument(text: string, meta: Partial<DocumentMeta> = {}): Document {
  const tokens = tokenize(text);
  const paragraphs = splitParagraphs(text);
  const sentences = segmentSentences(text, tokens, paragraphs);
  return {
    id: meta.id ?? 'text',
    source: meta.source ?? meta.id ?? '-',
    ...(meta.date !== undefined && { date: meta.date }),
    ...(meta.title !== undefined && { title: meta.title }),
    text,
    paragraphs,
    sentences,
    tokens,
  };
}
