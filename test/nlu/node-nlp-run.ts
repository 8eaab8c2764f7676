/**
 * Child process for node-nlp.test.ts: trains node-nlp on the tiny corpus in whatever the
 * working directory is, classifies a few texts both ways, and prints one JSON line.
 */
import { NodeNlpClassifier } from '../../src/nlu/nodenlp.js';
import { TINY_CORPUS } from './tiny-corpus.js';

const examples = TINY_CORPUS.data.flatMap((d) => d.utterances.map((text) => ({ text, intent: d.intent })));
const texts = [...examples.map((e) => e.text), '附近有没有保洁的活', '医保咋交', '后天刮不刮风', '', '。。。'];

const classifier = await NodeNlpClassifier.create();
await classifier.train(examples);
classifier.threshold = 0.5; // node-nlp's own default, so both ways must agree exactly
const mismatches: unknown[] = [];
for (const text of texts) {
  const mine = classifier.classify(text);
  const official = await classifier.processOfficially(text);
  if (mine.intent !== official.intent) mismatches.push({ text, mine: mine.intent, official: official.intent });
}
const restored = await NodeNlpClassifier.create();
restored.importModel(JSON.parse(JSON.stringify(classifier.exportModel())));
restored.threshold = 0.5;
process.stdout.write(
  `${JSON.stringify({
    checked: texts.length,
    mismatches,
    job: classifier.classify('有没有活干').intent,
    restored: restored.classify('有没有活干').intent,
  })}\n`,
);
