import path from 'node:path';
import type { Logger } from 'pino';
import type { ClassifierName } from './classifiers.js';
import { DEFAULT_INTENTS_DIR, loadCorpus } from './corpus.js';
import { extractEntities, type Entity } from './entities/index.js';
import { loadOrTrainModel } from './model-cache.js';
import { detectUrgent, type UrgentMatch } from './urgent.js';
import type { IntentClassifier, IntentScore } from './types.js';

export type { UrgentMatch, UrgentKind } from './urgent.js';
export type { ClassifierName } from './classifiers.js';
export { DEFAULT_INTENTS_DIR } from './corpus.js';

export type { Entity } from './entities/index.js';

/** The intent that urgent danger always maps to. */
export const URGENT_INTENT = 'hazard.report';

/** What Linli understood of one message. */
export interface Understanding {
  /** The intent to handle: the classifier's, or `hazard.report` when the text is urgent. */
  intent: string;
  /** The classifier's score for its own best intent. */
  score: number;
  /** The classifier's full ranking, untouched by the urgent override. */
  ranking: IntentScore[];
  entities: Entity[];
  /** Set when the text signals immediate danger, whatever the classifier said. */
  urgent: UrgentMatch | null;
}

/** The NLU as the app uses it. */
export interface Nlu {
  /** Classify, extract entities and check for urgent danger; synchronous and fast. */
  understand(text: string, options?: { now?: Date }): Understanding;
  /** The trained classifier behind {@link Nlu.understand}. */
  classifier: IntentClassifier;
}

/**
 * Build the NLU: load the corpus, then the trained classifier from the model cache in
 * `dataDir` (training, calibrating and caching it when the corpus, classifier or its
 * version changed), and return the facade the core calls on every message.
 *
 * @example
 * ```ts
 * const nlu = await createNlu({ dataDir: 'data/nlu-cache' });
 * nlu.understand('礼贤社区三楼着火了');
 * // { intent: 'hazard.report', urgent: { urgent: true, kind: 'fire', matched: '着火' }, entities: [...], ... }
 * ```
 */
export async function createNlu(options: {
  /** The directory of the model cache (the app passes `$DATA_DIR/nlu-cache`). */
  dataDir: string;
  classifier?: ClassifierName;
  logger?: Logger;
  /** The corpus directory; the project's `intents/` by default. */
  intentsDir?: string;
}): Promise<Nlu> {
  const corpus = await loadCorpus(options.intentsDir ?? DEFAULT_INTENTS_DIR);
  const { classifier } = await loadOrTrainModel({
    cacheDir: path.resolve(options.dataDir),
    corpus,
    classifier: options.classifier ?? 'ngram',
    ...(options.logger ? { logger: options.logger } : {}),
  });
  return createUnderstander(classifier);
}

/**
 * The facade over an already trained classifier: what {@link createNlu} returns, usable
 * directly in tests with any {@link IntentClassifier}.
 */
export function createUnderstander(classifier: IntentClassifier): Nlu {
  return {
    classifier,
    understand(text, options = {}) {
      const { intent, score, ranking } = classifier.classify(text);
      const urgent = detectUrgent(text);
      const entities = extractEntities(text, { now: options.now ?? new Date() });
      return { intent: urgent ? URGENT_INTENT : intent, score, ranking, entities, urgent };
    },
  };
}
