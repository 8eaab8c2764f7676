/**
 * A small training corpus for tests that need to train quickly (the real one is intents/).
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Corpus } from '../../src/nlu/types.js';

export const TINY_CORPUS: Corpus = {
  name: 'tiny',
  locale: 'zh-CN',
  data: [
    {
      intent: 'greeting',
      utterances: ['你好', '您好', '在吗', '有人吗', '早上好', '哈喽', '你好啊', '在不在', '晚上好', '嗨'],
    },
    {
      intent: 'job.search',
      utterances: [
        '找工作', '有没有活干', '附近有没有日结的保洁', '有啥零工', '想找个临时工',
        '工地招不招小工', '有没有搬运的活', '找个钟点工的活', '俺想打零工', '最近招人吗',
      ],
    },
    {
      intent: 'insurance.info',
      utterances: [
        '医保怎么交', '医保一年多少钱', '医保能报多少', '今年医保缴费标准', '住院能报销吗',
        '医保啥时候交', '老人医保政策', '城乡居民医保多少钱', '医保报销比例', '医保在哪交',
      ],
    },
    {
      intent: 'None',
      utterances: [
        '今天天气怎么样', '讲个笑话', '淘宝怎么退货', '股票涨了吗', '推荐一部电影',
        '明天会下雨吗', '你喜欢吃什么', '唱首歌', '房价多少钱', '驾照怎么换',
      ],
    },
  ],
};

/** Write a corpus (default {@link TINY_CORPUS}) as intents/tiny.json in a fresh temp dir. */
export async function writeTinyCorpus(corpus: Corpus = TINY_CORPUS): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'linli-intents-'));
  await writeFile(path.join(dir, 'tiny.json'), JSON.stringify(corpus, null, 1));
  return dir;
}
