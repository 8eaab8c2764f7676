import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorld, waitFor, type World } from './world.js';

// Web WeChat gives every contact a new id at each new login. A "new login" is played here by a
// second mock contact for the same person: same 微信号 or same remark, another id.

let w: World;
beforeAll(async () => {
  w = await startWorld();
});
afterAll(async () => {
  await w?.dispose();
});

const rows = (sql: string, ...params: unknown[]) => w.app.db.sqlite.prepare(sql).safeIntegers(false).all(...params) as any[];
const residentsNamed = (name: string) =>
  rows("SELECT DISTINCT resident_id FROM channel_identities WHERE channel = 'wechat' AND display_name = ?", name).map((r) => r.resident_id);

describe('the WeChat identity rule', () => {
  it('recognises a resident under a new contact id by the same 微信号, mid-form', async () => {
    const before = w.resident({ name: '陈阿姨', weixin: 'chen_ayi_1958' });
    await w.say(before, '我要留言');
    expect(w.heard(before).join('\n')).toContain('请问是哪一类留言');

    const after = w.resident({ name: '陈阿姨', weixin: 'chen_ayi_1958' });
    await w.say(after, '3');
    // The form she started goes on, and the answer reaches her under the new id.
    expect(w.heard(after)).toEqual([expect.stringContaining('请说说具体内容')]);
    expect(residentsNamed('陈阿姨')).toHaveLength(1);
    expect(w.logs.some((l) => l.by === 'handle' && l.userId === before.id)).toBe(true);
  });

  it('writes a remark token for a friend without 微信号 and recognises the same remark under a new id', async () => {
    const before = w.resident({ name: '吴大姐' });
    await w.say(before, '我要留言');
    await w.settle();
    const remark = w.mocker.contactPayload(before.id).alias;
    expect(remark).toMatch(/^吴大姐 #LL[0-9A-HJKMNP-TV-Z]{6}$/);

    const after = w.resident({ name: '吴大姐', alias: remark });
    await w.say(after, '1');
    expect(w.heard(after)).toEqual([expect.stringContaining('请说说具体内容')]);
    expect(residentsNamed('吴大姐')).toHaveLength(1);
  });

  it('never merges two contacts that only share a name', async () => {
    const first = w.resident({ name: '郑阿姨' });
    const second = w.resident({ name: '郑阿姨' });
    await w.say(first, '我要留言');
    await w.say(second, '2');
    // The second 郑阿姨 has no form in progress: "2" is not an answer to the first one's question.
    expect(w.heard(second).join('\n')).not.toContain('请说说具体内容');
    expect(residentsNamed('郑阿姨')).toHaveLength(2);
  });

  it('treats a contact as new when its 微信号 and its remark token point at two residents', async () => {
    const a = w.resident({ name: '冯先生', weixin: 'feng_xiansheng' });
    const b = w.resident({ name: '冯先生' });
    await w.say(a, '你好');
    await w.say(b, '你好');
    await w.settle();
    const tokenOfB = w.mocker.contactPayload(b.id).alias;
    const confused = w.resident({ name: '冯先生', weixin: 'feng_xiansheng', alias: tokenOfB });
    await w.say(confused, '你好');
    expect(residentsNamed('冯先生')).toHaveLength(3);
    expect(w.logs.some((l) => String(l.msg).includes('point at two different residents'))).toBe(true);
  });

  it('reaches a resident under the new id before they write again, found by 微信号', async () => {
    const before = w.resident({ name: '褚老师', weixin: 'chu_laoshi' });
    await w.say(before, '你好');
    const [{ resident_id: residentId }] = rows(
      "SELECT resident_id FROM channel_identities WHERE channel = 'wechat' AND external_id = ?",
      before.id,
    );
    // A new login: the old id is gone, the same person is there under a new one.
    await w.relogin();
    w.mocker.cacheContactPayload.delete(before.id);
    const after = w.resident({ name: '褚老师', weixin: 'chu_laoshi' });

    w.app.bot.intent('test.fast', async (ctx) => {
      await ctx.notify({ residentId }, '您报名的文化礼堂活动明天上午九点开始');
      await ctx.reply('已通知');
    });
    await w.app.say('web-admin', '快快');
    await waitFor(() => w.heard(after).length > 0, 'the notification');
    expect(w.heard(after)).toEqual(['您报名的文化礼堂活动明天上午九点开始']);
    expect(w.heard(before)).toHaveLength(1); // only the greeting, from before the new login
  });
});
