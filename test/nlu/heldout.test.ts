import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_INTENTS_DIR, loadCorpus, loadLabelledSet } from '../../src/nlu/corpus.js';
import { scorePredictions, type IntentMetrics } from '../../src/nlu/metrics.js';
import { loadOrTrainModel } from '../../src/nlu/model-cache.js';
import { normalizeText } from '../../src/nlu/normalize.js';
import type { Example } from '../../src/nlu/types.js';

const HELDOUT = fileURLToPath(new URL('../fixtures/nlu-heldout.json', import.meta.url));

// The default classifier, trained and calibrated on intents/ exactly as at start-up, measured
// on the held-out set it never saw. These are the project's targets for the default.
describe('default classifier on the held-out set', () => {
  let cacheDir: string;
  let heldout: Example[];
  let metrics: IntentMetrics;
  let inCorpus: Set<string>;

  beforeAll(async () => {
    cacheDir = await mkdtemp(path.join(tmpdir(), 'linli-nlu-heldout-'));
    const corpus = await loadCorpus(DEFAULT_INTENTS_DIR);
    heldout = await loadLabelledSet(HELDOUT);
    const { classifier, fromCache } = await loadOrTrainModel({ cacheDir, corpus, classifier: 'ngram' });
    expect(fromCache).toBe(false);
    const predictions = heldout.map((x) => ({ gold: x.intent, predicted: classifier.classify(x.text).intent }));
    metrics = scorePredictions(predictions);
    inCorpus = new Set(corpus.examples.map((e) => normalizeText(e.text)));
  });
  afterAll(() => rm(cacheDir, { recursive: true, force: true }));

  it('has a real held-out set: 200+ items, 40+ of them out of scope', () => {
    expect(heldout.length).toBeGreaterThanOrEqual(200);
    expect(metrics.outOfScope).toBeGreaterThanOrEqual(40);
  });

  it('gets at least 95% of in-scope messages right', () => {
    expect(metrics.inScopeAccuracy).toBeGreaterThanOrEqual(0.95);
  });

  it('rejects at least 90% of out-of-scope messages', () => {
    expect(metrics.outOfScopeRejection).toBeGreaterThanOrEqual(0.9);
  });

  // Not even after normalisation (你好！ and 你好 are one text to the classifier).
  it('was never trained on: no held-out text is in the corpus', () => {
    expect(heldout.filter((x) => inCorpus.has(normalizeText(x.text))).map((x) => x.text)).toEqual([]);
  });
});
