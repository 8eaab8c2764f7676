import { describe, expect, it } from 'vitest';
import { calibrateThreshold, chooseThreshold, stratifiedFolds, type ScoredExample } from '../../src/nlu/calibrate.js';
import { NgramClassifier } from '../../src/nlu/ngram.js';
import { TINY_CORPUS } from './tiny-corpus.js';

const s = (gold: string, predicted: string, score: number): ScoredExample => ({ gold, predicted, score });

describe('chooseThreshold', () => {
  const scored = [
    s('help', 'help', 0.9),
    s('help', 'help', 0.6),
    s('help', 'greeting', 0.5),
    s('greeting', 'greeting', 0.35),
    s('None', 'None', 0.8),
    s('None', 'help', 0.3),
    s('None', 'help', 0.4),
    s('None', 'None', 0.7),
  ];

  it('takes the lowest threshold that rejects enough out-of-scope examples', () => {
    const c = chooseThreshold(scored, 0.75);
    expect(c.threshold).toBe(0.35); // rejects the None at 0.3: 3 of 4
    expect(c.outOfScopeRejection).toBe(0.75);
    expect(c.inScopeAccuracy).toBe(0.75);
  });

  it('falls back to balanced accuracy when the rejection cannot be reached', () => {
    const few = [s('help', 'help', 0.8), s('help', 'help', 0.7), s('None', 'help', 0.5), s('None', 'help', 0.6), s('None', 'None', 0.9)];
    const c = chooseThreshold(few, 1.01);
    expect(c.objective).toMatch(/balanced/);
    expect(c.threshold).toBe(0.7); // all in scope kept, all out of scope rejected
    expect(c).toMatchObject({ inScopeAccuracy: 1, outOfScopeRejection: 1 });
  });
});

describe('stratifiedFolds', () => {
  it('spreads every intent evenly over the folds', () => {
    const examples = TINY_CORPUS.data.flatMap((d) => d.utterances.map((text) => ({ text, intent: d.intent })));
    const folds = stratifiedFolds(examples, 5, 1);
    for (const d of TINY_CORPUS.data) {
      const perFold = [0, 0, 0, 0, 0];
      examples.forEach((e, i) => e.intent === d.intent && perFold[folds[i]!]!++);
      expect(perFold).toEqual([2, 2, 2, 2, 2]);
    }
  });
});

describe('calibrateThreshold', () => {
  it('calibrates on the training examples out of fold', async () => {
    const examples = TINY_CORPUS.data.flatMap((d) => d.utterances.map((text) => ({ text, intent: d.intent })));
    const c = await calibrateThreshold(() => new NgramClassifier(), examples, { minRejection: 0.9 });
    expect(c.folds).toBe(5);
    expect(c.threshold).toBeGreaterThan(0);
    expect(c.threshold).toBeLessThan(1);
    expect(c.outOfScopeRejection).toBeGreaterThanOrEqual(0.9);
  });
});
