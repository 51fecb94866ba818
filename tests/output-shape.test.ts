import { describe, expect, it } from 'vitest';
import { offsetConverter, shapeForOutput } from '../src/output/offsets.js';

describe('offsets in code points', () => {
  const text = 'Bravo 👏 à Lyon';
  it('counts an emoji as one character', () => {
    const convert = offsetConverter(text)!;
    const lyon = text.indexOf('Lyon');
    expect(lyon).toBe(11);
    expect(convert(lyon)).toBe(10);
    expect([...text].slice(convert(lyon), convert(lyon + 4)).join('')).toBe('Lyon');
  });
  it('needs no conversion when the text has no astral character', () => {
    expect(offsetConverter('Le président est à Paris.')).toBeUndefined();
  });
});

describe('shapeForOutput', () => {
  const entity = { start: 11, end: 15, text: 'Lyon', type: 'LOC', rule: 'gazetteer', mentions: [{ start: 11, end: 15, tokenStart: 4 }] };

  it('drops rule fields at every depth and converts spans, leaving token indexes alone', () => {
    const shaped = shapeForOutput([entity], { dropRules: true, convert: offsetConverter('Bravo 👏 à Lyon') });
    expect(shaped).toEqual([{ start: 10, end: 14, text: 'Lyon', type: 'LOC', mentions: [{ start: 10, end: 14, tokenStart: 4 }] }]);
    expect(entity.start).toBe(11);
    expect(entity.rule).toBe('gazetteer');
  });
  it('keeps rule fields for --explain', () => {
    expect(shapeForOutput(entity, { dropRules: false, convert: (n) => n - 1 })).toMatchObject({ start: 10, rule: 'gazetteer' });
  });
  it('returns the value itself when there is nothing to change', () => {
    expect(shapeForOutput(entity, { dropRules: false })).toBe(entity);
  });
});
