/**
 * The text every offset refers to: byte-order mark removed, CRLF and CR line ends made LF,
 * Unicode NFC (the decomposed accents of macOS files composed).
 */
export function normalizeText(text: string): string {
  let out = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (out.includes('\r')) out = lineFeeds(out);
  return out.normalize('NFC');
}

/**
 * CRLF and CR → LF. A regular expression is fastest for ordinary Windows text; a text dense with CRs
 * (hundreds of thousands of replacements) is copied unit by unit instead, which stays linear in practice.
 */
function lineFeeds(text: string): string {
  let crs = 0;
  for (let i = text.indexOf('\r'); i !== -1 && crs * 32 <= text.length; i = text.indexOf('\r', i + 1)) crs++;
  if (crs * 32 <= text.length) return text.replace(/\r\n?/g, '\n');
  const units = new Uint16Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      units[n++] = 10;
      if (text.charCodeAt(i + 1) === 10) i++;
    } else {
      units[n++] = c;
    }
  }
  return fromUnits(units, n);
}

/** String of UTF-16 code units, lone surrogates kept as they are (a TextDecoder would replace them). */
function fromUnits(units: Uint16Array, length: number): string {
  const parts: string[] = [];
  for (let i = 0; i < length; i += 8192) parts.push(String.fromCharCode(...units.subarray(i, Math.min(i + 8192, length))));
  return parts.join('');
}
