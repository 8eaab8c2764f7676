import { NONE } from './ranking.js';

/** A labelled text with the classifier's answer. */
export interface Prediction {
  text: string;
  gold: string;
  predicted: string;
}

/** The figures `npm run eval:nlu` reports for one classifier on one test set. */
export interface IntentMetrics {
  /** In-scope items whose predicted intent is the gold one (a rejected item counts as wrong). */
  inScopeAccuracy: number;
  /** Out-of-scope items predicted `None`. */
  outOfScopeRejection: number;
  /** Mean F1 over every intent present in the gold labels or the predictions, `None` included. */
  macroF1: number;
  inScope: number;
  outOfScope: number;
  /** Most frequent (gold → predicted) mistakes, most frequent first. */
  confusions: Array<{ gold: string; predicted: string; count: number }>;
}

/**
 * Score predictions against gold labels.
 *
 * @example
 * ```ts
 * const m = scorePredictions(items.map((x) => ({ ...x, predicted: clf.classify(x.text).intent })));
 * m.inScopeAccuracy; // 0.96
 * ```
 */
export function scorePredictions(predictions: Array<Omit<Prediction, 'text'>>, topConfusions = 10): IntentMetrics {
  let inScope = 0;
  let correct = 0;
  let outOfScope = 0;
  let rejected = 0;
  const tp = new Map<string, number>();
  const fp = new Map<string, number>();
  const fn = new Map<string, number>();
  const confusions = new Map<string, { gold: string; predicted: string; count: number }>();
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const { gold, predicted } of predictions) {
    if (gold === NONE) {
      outOfScope++;
      if (predicted === NONE) rejected++;
    } else {
      inScope++;
      if (predicted === gold) correct++;
    }
    if (predicted === gold) {
      bump(tp, gold);
    } else {
      bump(fp, predicted);
      bump(fn, gold);
      const key = `${gold}\u0000${predicted}`;
      const entry = confusions.get(key) ?? { gold, predicted, count: 0 };
      entry.count++;
      confusions.set(key, entry);
    }
  }
  const labels = new Set([...tp.keys(), ...fp.keys(), ...fn.keys()]);
  let f1Sum = 0;
  for (const label of labels) {
    const t = tp.get(label) ?? 0;
    const denominator = 2 * t + (fp.get(label) ?? 0) + (fn.get(label) ?? 0);
    f1Sum += denominator ? (2 * t) / denominator : 0;
  }
  return {
    inScopeAccuracy: inScope ? correct / inScope : 0,
    outOfScopeRejection: outOfScope ? rejected / outOfScope : 0,
    macroF1: labels.size ? f1Sum / labels.size : 0,
    inScope,
    outOfScope,
    confusions: [...confusions.values()]
      .sort((a, b) => b.count - a.count || a.gold.localeCompare(b.gold) || a.predicted.localeCompare(b.predicted))
      .slice(0, topConfusions),
  };
}
