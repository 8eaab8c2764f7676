import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_INTENTS_DIR, loadCorpus } from '../../src/nlu/corpus.js';
import { INTENTS } from '../../src/nlu/types.js';

describe('loadCorpus', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'linli-corpus-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const write = (name: string, content: unknown) =>
    writeFile(path.join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  const corpus = (data: unknown) => ({ name: 'x', locale: 'zh-CN', data });

  it('reads every file into labelled examples', async () => {
    await write('a.json', corpus([{ intent: 'greeting', utterances: ['你好', ' 在吗 '] }]));
    await write('b.json', corpus([{ intent: 'None', utterances: ['讲个笑话'] }]));
    const { examples, files } = await loadCorpus(dir);
    expect(examples).toEqual([
      { text: '你好', intent: 'greeting' },
      { text: '在吗', intent: 'greeting' },
      { text: '讲个笑话', intent: 'None' },
    ]);
    expect(files.map((f) => path.basename(f))).toEqual(['a.json', 'b.json']);
  });

  it('hashes names and contents: same files same hash, any edit a new one', async () => {
    await write('a.json', corpus([{ intent: 'greeting', utterances: ['你好'] }]));
    const first = (await loadCorpus(dir)).hash;
    expect((await loadCorpus(dir)).hash).toBe(first);
    await write('a.json', corpus([{ intent: 'greeting', utterances: ['你好啊'] }]));
    expect((await loadCorpus(dir)).hash).not.toBe(first);
  });

  it.each([
    ['broken JSON', '{"name": "x", "data": [', /bad\.json: not valid JSON/],
    ['an unknown intent', corpus([{ intent: 'job.serach', utterances: ['找活'] }]), /bad\.json: invalid corpus: data\.0\.intent: unknown intent/],
    ['an empty utterance', corpus([{ intent: 'greeting', utterances: ['  '] }]), /bad\.json: invalid corpus: data\.0\.utterances\.0: empty utterance/],
    ['no utterances', corpus([{ intent: 'greeting', utterances: [] }]), /bad\.json: invalid corpus: data\.0\.utterances/],
    ['a missing locale', { name: 'x', data: [] }, /bad\.json: invalid corpus: locale/],
  ])('names the file and the problem for %s', async (_, content, message) => {
    await write('bad.json', content);
    await expect(loadCorpus(dir)).rejects.toThrow(message);
  });

  it('refuses one utterance given two intents, naming both files', async () => {
    await write('a.json', corpus([{ intent: 'event.cancel', utterances: ['不去了'] }]));
    await write('b.json', corpus([{ intent: 'job.apply', utterances: ['不去了'] }]));
    await expect(loadCorpus(dir)).rejects.toThrow(/b\.json: utterance "不去了" is labelled job\.apply here and event\.cancel in .*a\.json/);
  });

  it('refuses an empty directory', async () => {
    await expect(loadCorpus(dir)).rejects.toThrow(/no \*\.json corpus files/);
  });
});

describe('the shipped corpus (intents/)', () => {
  it('loads, and has at least 30 utterances for every intent and for None', async () => {
    const { examples } = await loadCorpus(DEFAULT_INTENTS_DIR);
    const counts = new Map<string, number>();
    for (const e of examples) counts.set(e.intent, (counts.get(e.intent) ?? 0) + 1);
    for (const intent of [...INTENTS, 'None']) expect(counts.get(intent) ?? 0, intent).toBeGreaterThanOrEqual(30);
  });
});
