/**
 * `npm run classify` — read UTF-8 lines on stdin and write one JSON line per input line:
 * `{"text": ..., "intent": ..., "score": ..., "entities": [...]}`; out of scope is `"None"`.
 * The model comes from the cache (`$DATA_DIR/nlu-cache`, trained on first use). Nothing
 * but those JSON lines goes to stdout; logs go to stderr.
 *
 *   echo '附近有没有日结的保洁' | npm run --silent classify
 *
 * Options: --data-dir <dir> (model cache; default $NLU_CACHE_DIR, else $DATA_DIR/nlu-cache,
 * DATA_DIR defaulting to ./data), --classifier ngram|node-nlp (default $NLU_CLASSIFIER or ngram).
 * LOG_LEVEL (default warn here) sets how chatty stderr is.
 */
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Command } from 'commander';
import { CLASSIFIER_NAMES, type ClassifierName } from '../src/nlu/classifiers.js';
import { createNlu } from '../src/nlu/index.js';
import { createLogger } from '../src/log.js';

const program = new Command()
  .option('--data-dir <dir>', 'model cache directory', process.env.NLU_CACHE_DIR ?? path.join(process.env.DATA_DIR ?? './data', 'nlu-cache'))
  .option('--classifier <name>', 'ngram or node-nlp', process.env.NLU_CLASSIFIER ?? 'ngram')
  .parse();
const opts = program.opts<{ dataDir: string; classifier: string }>();

if (!(CLASSIFIER_NAMES as readonly string[]).includes(opts.classifier)) {
  process.stderr.write(`unknown classifier "${opts.classifier}" (expected ${CLASSIFIER_NAMES.join(' or ')})\n`);
  process.exit(2);
}

const logger = createLogger({ level: process.env.LOG_LEVEL ?? 'warn' });
const nlu = await createNlu({
  dataDir: opts.dataDir,
  classifier: opts.classifier as ClassifierName,
  logger,
});

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) {
  const text = line.replace(/^\uFEFF/, '');
  const { intent, score, entities } = nlu.understand(text, { now: new Date() });
  process.stdout.write(`${JSON.stringify({ text, intent, score, entities })}\n`);
}
