import { createHash } from 'node:crypto';
import { DEFAULT_NGRAM_OPTIONS, NgramClassifier } from './ngram.js';
import type { IntentClassifier } from './types.js';

/** The classifiers Linli can run. `ngram` is the default (see docs/nlu.md for the numbers). */
export const CLASSIFIER_NAMES = ['ngram', 'node-nlp'] as const;

/** One of {@link CLASSIFIER_NAMES}. */
export type ClassifierName = (typeof CLASSIFIER_NAMES)[number];

/**
 * Model versions, part of the cache key: bump the number when a code change to that
 * classifier makes cached models stale. The n-gram settings are hashed in, so tuning
 * {@link DEFAULT_NGRAM_OPTIONS} retrains by itself.
 */
export const CLASSIFIER_VERSIONS: Record<ClassifierName, string> = {
  ngram: `ngram-1.${digest(DEFAULT_NGRAM_OPTIONS)}`,
  'node-nlp': 'node-nlp-4.27.0-1',
};

/** A short, stable hash of JSON-able settings. */
export function digest(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 12);
}

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
