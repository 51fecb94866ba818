import { describe, expect, it } from 'vitest';
import { addDays, easter, formatWeek, fromDays, isoWeek, toDays, weekday } from '../src/dates/calendar.js';
import { numberFromDigits, numberFromWords, ordinalValue, romanValue } from '../src/dates/numbers.js';
import { expandTwoDigitYear } from '../src/dates/spec.js';
import { datelineDate, fileNameDate } from '../src/dates/reference.js';

describe('calendar', () => {
  it('round-trips day counts across leap years and centuries', () => {
    for (const days of [-719468, -1, 0, 59, 10957, 11016, 19782, 47482]) expect(toDays(fromDays(days))).toBe(days);
    expect(fromDays(0)).toEqual({ y: 1970, m: 1, d: 1 });
    expect(addDays({ y: 2024, m: 2, d: 28 }, 1)).toEqual({ y: 2024, m: 2, d: 29 });
    expect(addDays({ y: 2100, m: 2, d: 28 }, 1)).toEqual({ y: 2100, m: 3, d: 1 });
  });

  it('gives ISO weekdays and weeks', () => {
    expect(weekday({ y: 2024, m: 3, d: 14 })).toBe(4);
    expect(isoWeek({ y: 2021, m: 1, d: 3 })).toEqual({ year: 2020, week: 53 });
    expect(formatWeek({ y: 2024, m: 12, d: 30 })).toBe('2025-W01');
    expect(formatWeek({ y: 2003, m: 2, d: 1 })).toBe('2003-W05');
  });

  it('computes Easter Sunday', () => {
    expect(easter(2024)).toEqual({ y: 2024, m: 3, d: 31 });
    expect(easter(2025)).toEqual({ y: 2025, m: 4, d: 20 });
    expect(easter(2000)).toEqual({ y: 2000, m: 4, d: 23 });
    expect(easter(1999)).toEqual({ y: 1999, m: 4, d: 4 });
    expect(easter(2038)).toEqual({ y: 2038, m: 4, d: 25 });
  });
});

describe('numbers', () => {
  it('reads French number words', () => {
    expect(numberFromWords(['vingt', 'et', 'un'])).toBe(21);
    expect(numberFromWords(['soixante', 'dix', 'sept'])).toBe(77);
    expect(numberFromWords(['quatre', 'vingt', 'dix', 'neuf'])).toBe(99);
    expect(numberFromWords(['quatre', 'vingts'])).toBe(80);
    expect(numberFromWords(['deux', 'cents'])).toBe(200);
    expect(numberFromWords(['deux', 'mille', 'vingt', 'quatre'])).toBe(2024);
    expect(numberFromWords(['trois', 'pommes'])).toBeUndefined();
    expect(numberFromWords(['et', 'un'])).toBeUndefined();
  });

  it('reads digits, decimals and thousands', () => {
    expect(numberFromDigits('30,4')).toBe(30.4);
    expect(numberFromDigits('1\u202f500')).toBe(1500);
    expect(numberFromDigits('3.000')).toBe(3000);
    expect(numberFromDigits('2-1')).toBeUndefined();
  });

  it('reads ordinals and Roman numerals', () => {
    expect(ordinalValue('XXe')).toBe(20);
    expect(ordinalValue('XVIIIe')).toBe(18);
    expect(ordinalValue('1er')).toBe(1);
    expect(ordinalValue('troisième')).toBe(3);
    expect(romanValue('XIV')).toBe(14);
  });

  it('puts a two-digit year at most ten years after the reference', () => {
    expect(expandTwoDigitYear(98, { y: 1999, m: 5, d: 1 })).toBe(1998);
    expect(expandTwoDigitYear(3, { y: 2002, m: 5, d: 1 })).toBe(2003);
    expect(expandTwoDigitYear(93, { y: 2002, m: 1, d: 1 })).toBe(1993);
  });
});

describe('where the reference date comes from', () => {
  it('reads datelines', () => {
    expect(datelineDate('Publié le 11/05/2017 à 10h32\n\nTexte.')).toEqual({ y: 2017, m: 5, d: 11 });
    expect(datelineDate('Mis à jour le 12 mai 2017\nPublié le 11 mai 2017\n\nTexte.')).toEqual({ y: 2017, m: 5, d: 11 });
    expect(datelineDate('Jeudi 11 mai 2017\n\nTexte.')).toEqual({ y: 2017, m: 5, d: 11 });
    expect(datelineDate('Le 11 mai 2017, le ministre est arrivé à Washington.')).toBeUndefined();
  });

  it('reads dates in file names', () => {
    expect(fileNameDate('corpus/2017-05-11-lavrov.txt')).toEqual({ y: 2017, m: 5, d: 11 });
    expect(fileNameDate('lavrov_20170511.html')).toEqual({ y: 2017, m: 5, d: 11 });
    expect(fileNameDate('corpus.jsonl:12')).toBeUndefined();
    expect(fileNameDate('-')).toBeUndefined();
  });
});

describe('speech ranges', () => {
  it('finds « », “ ”, straight quotes and dash dialogue, and ends an unclosed quote with its paragraph', async () => {
    const { speechRanges } = await import('../src/dates/speech.js');
    const text = 'Il a dit « hier » et "demain".\n\n— Aujourd’hui ?\n\n« Ce soir sans fin\n\nLa suite.';
    const quoted = speechRanges(text).map((r) => text.slice(r.start, r.end));
    expect(quoted).toEqual([' hier ', 'demain', '— Aujourd’hui ?', ' Ce soir sans fin']);
  });
});
