import { describe, it } from 'vitest';
import { createDocument } from '../src/core/document.js';
import { entitiesComponent } from '../src/entities/index.js';
import { expectLinear } from './helpers.js';

const SYLLABLES = ['ber', 'nar', 'vi', 'lo', 'mon', 'ta', 'ric', 'del', 'san', 'go'];
const surname = (i: number) => {
  let s = '';
  for (let n = i; s.length < 9; n = Math.floor(n / 10) + 7) s += SYLLABLES[n % 10];
  return s[0]!.toUpperCase() + s.slice(1);
};

/** A long single document with many distinct people, organisations, acronyms and places. */
function article(size: number): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < size; i++) {
    const p =
      `Le maire de Lyon, Claire ${surname(i)}, a rencontré M. ${surname(i + 1)} et la Fédération ${surname(i + 2)} des transports (FT${i % 7}) ` +
      `mardi à Paris. « Nous avançons », a-t-elle déclaré devant l’Assemblée nationale. Selon l’ONU, ${surname(i)} reste prudente.`;
    parts.push(p);
    length += p.length + 2;
  }
  return parts.join('\n\n');
}

describe('entities on long documents', () => {
  it('run in linear time (one document of 1 MB)', async () => {
    await expectLinear((size) => entitiesComponent.run({ ...createDocument(article(size)), warnings: [] }, {}), 'entities');
  }, 120_000);
});
