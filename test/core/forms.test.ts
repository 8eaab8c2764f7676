import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { keywordNlu } from '../helpers/keyword-nlu.js';

let app: TestApp;
let now: Date;
beforeEach(async () => {
  now = new Date('2026-11-30T02:00:00Z'); // a Monday, 10:00 in Quzhou
  app = await startTestApp({ nlu: keywordNlu, clock: () => now, env: { FORM_EXPIRY_MINUTES: '30' } });
});
afterEach(async () => {
  await app.dispose();
});

const texts = (body: any) => body.replies.map((r: any) => r.text).join('\n');
async function say(text: string) {
  const { body } = await app.say('resident-1', text);
  return texts(body);
}

describe('feedback form (留言)', () => {
  it('collects, re-asks a bad answer saying what is wrong, confirms and stores with the phone encrypted', async () => {
    expect(await say('我要留言')).toContain('请问是哪一类留言');
    expect(await say('1')).toContain('具体内容'); // option 1: 意见建议
    expect(await say('太暗')).toContain('内容有点少');
    expect(await say('小区门口路灯太暗了，晚上走路不安全')).toContain('手机号');
    expect(await say('1381234')).toContain('手机号好像不对');
    const confirm = await say('我的电话是138 1234 5678');
    expect(confirm).toContain('联系电话：138****5678');
    expect(confirm).not.toContain('13812345678');
    const done = await say('确认');
    expect(done).toMatch(/已收到您的留言（编号 #\d+）/);

    const saved = await app.db.prisma.feedback.findFirstOrThrow();
    expect(saved).toMatchObject({ topic: '意见建议', content: '小区门口路灯太暗了，晚上走路不安全', phoneMasked: '138****5678' });
    expect(saved.phoneCipher).not.toContain('13812345678');
    expect(app.vault.decrypt(saved.phoneCipher!)).toBe('13812345678');
    const staff = await app.inbox('duty-desk');
    expect(staff[0].text).toContain('新留言');
    expect(staff[0].text).not.toContain('13812345678');
  });

  it('goes back one question with 上一步 and lets a slot be corrected at confirmation', async () => {
    await say('留言');
    await say('表扬');
    expect(await say('上一步')).toContain('请问是哪一类留言');
    await say('投诉');
    await say('垃圾桶好几天没人清理，味道很大');
    const confirm = await say('跳过');
    expect(confirm).toContain('类别：投诉');
    expect(confirm).toContain('联系电话：（未填写）');
    expect(await say('修改')).toContain('要修改哪一项');
    expect(await say('类别')).toContain('请问是哪一类留言');
    const again = await say('意见建议');
    expect(again).toContain('类别：意见建议');
    await say('确认');
    const saved = await app.db.prisma.feedback.findFirstOrThrow();
    expect(saved.topic).toBe('意见建议');
    expect(saved.phoneCipher).toBeNull();
  });

  it('cancels with 取消 / 算了 / 退出 at any step and saves nothing', async () => {
    for (const word of ['取消', '算了', '退出']) {
      await say('我要留言');
      await say('咨询');
      expect(await say(word)).toContain('已取消「留言」');
    }
    await say('我要留言');
    await say('咨询');
    await say('想问问社区食堂几点开门');
    await say('跳过');
    expect(await say('取消')).toContain('已取消');
    expect(await app.db.prisma.feedback.count()).toBe(0);
    // the next message is understood normally again
    expect(await say('你好')).toContain('您好');
  });

  it('expires after the configured silence and handles the new message normally', async () => {
    await say('我要留言');
    await say('咨询');
    now = new Date(now.getTime() + 31 * 60_000);
    const reply = await say('你好');
    expect(reply).toContain('太久没有回复，已经自动取消');
    expect(reply).toContain('您好');
    expect(await app.db.prisma.feedback.count()).toBe(0);
  });

  it('keeps a form in progress within the expiry window', async () => {
    await say('我要留言');
    now = new Date(now.getTime() + 29 * 60_000);
    expect(await say('建议')).toContain('具体内容');
  });

  it('says it is already the first question when 上一步 is said at the start', async () => {
    await say('留言');
    expect(await say('上一步')).toContain('已经是第一步');
  });

  it('re-asks a category that is not one of the options, and takes one named in words', async () => {
    await say('我要留言');
    expect(await say('医保一年交多少钱')).toContain('请从下面选一个类别');
    expect(await say('我想提个建议')).toContain('具体内容');
  });

  it('answers danger at once in the middle of a form, and the form goes on after', async () => {
    await say('我要留言');
    await say('投诉');
    const urgent = await say('楼下着火了');
    expect(urgent).toContain('119');
    expect(await say('楼道里堆满了杂物，一直没人管')).toContain('手机号');
  });
});
