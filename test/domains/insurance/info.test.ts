import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectTopic } from '../../../src/domains/insurance/dialogue.js';
import { optionsOf, startInsuranceApp, textOf, type InsuranceTestApp } from './helpers.js';

let app: InsuranceTestApp;
beforeAll(async () => {
  app = await startInsuranceApp();
}, 120_000);
afterAll(async () => {
  await app.dispose();
});

describe('insurance.info answers the question asked', () => {
  it.each([
    ['今年城乡居民医保一个人交多少钱啊', ['650元', '440元'], '缴费标准'],
    ['医保最晚交到几号', ['2026年12月31日', '正在缴费期内'], '缴费时间'],
    ['新生儿的医保有啥规定', ['90天', '出生医学证明'], '新生儿参保'],
    ['俺是低保户，医保要自己出钱不', ['低保对象：全额资助', '低保边缘户：资助50%，成年人个人交325元', '最低生活保障证'], '低保等资助政策'],
    ['我户口在江西，在这边上班，能交这边的医保吗', ['居住证'], '外地户口参保'],
    ['去年忘了交医保断了一年，现在咋办', ['等待期'], '断缴补缴'],
    ['医保可以用手机交吗', ['浙里办', '支付宝', '村社'], '在哪交（缴费渠道）'],
    ['去交医保要带啥证件', ['户口簿', '低保证'], '所需材料'],
    ['住院能报销多少', ['住院', '大病保险'], '报销政策'],
    ['女儿在杭州读大学，医保在哪交', ['学校'], '学生参保'],
  ])('%s', async (question, facts, topicLabel) => {
    const res = await app.say(`asker-${question}`, question);
    const text = textOf(res);
    for (const f of facts) expect(text).toContain(f);
    // Short: one topic, not the leaflet; the demo figures are flagged.
    expect(text.length).toBeLessThan(400);
    expect(text).toContain('具体以当年医保部门公布的政策为准');
    // A menu of the other topics, and enrolment.
    const options = optionsOf(res);
    expect(options).not.toContain(topicLabel);
    expect(options).toContain('办理参保');
    expect(options.length).toBe(10);
  });

  it('answers a vague “医保” with the topic menu, and a number picks a topic', async () => {
    let res = await app.say('vague', '医保');
    expect(textOf(res)).toContain('您想了解哪方面');
    expect(optionsOf(res).slice(0, 2)).toEqual(['缴费标准', '缴费时间']);
    res = await app.say('vague', '2');
    expect(textOf(res)).toContain('2026年9月1日至2026年12月31日');
    res = await app.say('vague', '办理参保');
    expect(textOf(res)).toContain('给谁参保');
  });

  it('tells when the window is closed', async () => {
    app.clock.now = new Date('2027-02-10T10:00:00+08:00');
    try {
      expect(textOf(await app.say('late', '医保几号截止'))).toContain('集中缴费期已经结束');
    } finally {
      app.clock.now = new Date('2026-11-29T10:00:00+08:00');
    }
  });
});

describe('detectTopic', () => {
  it('puts the specific topic before the general one', () => {
    expect(detectTopic('新生儿医保交多少钱')).toBe('newborn');
    expect(detectTopic('低保户交多少')).toBe('subsidy');
    expect(detectTopic('医保的事问一下')).toBeUndefined();
  });
});
