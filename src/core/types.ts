/** A span of the analysed text: `text === analysedText.slice(start, end)`, end exclusive, UTF-16 offsets. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

export type TokenKind =
  | 'word'
  | 'number'
  | 'ordinal'
  | 'punct'
  | 'symbol'
  | 'url'
  | 'email'
  | 'handle'
  | 'hashtag'
  | 'emoji'
  | 'abbreviation';

/** A syntactic word under a contracted surface token: du → de + le. */
export interface SyntacticWord {
  form: string;
  lemma?: string;
  pos?: string;
}

export interface Token extends Span {
  kind: TokenKind;
  /** Universal Dependencies UPOS tag, set by the `pos` component. */
  pos?: string;
  /** Lemma, set by the `pos` component. */
  lemma?: string;
  /** Syntactic words of a multiword token (du, au, des, auquel…), set by the `pos` component. */
  parts?: SyntacticWord[];
}

export interface Sentence extends Span {
  /** Index of the first token of the sentence and one past its last token. */
  tokenStart: number;
  tokenEnd: number;
  paragraph: number;
}

export interface Paragraph extends Span {
  /** Index of the first sentence of the paragraph and one past its last sentence. */
  sentenceStart: number;
  sentenceEnd: number;
}

/** Metadata about a document that came with the input rather than from its text. */
export interface DocumentMeta {
  /** Identifier: the JSONL id field, else the file path (with line number for JSONL), else `stdin`. */
  id: string;
  /** Where the document came from: a path, `path:line` for JSONL, or `-` for standard input. */
  source: string;
  /** Publication date (YYYY-MM-DD or full ISO) given by the input (JSONL date field, HTML meta). */
  date?: string;
  /** Title given by the input (HTML <title>, JSONL title field). */
  title?: string;
}

/** The tokenised text every component reads. */
export interface Document extends DocumentMeta {
  /** The analysed text: decoded, BOM removed, line ends normalised to LF, Unicode NFC. */
  text: string;
  paragraphs: Paragraph[];
  sentences: Sentence[];
  tokens: Token[];
}

export interface Warning {
  code: string;
  message: string;
}
