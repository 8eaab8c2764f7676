import { NgramClassifier } from './ngram.js';
import type { IntentClassifier } from './types.js';

/** The classifiers Linli can run. `ngram` is the default (see docs/nlu.md for the numbers). */
export const CLASSIFIER_NAMES = ['ngram', 'node-nlp'] as const;

/** One of {@link CLASSIFIER_NAMES}. */
export type ClassifierName = (typeof CLASSIFIER_NAMES)[number];

/**
 * Model format versions, part of the cache key: bump one when a change to that classifier
 * (features, training settings, calibration rule) makes cached models stale.
 */
export const CLASSIFIER_VERSIONS: Record<ClassifierName, string> = {
  ngram: 'ngram-1',
  'node-nlp': 'node-nlp-4.27.0-1',
};

/**
 * A fresh, untrained classifier. node-nlp is imported only here and only when asked for,
 * so the default path never loads it.
 *
 * @example
 * ```ts
 * const clf = await createClassifier('ngram');
 * ```
 */
export async function createClassifier(name: ClassifierName): Promise<IntentClassifier> {
  if (name === 'ngram') return new NgramClassifier();
  const { NodeNlpClassifier } = await import('./nodenlp.js');
  return NodeNlpClassifier.create();
}
