import { describe, expect, it } from 'vitest';
import { asAnnotation, asTimeml, devGoldDocs, evaluate, ourDates, timebankDocs } from '../scripts/eval/dates.js';
import { withinAnnotationScope } from '../src/dates/scope.js';

// Floors a little under what `npm run eval -- dates` measures; the peer (chrono-node) is not run here.
describe('dates: measured floors', () => {
  it('French TimeBank dev: strict span F1 and value F1 stay above HeidelTime (0.86 / 0.74)', () => {
    const s = evaluate(timebankDocs(), { name: 'extrait', predict: (doc) => asTimeml(ourDates(doc)) });
    expect(s.strict.f1).toBeGreaterThan(0.89);
    expect(s.relaxed.f1).toBeGreaterThan(0.93);
    expect(s.value.f1).toBeGreaterThan(0.84);
  });

  it('dev-gold and seed (ANNOTATION.md conventions)', () => {
    const s = evaluate(devGoldDocs(), { name: 'extrait', predict: (doc) => asAnnotation(ourDates(doc).filter(withinAnnotationScope)) });
    expect(s.strict.f1).toBeGreaterThan(0.97);
    expect(s.value.f1).toBeGreaterThan(0.95);
  });
});
