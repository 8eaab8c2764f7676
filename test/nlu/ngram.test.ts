import { beforeAll, describe, expect, it } from 'vitest';
import { NgramClassifier } from '../../src/nlu/ngram.js';
import { normalizeText } from '../../src/nlu/normalize.js';
import { rankScores } from '../../src/nlu/ranking.js';
import { TINY_CORPUS } from './tiny-corpus.js';

const examples = TINY_CORPUS.data.flatMap((d) => d.utterances.map((text) => ({ text, intent: d.intent })));

describe('normalizeText', () => {
  it.each([
    ['Ｈｉ！！', 'hi'],
    ['請問醫保交了沒', '请问医保交了没'],
    ['找  工作。。。😀🙏', '找工作'],
    ['我电话13812345678，3号楼', '我电话0号楼'],
    ['谢谢谢谢谢谢', '谢谢'],
  ])('%s → %s', (input, output) => {
    expect(normalizeText(input)).toBe(output);
  });

  it('can keep digits', () => {
    expect(normalizeText('打１１９', { keepDigits: true })).toBe('打119');
  });
});

describe('NgramClassifier', () => {
  let classifier: NgramClassifier;
  beforeAll(async () => {
    classifier = new NgramClassifier();
    await classifier.train(examples);
  });

  it('recognises new phrasings of trained intents', () => {
    expect(classifier.classify('有没有保洁的活干').intent).toBe('job.search');
    expect(classifier.classify('醫保一年交多少').intent).toBe('insurance.info');
    expect(classifier.classify('你好呀！').intent).toBe('greeting');
  });

  it('ranks every intent, best first, scores summing to 1', () => {
    const { ranking, score } = classifier.classify('医保怎么报销');
    expect(ranking.map((r) => r.intent).sort()).toEqual(['None', 'greeting', 'insurance.info', 'job.search']);
    expect(ranking[0]!.score).toBe(score);
    expect(ranking.reduce((s, r) => s + r.score, 0)).toBeCloseTo(1, 5);
  });

  it('says None when the best score is under the threshold', () => {
    const copy = new NgramClassifier();
    copy.importModel(classifier.exportModel());
    const text = '找工作';
    const { score } = copy.classify(text);
    copy.threshold = score + 0.01;
    expect(copy.classify(text).intent).toBe('None');
    copy.threshold = score;
    expect(copy.classify(text).intent).toBe('job.search');
  });

  it('trains the same model twice from the same examples', async () => {
    const again = new NgramClassifier();
    await again.train(examples);
    expect(again.exportModel()).toEqual(classifier.exportModel());
  });

  it('classifies identically after a JSON round trip of its model', () => {
    const restored = new NgramClassifier();
    restored.importModel(JSON.parse(JSON.stringify(classifier.exportModel())));
    for (const e of examples) expect(restored.classify(e.text)).toEqual(classifier.classify(e.text));
  });

  it('refuses a model that is not its own', () => {
    expect(() => new NgramClassifier().importModel({ kind: 'node-nlp' })).toThrow();
  });

  it('cannot classify before training', () => {
    expect(() => new NgramClassifier().classify('你好')).toThrow(/not trained/);
  });
});

describe('rankScores', () => {
  it('keeps the best score when rejecting', () => {
    expect(rankScores(['help', 'None'], [0.35, 0.3], 0.4)).toMatchObject({ intent: 'None', score: 0.35 });
    expect(rankScores(['help', 'None'], [0.45, 0.3], 0.4)).toMatchObject({ intent: 'help', score: 0.45 });
  });
});
