import { describe, expect, it } from 'vitest';
import { createUnderstander } from '../../src/nlu/index.js';
import { detectUrgent } from '../../src/nlu/urgent.js';
import type { Classification, IntentClassifier } from '../../src/nlu/types.js';

describe('detectUrgent', () => {
  it.each([
    ['三楼着火了！！', 'fire'],
    ['着火了吗？我闻到焦味', 'fire'],
    ['有没有着火啊 好像有烟', 'fire'],
    ['隔壁起火了 快来人', 'fire'],
    ['仓库失火', 'fire'],
    ['楼道里冒烟了', 'fire'],
    ['烟很大 看不清', 'fire'],
    ['厨房里有很浓的煤气味', 'gas'],
    ['燃气泄漏了怎么办', 'gas'],
    ['家里天然气味道好重', 'gas'],
    ['煤气好像漏了', 'gas'],
    ['有人被困在电梯里', 'trapped'],
    ['我困在电梯里出不去', 'trapped'],
    ['电梯困人了 快来', 'trapped'],
    ['有人触电了', 'electric'],
    ['电线冒火花', 'electric'],
    ['插座漏电 麻了一下', 'electric'],
    ['有人落水了！', 'water'],
    ['小孩掉河里了', 'water'],
    ['厂里爆炸了', 'other'],
    ['老房子塌了', 'other'],
    ['著火了', 'fire'],
    ['着火了 我刚才报过的 怎么还没人来', 'fire'],
    ['ＸＸ小区３号楼着火', 'fire'],
  ])('%s → %s', (text, kind) => {
    expect(detectUrgent(text)).toMatchObject({ urgent: true, kind });
  });

  it.each([
    '楼下那家火锅好吃吗',
    '火车票怎么买',
    '去火车站怎么走',
    '烟囱冒烟是正常的吗',
    '冒烟的烟囱',
    '漏电保护器老是跳闸',
    '落水管坏了在漏水',
    '最近被困扰得睡不着',
    '楼道堆杂物有火灾隐患',
    '没有着火 就是问问',
    '燃气费怎么交',
    '你好',
    '医保一年交多少钱',
    '嗓子冒烟了 想喝水',
    '电瓶车在楼道充电 万一着火咋办',
    '插座太多了容易漏电',
    '上周报的煤气味的事，后来查了吗',
    '我反映的电线冒火花那个问题处理了没有',
  ])('%s → not urgent', (text) => {
    expect(detectUrgent(text)).toBeNull();
  });

  it('names the words that matched', () => {
    expect(detectUrgent('快来 隔壁起火了')?.matched).toBe('起火');
  });
});

describe('urgent words override the classifier', () => {
  const alwaysGreeting: IntentClassifier = {
    name: 'stub',
    threshold: 0,
    async train() {},
    classify: (): Classification => ({
      intent: 'greeting',
      score: 0.9,
      ranking: [
        { intent: 'greeting', score: 0.9 },
        { intent: 'hazard.report', score: 0.1 },
      ],
    }),
    exportModel: () => null,
    importModel() {},
  };
  const nlu = createUnderstander(alwaysGreeting);

  it('makes an urgent message hazard.report, keeping the classifier ranking', () => {
    const u = nlu.understand('你好 着火了');
    expect(u.intent).toBe('hazard.report');
    expect(u.urgent).toMatchObject({ kind: 'fire' });
    expect(u.ranking[0]).toEqual({ intent: 'greeting', score: 0.9 });
    expect(u.score).toBe(0.9);
  });

  it('leaves a calm message to the classifier', () => {
    const u = nlu.understand('你好');
    expect(u.intent).toBe('greeting');
    expect(u.urgent).toBeNull();
  });
});
