import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORE_MODULE, compileEntitiesCore } from '../scripts/build/entities-core.js';
import { analyze } from '../src/index.js';
import { packageRoot } from '../src/core/paths.js';
import { LabellerCore } from '../src/entities/core.js';
import { sentenceFeatures, shortShape, tokenInfos } from '../src/entities/features.js';
import { HAS_DIGIT, SHAPE_LEFT, hashText, hashWord } from '../src/entities/word-hashes.js';
import { L } from '../src/entities/model.js';
import { activeRuns, modelPath } from '../src/entities/recognize.js';

describe('the labeller’s WebAssembly core', () => {
  it('is core.wat as `npm run build:entities` compiles it now', async () => {
    expect(readFileSync(join(packageRoot(), CORE_MODULE), 'utf8')).toBe(await compileEntitiesCore());
  });

  it('gives the labels and the very emission scores of model.ts, with and without parts of speech', () => {
    const { model, core } = LabellerCore.load(modelPath());
    expect(core).toBeDefined();
    const text = readFileSync(join(packageRoot(), 'fixtures', 'lavrov-washington.txt'), 'utf8');
    const analysis = analyze(`${text}\nM. Jean-Luc Mélenchon (LFI) a quitté l’Élysée. Agence régionale de santé d’Île-de-France, 2024.`);
    let runs = 0;
    for (const s of analysis.sentences) {
      const tagged = tokenInfos(analysis.tokens, s.tokenStart, s.tokenEnd);
      for (const infos of [tagged, tagged.map((t) => ({ ...t, pos: '' }))]) {
        for (const [a, b] of [...activeRuns(infos), [0, infos.length] as [number, number]]) {
          for (const before of [L, 0]) {
            const expected = model.decodeWithScores(sentenceFeatures(infos, a, b), before);
            const got = core!.decode(infos, a, b, before)!;
            expect(got.labels).toEqual(expected.labels);
            expect(Buffer.from(got.emit.buffer).equals(Buffer.from(expected.emit.buffer))).toBe(true);
            runs++;
          }
        }
      }
    }
    expect(runs).toBeGreaterThan(100);
  });
});

describe('word hashes made by the WebAssembly core', () => {
  /** features.ts's hashes as its JavaScript makes them (FNV-1a of UTF-16 units, signed). */
  const fnv = (s: string, from = 0, to = s.length): number => {
    let h = 0x811c9dc5 | 0;
    for (let i = Math.max(0, from); i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    return h;
  };
  it('are those of the form, its lower case, shape, prefixes and suffixes, and its digits', () => {
    const words = ['a', 'à', 'Le', "l'", 'Élysée', 'ÉTATS-UNIS', 'G20', '2024', 'Jean-Luc', 'M.', 'ﬁn', 'İstanbul', '𝔘nicode', 'ab', 'quatre-vingt-dix-neuf', 'X'.repeat(40), 'x1y2z3', '«', '\u00df', 'ĸ', 'ŉ'];
    for (const text of words) {
      const lower = text.toLowerCase();
      const out = new Int32Array(8);
      const flags = hashWord(lower, text, out);
      const n = lower.length;
      const expected = [fnv(lower), fnv(text), fnv(shortShape(text)), fnv(lower, 0, Math.min(3, n)), fnv(lower, 0, Math.min(4, n)), fnv(lower, n - 2), fnv(lower, n - 3), fnv(lower, n - 4)];
      if (flags & SHAPE_LEFT) out[2] = hashText(shortShape(text));
      expect([...out], text).toEqual(expected);
      expect((flags & HAS_DIGIT) !== 0, text).toBe(/\d/.test(text));
      expect((flags & SHAPE_LEFT) !== 0, text).toBe(/[^\0-\x7f]/.test(text));
    }
    expect(hashWord('x'.repeat(40000), 'x'.repeat(40000), new Int32Array(8))).toBe(-1);
  });
});
