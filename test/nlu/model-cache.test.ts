import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/nlu/corpus.js';
import { loadOrTrainModel } from '../../src/nlu/model-cache.js';
import { createNlu } from '../../src/nlu/index.js';
import { TINY_CORPUS, writeTinyCorpus } from './tiny-corpus.js';

describe('model cache', () => {
  let intentsDir: string;
  let cacheDir: string;

  beforeEach(async () => {
    intentsDir = await writeTinyCorpus();
    cacheDir = await mkdtemp(path.join(tmpdir(), 'linli-nlu-cache-'));
  });
  afterEach(async () => {
    await rm(intentsDir, { recursive: true, force: true });
    await rm(cacheDir, { recursive: true, force: true });
  });

  it('trains on first start, then loads the same model without retraining', async () => {
    const corpus = await loadCorpus(intentsDir);
    const first = await loadOrTrainModel({ cacheDir, corpus, classifier: 'ngram' });
    expect(first.fromCache).toBe(false);
    const cacheFile = JSON.parse(await readFile(path.join(cacheDir, 'ngram.json'), 'utf8'));
    expect(cacheFile.key.corpusHash).toBe(corpus.hash);

    const second = await loadOrTrainModel({ cacheDir, corpus: await loadCorpus(intentsDir), classifier: 'ngram' });
    expect(second.fromCache).toBe(true);
    expect(second.classifier.threshold).toBe(first.classifier.threshold);
    for (const text of ['附近有没有活干', '医保多少钱', '你好啊', '今天下雨吗']) {
      expect(second.classifier.classify(text)).toEqual(first.classifier.classify(text));
    }
  });

  it('retrains by itself when the corpus changes, and rewrites the cache', async () => {
    await loadOrTrainModel({ cacheDir, corpus: await loadCorpus(intentsDir), classifier: 'ngram' });
    const before = JSON.parse(await readFile(path.join(cacheDir, 'ngram.json'), 'utf8'));

    const changed = structuredClone(TINY_CORPUS);
    changed.data[0]!.utterances.push('大家好');
    await writeFile(path.join(intentsDir, 'tiny.json'), JSON.stringify(changed));
    const corpus = await loadCorpus(intentsDir);
    expect(corpus.hash).not.toBe(before.key.corpusHash);

    const again = await loadOrTrainModel({ cacheDir, corpus, classifier: 'ngram' });
    expect(again.fromCache).toBe(false);
    const after = JSON.parse(await readFile(path.join(cacheDir, 'ngram.json'), 'utf8'));
    expect(after.key.corpusHash).toBe(corpus.hash);
    expect((await loadOrTrainModel({ cacheDir, corpus, classifier: 'ngram' })).fromCache).toBe(true);
  });

  it('retrains when the cached model was built by another classifier version', async () => {
    const corpus = await loadCorpus(intentsDir);
    await loadOrTrainModel({ cacheDir, corpus, classifier: 'ngram' });
    const file = path.join(cacheDir, 'ngram.json');
    const cached = JSON.parse(await readFile(file, 'utf8'));
    cached.key.version = 'ngram-0.old';
    await writeFile(file, JSON.stringify(cached));
    expect((await loadOrTrainModel({ cacheDir, corpus, classifier: 'ngram' })).fromCache).toBe(false);
    expect((await loadOrTrainModel({ cacheDir, corpus, classifier: 'ngram' })).fromCache).toBe(true);
  });

  it('retrains over a corrupt cache file instead of failing start-up', async () => {
    const corpus = await loadCorpus(intentsDir);
    await loadOrTrainModel({ cacheDir, corpus, classifier: 'ngram' });
    await writeFile(path.join(cacheDir, 'ngram.json'), '{"key": {"corpusHash": "trunc');
    const again = await loadOrTrainModel({ cacheDir, corpus, classifier: 'ngram' });
    expect(again.fromCache).toBe(false);
    expect(again.classifier.classify('有没有活干').intent).toBe('job.search');
  });

  it('leaves no temporary files behind', async () => {
    await loadOrTrainModel({ cacheDir, corpus: await loadCorpus(intentsDir), classifier: 'ngram' });
    const { readdir } = await import('node:fs/promises');
    expect(await readdir(cacheDir)).toEqual(['ngram.json']);
  });

  it('gives createNlu a working classifier from the cache directory it is given', async () => {
    const nlu = await createNlu({ dataDir: cacheDir, intentsDir });
    expect(nlu.understand('附近有没有日结的活').intent).toBe('job.search');
    expect(nlu.understand('明天会不会下雨').intent).toBe('None');
  });
});
