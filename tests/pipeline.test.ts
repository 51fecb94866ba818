import { describe, expect, it } from 'vitest';
import { planComponents } from '../src/pipeline/plan.js';
import type { Component } from '../src/pipeline/component.js';
import { analyze } from '../src/index.js';
import { expectSpansMatch } from './helpers.js';

const component = (name: string, needs: string[] = [], defaultOn = true): Component => ({
  name,
  description: name,
  needs,
  adds: [],
  defaultOn,
  run: () => ({}),
});
const registry = [component('topics', ['pos']), component('quotes', ['entities']), component('entities'), component('pos'), component('extra', [], false)];
const names = (plan: Component[]) => plan.map((c) => c.name);

describe('planComponents', () => {
  it('runs every default component, each after what it needs', () => {
    expect(names(planComponents(registry, undefined))).toEqual(['pos', 'topics', 'entities', 'quotes']);
  });
  it('adds what a requested component needs', () => {
    expect(names(planComponents(registry, ['quotes']))).toEqual(['entities', 'quotes']);
  });
  it('leaves out a default component whose need is switched off', () => {
    expect(names(planComponents(registry, undefined, ['pos']))).toEqual(['entities', 'quotes']);
  });
  it('refuses a requested component whose need is switched off', () => {
    expect(() => planComponents(registry, ['topics'], ['pos'])).toThrow("'topics' needs 'pos', which is switched off");
  });
  it('runs what a component uses first when it runs, without pulling it in', () => {
    const withUses = [{ ...component('topics', ['pos']), uses: ['entities'] }, component('pos'), component('entities')];
    expect(names(planComponents(withUses, undefined))).toEqual(['pos', 'entities', 'topics']);
    expect(names(planComponents(withUses, ['topics']))).toEqual(['pos', 'topics']);
  });
  it('names unknown components', () => {
    expect(() => planComponents(registry, ['horoscope'])).toThrow(/unknown component 'horoscope'/);
  });
  it('finds cycles', () => {
    expect(() => planComponents([component('a', ['b']), component('b', ['a'])], undefined)).toThrow(/cycle/);
  });
});

describe('analyze', () => {
  it('returns the normalised text that every offset refers to', () => {
    const analysis = analyze('\ufeffLe cafe\u0301 est ferme\u0301.\r\nIl rouvre demain.', { components: ['language'] });
    expect(analysis.text).toBe('Le café est fermé.\nIl rouvre demain.');
    expect(analysis.sentences.map((s) => s.text)).toEqual(['Le café est fermé.', 'Il rouvre demain.']);
    expectSpansMatch(analysis.text, analysis.tokens);
  });
  it('keeps the metadata it is given', () => {
    const analysis = analyze('Bonjour.', { components: ['language'], meta: { id: 'a1', source: 'a1.txt', date: '2024-03-12' } });
    expect([analysis.id, analysis.source, analysis.date]).toEqual(['a1', 'a1.txt', '2024-03-12']);
  });
});
