import { ExtraitError } from '../core/errors.js';
import type { Warning } from '../core/types.js';
import type { DecodedText, TextEncoding } from './types.js';

const utf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf8Lenient = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * Decodes a file's bytes: a byte-order mark (UTF-8, UTF-16 LE/BE) decides and is removed; without one,
 * valid UTF-8 is UTF-8, otherwise the bytes that are not UTF-8 are read as Windows-1252 (with a warning).
 * NUL bytes mean a binary file (`E_INPUT_BINARY`) unless they look like BOM-less UTF-16.
 */
export function decodeBytes(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeUtf8WithBom(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes.subarray(2), 'utf-16le', []);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes.subarray(2), 'utf-16be', []);

  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const guess = guessUtf16(bytes);
    if (!guess) throw new ExtraitError('E_INPUT_BINARY', `binary file (NUL byte at offset ${nul})`);
    const label = guess === 'utf-16le' ? 'UTF-16LE' : 'UTF-16BE';
    return decodeUtf16(bytes, guess, [{ code: 'W_ENCODING', message: `no byte-order mark: read as ${label} (guessed from its NUL bytes)` }]);
  }

  try {
    return { text: utf8Strict.decode(bytes), encoding: 'utf-8', warnings: [] };
  } catch {
    return decodeMixed(bytes);
  }
}

function decodeUtf8WithBom(body: Uint8Array): DecodedText {
  try {
    return { text: utf8Strict.decode(body), encoding: 'utf-8', warnings: [] };
  } catch {
    const offset = firstInvalidUtf8(body) + 3;
    return {
      text: utf8Lenient.decode(body),
      encoding: 'utf-8',
      warnings: [{ code: 'W_ENCODING', message: `invalid UTF-8 after a UTF-8 byte-order mark (first at offset ${offset}): replaced with U+FFFD` }],
    };
  }
}

function decodeUtf16(body: Uint8Array, encoding: 'utf-16le' | 'utf-16be', warnings: Warning[]): DecodedText {
  try {
    return { text: new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body), encoding, warnings };
  } catch {
    const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(body);
    const label = encoding === 'utf-16le' ? 'UTF-16LE' : 'UTF-16BE';
    return { text, encoding, warnings: [...warnings, { code: 'W_ENCODING', message: `invalid ${label} (odd length or lone surrogate): replaced with U+FFFD` }] };
  }
}

/** BOM-less UTF-16 of mostly Latin text: one byte of each pair is NUL, the other almost never. */
function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul >= pairs * 0.4 && evenNul <= pairs * 0.02) return 'utf-16le';
  if (evenNul >= pairs * 0.4 && oddNul <= pairs * 0.02) return 'utf-16be';
  return undefined;
}

/** Windows-1252 0x80–0x9F (the rest is Latin-1); the five undefined bytes map to C1 controls, as WHATWG does. */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/** Windows-1252 code unit of a byte. (Node 20's TextDecoder('windows-1252') decodes Latin-1: € came out as U+0080.) */
export function cp1252(byte: number): number {
  return byte >= 0x80 && byte < 0xa0 ? CP1252_HIGH[byte - 0x80]! : byte;
}

/** Decodes bytes as Windows-1252. */
export function decodeWindows1252(bytes: Uint8Array): string {
  const units = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) units[i] = cp1252(bytes[i]!);
  return utf16Units(units, units.length);
}

const utf16le = new TextDecoder('utf-16le');
function utf16Units(units: Uint16Array, length: number): string {
  return utf16le.decode(new Uint8Array(units.buffer, units.byteOffset, length * 2));
}

/** Length of the well-formed UTF-8 sequence at `i` (RFC 3629 table), or 0 when it is not one. */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  if (b < 0x80) return 1;
  const c1 = bytes[i + 1] ?? 0;
  const cont = (x: number | undefined) => x !== undefined && (x & 0xc0) === 0x80;
  if (b >= 0xc2 && b <= 0xdf) return cont(c1) ? 2 : 0;
  if (b >= 0xe0 && b <= 0xef) {
    const lo = b === 0xe0 ? 0xa0 : 0x80;
    const hi = b === 0xed ? 0x9f : 0xbf;
    return c1 >= lo && c1 <= hi && cont(bytes[i + 2]) ? 3 : 0;
  }
  if (b >= 0xf0 && b <= 0xf4) {
    const lo = b === 0xf0 ? 0x90 : 0x80;
    const hi = b === 0xf4 ? 0x8f : 0xbf;
    return c1 >= lo && c1 <= hi && cont(bytes[i + 2]) && cont(bytes[i + 3]) ? 4 : 0;
  }
  return 0;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const n = utf8SequenceLength(bytes, i);
    if (n === 0) return i;
    i += n;
  }
  return -1;
}

/**
 * Not valid UTF-8: each well-formed UTF-8 sequence stays UTF-8 and each other byte is read as Windows-1252.
 * A pure Windows-1252 French text has (almost) no well-formed multi-byte sequences, so this reads it whole as
 * Windows-1252, and a file that mixes both (concatenated sources) keeps its UTF-8 accents intact.
 */
function decodeMixed(bytes: Uint8Array): DecodedText {
  const units = new Uint16Array(bytes.length);
  let length = 0;
  let invalid = 0;
  let first = -1;
  let multibyte = 0;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      units[length++] = b;
      i++;
      continue;
    }
    const n = utf8SequenceLength(bytes, i);
    if (n === 0) {
      if (first === -1) first = i;
      invalid++;
      units[length++] = cp1252(b);
      i++;
      continue;
    }
    multibyte++;
    let cp = n === 2 ? b & 0x1f : n === 3 ? b & 0x0f : b & 0x07;
    for (let k = 1; k < n; k++) cp = (cp << 6) | (bytes[i + k]! & 0x3f);
    if (cp > 0xffff) {
      cp -= 0x10000;
      units[length++] = 0xd800 | (cp >> 10);
      units[length++] = 0xdc00 | (cp & 0x3ff);
    } else {
      units[length++] = cp;
    }
    i += n;
  }
  const message =
    multibyte > 0
      ? `mixes UTF-8 and other bytes: ${invalid} byte${invalid > 1 ? 's' : ''} that are not UTF-8 (first at offset ${first}) read as Windows-1252`
      : `not valid UTF-8 (first invalid byte at offset ${first}): read as Windows-1252`;
  const encoding: TextEncoding = 'windows-1252';
  return { text: utf16Units(units, length), encoding, warnings: [{ code: 'W_ENCODING', message }] };
}
