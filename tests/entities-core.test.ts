import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORE_MODULE, compileEntitiesCore } from '../scripts/build/entities-core.js';
import { analyze } from '../src/index.js';
import { packageRoot } from '../src/core/paths.js';
import { LabellerCore } from '../src/entities/core.js';
import { sentenceFeatures, tokenInfos } from '../src/entities/features.js';
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
