/**
 * `npm run bench:nlu` — classifications per second of each intent classifier, and of the
 * whole `understand()` (classifier + urgent words + entities) with the default one, over the
 * held-out texts. Models come from the cache (trained on first use).
 *
 * Options: --classifier ngram|node-nlp (default: both), --seconds <n> per measurement
 * (default 3), --data-dir <dir> (default $NLU_CACHE_DIR, else $DATA_DIR/nlu-cache, DATA_DIR
 * defaulting to ./data).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { CLASSIFIER_NAMES, type ClassifierName } from '../src/nlu/classifiers.js';
import { loadCorpus, loadLabelledSet, DEFAULT_INTENTS_DIR } from '../src/nlu/corpus.js';
import { createUnderstander } from '../src/nlu/index.js';
import { loadOrTrainModel } from '../src/nlu/model-cache.js';
import { detectUrgent } from '../src/nlu/urgent.js';

const HELDOUT = fileURLToPath(new URL('../test/fixtures/nlu-heldout.json', import.meta.url));

const program = new Command()
  .option('--classifier <name>', 'ngram or node-nlp (default: both)')
  .option('--seconds <n>', 'seconds per measurement', '3')
  .option('--data-dir <dir>', 'model cache directory', process.env.NLU_CACHE_DIR ?? path.join(process.env.DATA_DIR ?? './data', 'nlu-cache'))
  .parse();
const opts = program.opts<{ classifier?: string; seconds: string; dataDir: string }>();
const seconds = Number(opts.seconds);
const names = (opts.classifier ? [opts.classifier] : [...CLASSIFIER_NAMES]) as ClassifierName[];

const texts = (await loadLabelledSet(HELDOUT)).map((x) => x.text);
const corpus = await loadCorpus(DEFAULT_INTENTS_DIR);
console.log(`${texts.length} held-out texts, ${seconds} s per measurement, Node ${process.version}\n`);

for (const name of names) {
  const { classifier } = await loadOrTrainModel({ cacheDir: opts.dataDir, corpus, classifier: name });
  report(`${name} classify()`, rate((text) => classifier.classify(text)));
  if (name === 'ngram') {
    const nlu = createUnderstander(classifier);
    const now = new Date();
    report(`${name} understand() (with entities)`, rate((text) => nlu.understand(text, { now })));
    report('detectUrgent() alone', rate(detectUrgent));
  }
}

/** Messages per second of `fn` over the texts, after one warm-up pass. */
function rate(fn: (text: string) => unknown): number {
  for (const text of texts) fn(text);
  let count = 0;
  const start = performance.now();
  while (performance.now() - start < seconds * 1000) {
    for (const text of texts) fn(text);
    count += texts.length;
  }
  return count / ((performance.now() - start) / 1000);
}

function report(label: string, perSecond: number): void {
  console.log(`${label.padEnd(36)} ${Math.round(perSecond).toLocaleString('en').padStart(10)} msg/s`);
}
