/**
 * `npm run eval:nlu` — train each intent classifier on intents/, calibrate its
 * out-of-scope threshold on the corpus (k-fold), and measure it on the held-out set
 * test/fixtures/nlu-heldout.json, which is never trained or calibrated on.
 *
 * Each classifier runs in its own child process so the memory figures are its own
 * (node-nlp alone weighs ~390 MB). Options:
 *   --classifier ngram|node-nlp   measure one classifier only (default: both)
 *   --heldout <file>              another labelled set
 *   --json                        print the raw results as JSON
 *   --check                       exit 1 if the default classifier misses the targets
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { calibrateThreshold, type Calibration } from '../src/nlu/calibrate.js';
import { CLASSIFIER_NAMES, createClassifier, type ClassifierName } from '../src/nlu/classifiers.js';
import { DEFAULT_INTENTS_DIR, loadCorpus, loadLabelledSet } from '../src/nlu/corpus.js';
import { scorePredictions, type IntentMetrics } from '../src/nlu/metrics.js';
import { normalizeText } from '../src/nlu/normalize.js';

const DEFAULT_CLASSIFIER: ClassifierName = 'ngram';
const TARGETS = { inScopeAccuracy: 0.95, outOfScopeRejection: 0.9 };
const HELDOUT = fileURLToPath(new URL('../test/fixtures/nlu-heldout.json', import.meta.url));

interface ChildResult {
  classifier: ClassifierName;
  examples: number;
  heldout: number;
  calibration: Calibration;
  metrics: IntentMetrics;
  /** The same figures on the held-out items whose normalised text is not in the corpus. */
  unseen: IntentMetrics;
  /** The figures at a fixed 0.5 threshold instead of the calibrated one, for comparison. */
  atHalf: IntentMetrics;
  loadMs: number;
  trainingMs: number;
  calibrationMs: number;
  perSecond: number;
  rssMb: number;
  maxRssMb: number;
}

const program = new Command()
  .option('--classifier <name>', 'ngram or node-nlp (default: both)')
  .option('--heldout <file>', 'labelled test set', HELDOUT)
  .option('--json', 'print results as JSON')
  .option('--check', 'exit 1 when the default classifier misses the targets')
  .option('--child <name>', 'internal: measure one classifier in this process')
  .parse();
const opts = program.opts<{ classifier?: string; heldout: string; json?: boolean; check?: boolean; child?: string }>();

if (opts.child) {
  const result = await measure(asName(opts.child), opts.heldout);
  process.stdout.write(`${JSON.stringify(result)}\n`);
} else {
  const names = opts.classifier ? [asName(opts.classifier)] : [...CLASSIFIER_NAMES];
  const results: ChildResult[] = [];
  for (const name of names) {
    process.stderr.write(`measuring ${name}…\n`);
    results.push(await inChild(name, opts.heldout));
  }
  if (opts.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  else printReport(results);
  const main = results.find((r) => r.classifier === DEFAULT_CLASSIFIER);
  if (main) {
    const ok =
      main.metrics.inScopeAccuracy >= TARGETS.inScopeAccuracy &&
      main.metrics.outOfScopeRejection >= TARGETS.outOfScopeRejection;
    console.log(
      `\ndefault (${main.classifier}) ${ok ? 'MEETS' : 'MISSES'} the targets: in-scope accuracy ` +
        `${pct(main.metrics.inScopeAccuracy)} (>= ${pct(TARGETS.inScopeAccuracy)}), out-of-scope rejected ` +
        `${pct(main.metrics.outOfScopeRejection)} (>= ${pct(TARGETS.outOfScopeRejection)})`,
    );
    if (!ok && opts.check) process.exitCode = 1;
  }
}

function asName(name: string): ClassifierName {
  if ((CLASSIFIER_NAMES as readonly string[]).includes(name)) return name as ClassifierName;
  throw new Error(`unknown classifier "${name}" (expected ${CLASSIFIER_NAMES.join(' or ')})`);
}

async function measure(name: ClassifierName, heldoutFile: string): Promise<ChildResult> {
  const loadStart = performance.now();
  await createClassifier(name); // pays the module load (node-nlp's dictionary) up front
  const loadMs = performance.now() - loadStart;
  const corpus = await loadCorpus(DEFAULT_INTENTS_DIR);
  const heldout = await loadLabelledSet(heldoutFile);

  const calibrationStart = performance.now();
  const calibration = await calibrateThreshold(() => createClassifier(name), corpus.examples);
  const calibrationMs = performance.now() - calibrationStart;

  const classifier = await createClassifier(name);
  const trainStart = performance.now();
  await classifier.train(corpus.examples);
  const trainingMs = performance.now() - trainStart;
  classifier.threshold = calibration.threshold;

  const predictions = heldout.map((x) => ({ gold: x.intent, ...classifier.classify(x.text) }));
  const metrics = scorePredictions(predictions.map((p) => ({ gold: p.gold, predicted: p.intent })));
  const inCorpus = new Set(corpus.examples.map((e) => normalizeText(e.text)));
  const unseen = scorePredictions(
    predictions
      .filter((_, i) => !inCorpus.has(normalizeText(heldout[i]!.text)))
      .map((p) => ({ gold: p.gold, predicted: p.intent })),
  );
  const atHalf = scorePredictions(
    predictions.map((p) => ({ gold: p.gold, predicted: p.score < 0.5 ? 'None' : p.ranking[0]!.intent })),
  );

  // Throughput over the held-out texts, for at least two seconds after a warm-up pass.
  for (const x of heldout) classifier.classify(x.text);
  let count = 0;
  const benchStart = performance.now();
  while (performance.now() - benchStart < 2000) {
    for (const x of heldout) classifier.classify(x.text);
    count += heldout.length;
  }
  const perSecond = count / ((performance.now() - benchStart) / 1000);

  return {
    classifier: name,
    examples: corpus.examples.length,
    heldout: heldout.length,
    calibration,
    metrics,
    unseen,
    atHalf,
    loadMs,
    trainingMs,
    calibrationMs,
    perSecond,
    rssMb: process.memoryUsage().rss / 2 ** 20,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

function inChild(name: ClassifierName, heldoutFile: string): Promise<ChildResult> {
  const script = fileURLToPath(import.meta.url);
  const child = spawn(process.execPath, [...process.execArgv, script, '--child', name, '--heldout', heldoutFile], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`measuring ${name} failed (exit ${code})`));
      const line = out.trim().split('\n').pop() ?? '';
      resolve(JSON.parse(line) as ChildResult);
    });
  });
}

function printReport(results: ChildResult[]): void {
  const first = results[0];
  if (!first) return;
  console.log(`corpus: ${first.examples} utterances (intents/); held-out: ${first.heldout} items (${first.metrics.inScope} in scope, ${first.metrics.outOfScope} out of scope)\n`);
  const rows: Array<[string, (r: ChildResult) => string]> = [
    ['in-scope top-1 accuracy', (r) => pct(r.metrics.inScopeAccuracy)],
    ['out-of-scope rejected', (r) => pct(r.metrics.outOfScopeRejection)],
    ['macro F1 (incl. None)', (r) => r.metrics.macroF1.toFixed(3)],
    ['threshold (calibrated)', (r) => r.calibration.threshold.toFixed(3)],
    ['  k-fold in-scope acc.', (r) => pct(r.calibration.inScopeAccuracy)],
    ['  k-fold None rejected', (r) => pct(r.calibration.outOfScopeRejection)],
    ['unseen items only: n', (r) => `${r.unseen.inScope + r.unseen.outOfScope}`],
    ['  in-scope accuracy', (r) => pct(r.unseen.inScopeAccuracy)],
    ['  out-of-scope rejected', (r) => pct(r.unseen.outOfScopeRejection)],
    ['  macro F1', (r) => r.unseen.macroF1.toFixed(3)],
    ['at threshold 0.5 instead:', () => ''],
    ['  in-scope accuracy', (r) => pct(r.atHalf.inScopeAccuracy)],
    ['  out-of-scope rejected', (r) => pct(r.atHalf.outOfScopeRejection)],
    ['module load', (r) => `${(r.loadMs / 1000).toFixed(2)} s`],
    ['training (final fit)', (r) => `${(r.trainingMs / 1000).toFixed(2)} s`],
    ['calibration (5 folds)', (r) => `${(r.calibrationMs / 1000).toFixed(2)} s`],
    ['classifications / s', (r) => Math.round(r.perSecond).toLocaleString('en')],
    ['RSS after (MB)', (r) => r.rssMb.toFixed(0)],
    ['peak RSS (MB)', (r) => r.maxRssMb.toFixed(0)],
  ];
  const width = 26;
  console.log(['', ...results.map((r) => r.classifier)].map((s, i) => (i ? s.padStart(12) : s.padEnd(width))).join(''));
  for (const [label, get] of rows) {
    console.log([label.padEnd(width), ...results.map((r) => get(r).padStart(12))].join(''));
  }
  for (const r of results) {
    console.log(`\n${r.classifier}: threshold objective: ${r.calibration.objective}`);
    console.log(`${r.classifier}: most confused (gold → predicted):`);
    for (const c of r.metrics.confusions) console.log(`  ${String(c.count).padStart(3)}  ${c.gold} → ${c.predicted}`);
  }
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}
