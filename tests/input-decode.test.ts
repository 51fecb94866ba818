import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ExtraitError } from '../src/core/errors.js';
import { decodeBytes, decodeWindows1252, normalizeText } from '../src/input/index.js';

const fixture = (name: string) => new Uint8Array(readFileSync(`fixtures/input/${name}`));
const SAMPLE = 'Le président a déclaré\u00a0: «\u00a0Nous irons jusqu’au bout.\u00a0» L’œuvre coûte 10\u00a0€.\nÇa suffit.\n';

describe('decodeBytes', () => {
  it('reads UTF-8 as UTF-8, without warnings', () => {
    expect(decodeBytes(fixture('utf8.txt'))).toEqual({ text: SAMPLE, encoding: 'utf-8', warnings: [] });
  });

  it('removes a UTF-8 byte-order mark', () => {
    expect(decodeBytes(fixture('utf8-bom.txt'))).toEqual({ text: SAMPLE, encoding: 'utf-8', warnings: [] });
  });

  it('reads UTF-16 LE and BE by their byte-order mark, and removes it', () => {
    expect(decodeBytes(fixture('utf16le-bom.txt'))).toEqual({ text: SAMPLE, encoding: 'utf-16le', warnings: [] });
    expect(decodeBytes(fixture('utf16be-bom.txt'))).toEqual({ text: SAMPLE, encoding: 'utf-16be', warnings: [] });
  });

  it('reads invalid UTF-8 as Windows-1252 with a warning (’ œ € « » and no-break spaces included)', () => {
    expect(decodeBytes(fixture('cp1252.txt'))).toEqual({
      text: SAMPLE,
      encoding: 'windows-1252',
      warnings: [{ code: 'W_ENCODING', message: 'not valid UTF-8 (first invalid byte at offset 5): read as Windows-1252' }],
    });
  });

  it('keeps the UTF-8 of a file that mixes UTF-8 and Windows-1252 lines', () => {
    const decoded = decodeBytes(fixture('mixed-encoding.txt'));
    expect(decoded.text).toBe('Première ligne en UTF-8 : élève.\nDeuxième ligne en Windows-1252 : café.\n');
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.warnings).toEqual([
      { code: 'W_ENCODING', message: 'mixes UTF-8 and other bytes: 2 bytes that are not UTF-8 (first at offset 41) read as Windows-1252' },
    ]);
  });

  it('maps the Windows-1252 range 0x80–0x9F (not Latin-1 control characters)', () => {
    expect(decodeWindows1252(new Uint8Array([0x80, 0x85, 0x8c, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97, 0x9c]))).toBe('€…Œ‘’“”–—œ');
    expect(decodeBytes(new Uint8Array([0x36, 0x80])).text).toBe('6€');
  });

  it('decodes 4-byte UTF-8 (emoji) inside an otherwise Windows-1252 file', () => {
    const bytes = new Uint8Array([0xe9, 0x20, ...new TextEncoder().encode('😀')]);
    expect(decodeBytes(bytes).text).toBe('é 😀');
  });

  it('replaces invalid sequences after a UTF-8 byte-order mark, with a warning', () => {
    const decoded = decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0xe9, 0x62]));
    expect(decoded).toEqual({
      text: 'a\ufffdb',
      encoding: 'utf-8',
      warnings: [{ code: 'W_ENCODING', message: 'invalid UTF-8 after a UTF-8 byte-order mark (first at offset 4): replaced with U+FFFD' }],
    });
  });

  it('guesses BOM-less UTF-16 from its NUL bytes, with a warning', () => {
    const le = new Uint8Array(Buffer.from('Le président est arrivé.', 'utf16le'));
    expect(decodeBytes(le)).toEqual({
      text: 'Le président est arrivé.',
      encoding: 'utf-16le',
      warnings: [{ code: 'W_ENCODING', message: 'no byte-order mark: read as UTF-16LE (guessed from its NUL bytes)' }],
    });
    const be = new Uint8Array(Buffer.from('Le président est arrivé.', 'utf16le').swap16());
    expect(decodeBytes(be).encoding).toBe('utf-16be');
  });

  it('rejects a binary file (NUL bytes) with E_INPUT_BINARY', () => {
    expect(() => decodeBytes(fixture('binary.txt'))).toThrow(new ExtraitError('E_INPUT_BINARY', 'binary file (NUL byte at offset 8)'));
    try {
      decodeBytes(fixture('binary.txt'));
    } catch (error) {
      expect((error as ExtraitError).code).toBe('E_INPUT_BINARY');
    }
  });

  it('decodes an empty file to an empty text', () => {
    expect(decodeBytes(new Uint8Array(0))).toEqual({ text: '', encoding: 'utf-8', warnings: [] });
  });
});

describe('normalizeText', () => {
  it('turns CRLF and lone CR into LF', () => {
    expect(normalizeText('Un.\r\nDeux.\rTrois.\n')).toBe('Un.\nDeux.\nTrois.\n');
    expect(normalizeText(decodeBytes(fixture('crlf.txt')).text)).toBe(SAMPLE);
  });

  it('composes the decomposed accents of macOS files (NFC)', () => {
    const nfd = decodeBytes(fixture('nfd-macos.txt')).text;
    expect(nfd).not.toBe(SAMPLE);
    expect(normalizeText(nfd)).toBe(SAMPLE);
    expect(normalizeText('e\u0301te\u0301')).toBe('été');
  });

  it('removes a byte-order mark left in a string', () => {
    expect(normalizeText('\ufeffBonjour')).toBe('Bonjour');
  });
});

describe('decode and normalise: linear time on 1 MB', () => {
  // A ratio between two sizes, not a timing target: quadratic work would make it ~100.
  const cases: Record<string, (n: number) => Uint8Array> = {
    'Windows-1252 accents': (n) => new Uint8Array(n).fill(0xe9),
    'truncated UTF-8 sequences': (n) => new Uint8Array(n).fill(0xe2),
    'carriage returns': (n) => new Uint8Array(n).fill(0x0d),
    'CRLF pairs': (n) => new Uint8Array(Buffer.from('\r\n'.repeat(n / 2))),
    'combining accents': (n) => new Uint8Array(Buffer.from('e\u0301'.repeat(n / 3))),
    'French text': (n) => new Uint8Array(Buffer.from('Le président a déclaré « non ». '.repeat(n / 34))),
  };
  for (const [name, make] of Object.entries(cases)) {
    it(`handles 1 MB of ${name}`, () => {
      const time = (n: number) => {
        const bytes = make(n);
        let best = Infinity;
        for (let k = 0; k < 3; k++) {
          const t0 = performance.now();
          normalizeText(decodeBytes(bytes).text);
          best = Math.min(best, performance.now() - t0);
        }
        return best;
      };
      time(10_000);
      const small = Math.max(time(100_000), 0.5);
      const large = time(1_000_000);
      expect(large / small).toBeLessThan(40);
    });
  }
});
