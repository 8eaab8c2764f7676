import { NONE } from './ranking.js';
import { mulberry32 } from './softmax.js';
import type { Example, IntentClassifier } from './types.js';

/** One out-of-fold prediction: the true intent, the best intent and its score. */
export interface ScoredExample {
  gold: string;
  predicted: string;
  score: number;
}

/** What {@link calibrateThreshold} chose and why. */
export interface Calibration {
  threshold: number;
  folds: number;
  /** The rule that picked the threshold, in words (shown by eval and in the cache file). */
  objective: string;
  /** Out-of-fold in-scope top-1 accuracy at the chosen threshold. */
  inScopeAccuracy: number;
  /** Out-of-fold share of `None` examples rejected at the chosen threshold. */
  outOfScopeRejection: number;
}

/** How the threshold is chosen. */
export interface CalibrationOptions {
  /** Number of folds (stratified by intent). */
  folds?: number;
  /** Seed of the fold assignment. */
  seed?: number;
  /** The out-of-fold `None` rejection the threshold must reach (see {@link chooseThreshold}). */
  minRejection?: number;
}

/** Defaults: 5 folds, and 90% of out-of-fold `None` rejected (the project's target). */
export const DEFAULT_CALIBRATION: Required<CalibrationOptions> = {
  folds: 5,
  seed: 7,
  minRejection: 0.9,
};

/**
 * Calibrate a classifier's out-of-scope threshold on its own training corpus, never on
 * held-out data: stratified k-fold, each fold classified by a model trained on the other
 * folds, then {@link chooseThreshold} over those out-of-fold scores. `None` examples take
 * part like any intent: they are what "rejected" is measured on.
 *
 * @example
 * ```ts
 * const calibration = await calibrateThreshold(() => new NgramClassifier(), examples);
 * classifier.threshold = calibration.threshold;
 * ```
 */
export async function calibrateThreshold(
  create: () => IntentClassifier | Promise<IntentClassifier>,
  examples: Example[],
  options: CalibrationOptions = {},
): Promise<Calibration> {
  const { folds, seed, minRejection } = { ...DEFAULT_CALIBRATION, ...options };
  const scored = await outOfFold(create, examples, folds, seed);
  return { ...chooseThreshold(scored, minRejection), folds };
}

/** Out-of-fold predictions for every example (threshold 0, so only the model's own `None`). */
export async function outOfFold(
  create: () => IntentClassifier | Promise<IntentClassifier>,
  examples: Example[],
  folds: number,
  seed: number,
): Promise<ScoredExample[]> {
  const foldOf = stratifiedFolds(examples, folds, seed);
  const scored: ScoredExample[] = new Array(examples.length);
  for (let k = 0; k < folds; k++) {
    const train = examples.filter((_, i) => foldOf[i] !== k);
    const classifier = await create();
    await classifier.train(train);
    classifier.threshold = 0;
    examples.forEach((example, i) => {
      if (foldOf[i] !== k) return;
      const { intent, score } = classifier.classify(example.text);
      scored[i] = { gold: example.intent, predicted: intent, score };
    });
  }
  return scored;
}

/**
 * Pick the threshold that keeps the most in-scope messages correct while rejecting at least
 * `minRejection` of the out-of-scope ones. Accuracy only falls and rejection only rises as
 * the threshold grows, so this is the smallest candidate reaching `minRejection`; when none
 * does, the one maximising balanced accuracy (mean of the two rates) is taken instead.
 */
export function chooseThreshold(
  scored: ScoredExample[],
  minRejection: number,
): Omit<Calibration, 'folds'> {
  const candidates = [0, ...new Set(scored.map((s) => s.score))].sort((a, b) => a - b);
  const rates = (t: number) => evaluateAt(scored, t);
  for (const t of candidates) {
    const r = rates(t);
    if (r.outOfScopeRejection >= minRejection) {
      return {
        threshold: t,
        objective: `max in-scope accuracy with >= ${pct(minRejection)} None rejected (out-of-fold)`,
        ...r,
      };
    }
  }
  let best = { threshold: 0, ...rates(0) };
  for (const t of candidates) {
    const r = rates(t);
    if (r.inScopeAccuracy + r.outOfScopeRejection > best.inScopeAccuracy + best.outOfScopeRejection) {
      best = { threshold: t, ...r };
    }
  }
  return {
    ...best,
    objective: `balanced accuracy (no threshold reached ${pct(minRejection)} None rejected)`,
  };
}

/** In-scope accuracy and out-of-scope rejection of scored examples at a threshold. */
export function evaluateAt(
  scored: ScoredExample[],
  threshold: number,
): { inScopeAccuracy: number; outOfScopeRejection: number } {
  let inScope = 0;
  let correct = 0;
  let outOfScope = 0;
  let rejected = 0;
  for (const s of scored) {
    const predicted = s.score < threshold ? NONE : s.predicted;
    if (s.gold === NONE) {
      outOfScope++;
      if (predicted === NONE) rejected++;
    } else {
      inScope++;
      if (predicted === s.gold) correct++;
    }
  }
  return {
    inScopeAccuracy: inScope ? correct / inScope : 0,
    outOfScopeRejection: outOfScope ? rejected / outOfScope : 1,
  };
}

/** Fold index per example: each intent's examples shuffled (seeded) and dealt round-robin. */
export function stratifiedFolds(examples: Example[], folds: number, seed: number): number[] {
  const random = mulberry32(seed);
  const byIntent = new Map<string, number[]>();
  examples.forEach((e, i) => byIntent.set(e.intent, [...(byIntent.get(e.intent) ?? []), i]));
  const foldOf = new Array<number>(examples.length).fill(0);
  let offset = 0;
  for (const intent of [...byIntent.keys()].sort()) {
    const indices = byIntent.get(intent)!;
    for (let i = indices.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [indices[i], indices[j]] = [indices[j]!, indices[i]!];
    }
    // Continue the deal where the previous intent stopped so small intents do not all start at fold 0.
    indices.forEach((index, k) => (foldOf[index] = (offset + k) % folds));
    offset += indices.length;
  }
  return foldOf;
}

function pct(x: number): string {
  return `${Math.round(x * 1000) / 10}%`;
}
