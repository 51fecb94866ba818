/**
 * Inputs: from paths, globs or standard input to decoded, normalised texts, one document at a time.
 *
 * - Decoding: a byte-order mark decides (UTF-8, UTF-16 LE/BE) and is removed; otherwise valid UTF-8 is
 *   UTF-8 and bytes that are not UTF-8 are read as Windows-1252 (warning `W_ENCODING`); NUL bytes mean a
 *   binary file (`E_INPUT_BINARY`) unless they look like BOM-less UTF-16.
 * - Normalising: CRLF/CR → LF and Unicode NFC. All offsets of an analysis refer to the normalised text.
 * - Formats: by extension (.txt .text → txt, .md .markdown → md, .html .htm .xhtml → html, .jsonl .ndjson →
 *   jsonl) or `inputFormat`; other extensions and stdin are guessed from their start (`{` → jsonl, an HTML
 *   page → html, else txt). HTML and Markdown become the text a reader sees (markup removed; offsets then
 *   refer to that text); read them with `inputFormat: 'txt'` to analyse the raw markup instead.
 * - Failed inputs are `ok: false` items with a stable code and a message; the library never prints.
 */
export { readInputs } from './read.js';
export { expandInputs } from './expand.js';
export { decodeBytes, decodeWindows1252 } from './decode.js';
export { normalizeText } from './normalize.js';
export { htmlToText, type HtmlText } from './html.js';
export { markdownToText, type MarkdownText } from './markdown.js';
export { readJsonl, jsonlRecord, type JsonlFields, type JsonlOrigin } from './jsonl.js';
export { formatOfPath, sniffFormat } from './format.js';
export { isoDate } from './meta-date.js';
export {
  INPUT_FORMATS,
  type InputFormat,
  type InputItem,
  type InputError,
  type ReadInputsOptions,
  type DecodedText,
  type TextEncoding,
} from './types.js';
