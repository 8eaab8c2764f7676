import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import { z } from 'zod';
import { calibrateThreshold, DEFAULT_CALIBRATION, type Calibration } from './calibrate.js';
import { CLASSIFIER_VERSIONS, createClassifier, digest, type ClassifierName } from './classifiers.js';
import type { LoadedCorpus } from './corpus.js';
import type { IntentClassifier } from './types.js';

/** A classifier ready to use, with where it came from. */
export interface TrainedModel {
  classifier: IntentClassifier;
  calibration: Calibration;
  /** True when read from the cache, false when trained now. */
  fromCache: boolean;
  /** Milliseconds the final training took (when it was trained), excluding calibration. */
  trainingMs: number;
  /** Milliseconds the k-fold threshold calibration took (when it was trained). */
  calibrationMs: number;
}

/** What identifies a cached model: a different corpus, classifier or version means retrain. */
export interface CacheKey {
  corpusHash: string;
  classifier: string;
  version: string;
}

const CacheFileSchema = z.object({
  key: z.object({ corpusHash: z.string(), classifier: z.string(), version: z.string() }),
  calibration: z.object({
    threshold: z.number(),
    folds: z.number(),
    objective: z.string(),
    inScopeAccuracy: z.number(),
    outOfScopeRejection: z.number(),
  }),
  trainedAt: z.string(),
  trainingMs: z.number(),
  calibrationMs: z.number(),
  model: z.unknown(),
});

/**
 * Load a trained classifier from the cache directory, or train, calibrate and cache it.
 * The cache file (`<cacheDir>/<classifier>.json`) holds the key it was built for; when the
 * corpus hash, the classifier, its {@link CLASSIFIER_VERSIONS} entry or the calibration
 * settings differ, or the file
 * is unreadable, the model is retrained and the file rewritten atomically (temp file +
 * rename), so a crash mid-write never leaves a half file behind.
 *
 * @example
 * ```ts
 * const corpus = await loadCorpus('intents');
 * const { classifier, fromCache } = await loadOrTrainModel({
 *   cacheDir: 'data/nlu-cache', corpus, classifier: 'ngram',
 * });
 * ```
 */
export async function loadOrTrainModel(options: {
  cacheDir: string;
  corpus: LoadedCorpus;
  classifier: ClassifierName;
  logger?: Logger;
}): Promise<TrainedModel> {
  const { cacheDir, corpus, logger } = options;
  const name = options.classifier;
  // The calibration rule decides the stored threshold, so it is part of the version too.
  const version = `${CLASSIFIER_VERSIONS[name]}+cal.${digest(DEFAULT_CALIBRATION)}`;
  const key: CacheKey = { corpusHash: corpus.hash, classifier: name, version };
  const file = path.join(cacheDir, `${name}.json`);

  const cached = await readCache(file, key, logger);
  if (cached) {
    const classifier = await createClassifier(name);
    try {
      classifier.importModel(cached.model);
      classifier.threshold = cached.calibration.threshold;
      logger?.info({ file, classifier: name }, 'nlu model loaded from cache');
      return { classifier, calibration: cached.calibration, fromCache: true, trainingMs: 0, calibrationMs: 0 };
    } catch (error) {
      logger?.warn({ file, err: error }, 'nlu cache unusable, retraining');
    }
  }

  logger?.info({ classifier: name, examples: corpus.examples.length }, 'training nlu model');
  const calibrationStart = performance.now();
  const calibration = await calibrateThreshold(() => createClassifier(name), corpus.examples);
  const calibrationMs = performance.now() - calibrationStart;
  const trainStart = performance.now();
  const classifier = await createClassifier(name);
  await classifier.train(corpus.examples);
  const trainingMs = performance.now() - trainStart;
  classifier.threshold = calibration.threshold;

  await writeAtomically(
    file,
    JSON.stringify({
      key,
      calibration,
      trainedAt: new Date().toISOString(),
      trainingMs,
      calibrationMs,
      model: classifier.exportModel(),
    }),
  );
  logger?.info(
    { file, classifier: name, threshold: calibration.threshold, trainingMs, calibrationMs },
    'nlu model trained and cached',
  );
  return { classifier, calibration, fromCache: false, trainingMs, calibrationMs };
}

async function readCache(file: string, key: CacheKey, logger?: Logger) {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return undefined; // no cache yet: the normal first start
  }
  let parsed;
  try {
    parsed = CacheFileSchema.safeParse(JSON.parse(text));
  } catch {
    parsed = undefined;
  }
  if (!parsed?.success) {
    logger?.warn({ file }, 'nlu cache file is corrupt, retraining');
    return undefined;
  }
  const found = parsed.data.key;
  if (found.corpusHash !== key.corpusHash || found.classifier !== key.classifier || found.version !== key.version) {
    logger?.info({ file, found, wanted: key }, 'nlu corpus or classifier changed, retraining');
    return undefined;
  }
  return parsed.data;
}

/** Write a file so that readers see the old content or the new, never a partial one. */
export async function writeAtomically(file: string, content: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, content, 'utf8');
    await rename(tmp, file);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}
