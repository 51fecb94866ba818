/**
 * The text every offset refers to: byte-order mark removed, CRLF and CR line ends made LF,
 * Unicode NFC (the decomposed accents of macOS files composed).
 */
export function normalizeText(text: string): string {
  let out = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (out.includes('\r')) out = out.replace(/\r\n?/g, '\n');
  return out.normalize('NFC');
}
