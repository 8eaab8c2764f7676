import type { SparseVector } from './features.js';

/** Training settings of {@link trainSoftmax}. */
export interface SoftmaxOptions {
  /** Passes over the training data. */
  epochs: number;
  /** Initial step size η0; the step decays as η0 / (1 + λ·η0·t). */
  learningRate: number;
  /** L2 penalty λ on the weights (not the biases), on the mean loss. */
  l2: number;
  /** Weight each class by `(N / (C · count))^power`: 0 = plain, 1 = fully balanced. */
  classWeightPower: number;
  /** Seed of the shuffling, so that training the same corpus gives the same model. */
  seed: number;
}

/** A trained multinomial logistic regression over sparse features. */
export interface SoftmaxModel {
  classes: number;
  features: number;
  /** Feature-major weights: `weights[f * classes + c]`. */
  weights: Float32Array;
  biases: Float32Array;
}

/**
 * Train a multinomial logistic regression (softmax) by plain stochastic gradient descent
 * on the L2-regularised mean cross-entropy, one example at a time, with the step size
 * schedule of Bottou's SGD (η0 / (1 + λ·η0·t)). The L2 shrinkage is kept as one scale
 * factor over all weights, so each step only touches the rows of the example's features
 * and yet every weight is regularised exactly (per-coordinate optimisers such as Adam made
 * a gram seen once as loud as one seen everywhere, and generalised worse here).
 * Deterministic: weights start at zero and examples are shuffled with a seeded generator.
 *
 * @example
 * ```ts
 * const model = trainSoftmax(vectors, labels, classCount, vectorizer.size, options);
 * const probs = predictSoftmax(model, vectorizer.transform('我要交医保'));
 * ```
 */
export function trainSoftmax(
  xs: SparseVector[],
  ys: number[],
  classes: number,
  features: number,
  options: SoftmaxOptions,
): SoftmaxModel {
  const C = classes;
  // The true weights are scale · unscaled; shrinking all of them is one multiplication.
  const unscaled = new Float64Array(features * C);
  const biases = new Float64Array(C);
  let scale = 1;
  const classWeight = classWeights(ys, C, options.classWeightPower);
  const probs = new Float64Array(C);
  const order = xs.map((_, i) => i);
  const random = mulberry32(options.seed);
  const { learningRate: eta0, l2 } = options;
  let t = 0;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffle(order, random);
    for (const i of order) {
      const x = xs[i]!;
      const y = ys[i]!;
      const eta = eta0 / (1 + l2 * eta0 * t);
      t++;
      for (let c = 0; c < C; c++) probs[c] = biases[c]!;
      for (let k = 0; k < x.ids.length; k++) {
        const base = x.ids[k]! * C;
        const v = x.values[k]! * scale;
        for (let c = 0; c < C; c++) probs[c]! += v * unscaled[base + c]!;
      }
      softmaxInPlace(probs);
      scale *= 1 - eta * l2;
      const step = (eta * classWeight[y]!) / scale;
      for (let c = 0; c < C; c++) {
        const d = probs[c]! - (c === y ? 1 : 0);
        biases[c]! -= eta * classWeight[y]! * d;
        const g = step * d;
        for (let k = 0; k < x.ids.length; k++) unscaled[x.ids[k]! * C + c]! -= g * x.values[k]!;
      }
      if (scale < 1e-6) {
        // Fold the scale back in before it underflows the step sizes' precision.
        for (let j = 0; j < unscaled.length; j++) unscaled[j]! *= scale;
        scale = 1;
      }
    }
  }
  const weights = Float32Array.from(unscaled, (w) => w * scale);
  return { classes, features, weights, biases: Float32Array.from(biases) };
}

/** Class probabilities for one vector (a fresh array, one entry per class). */
export function predictSoftmax(model: SoftmaxModel, x: SparseVector): Float64Array {
  const out = new Float64Array(model.classes);
  scores(model, x, out);
  softmaxInPlace(out);
  return out;
}

function scores(model: SoftmaxModel, x: SparseVector, out: Float64Array): void {
  const C = model.classes;
  const { weights, biases } = model;
  for (let c = 0; c < C; c++) out[c] = biases[c]!;
  for (let k = 0; k < x.ids.length; k++) {
    const base = x.ids[k]! * C;
    const v = x.values[k]!;
    for (let c = 0; c < C; c++) out[c]! += v * weights[base + c]!;
  }
}

function softmaxInPlace(a: Float64Array): void {
  let max = -Infinity;
  for (let i = 0; i < a.length; i++) if (a[i]! > max) max = a[i]!;
  let sum = 0;
  for (let i = 0; i < a.length; i++) {
    a[i] = Math.exp(a[i]! - max);
    sum += a[i]!;
  }
  for (let i = 0; i < a.length; i++) a[i]! /= sum;
}

function classWeights(ys: number[], C: number, power: number): Float64Array {
  const counts = new Float64Array(C);
  for (const y of ys) counts[y]! += 1;
  return Float64Array.from(counts, (n) => (n > 0 ? (ys.length / (C * n)) ** power : 0));
}

/** A small, fast, seedable PRNG (mulberry32): training must not depend on `Math.random`. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: T[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}
