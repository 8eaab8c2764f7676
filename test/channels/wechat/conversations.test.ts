import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FileBox } from 'file-box';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { types } from 'wechaty';
import { startWorld, waitFor, type World } from './world.js';

// A real 1×1 PNG: the channel sniffs the type from the bytes, not the name.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

let w: World;
beforeAll(async () => {
  w = await startWorld();
});
afterAll(async () => {
  await w?.dispose();
});

const rows = (sql: string, ...params: unknown[]) => w.app.db.sqlite.prepare(sql).safeIntegers(false).all(...params) as any[];
const inboundOf = (text: string) => rows("SELECT * FROM inbound_messages WHERE channel = 'wechat' AND text = ?", text);

describe('logging in', () => {
  it('prints the QR code with its link and logs the scan and the account name', () => {
    const printed = w.terminal.join('');
    expect(printed).toContain('▄'); // the QR code itself, in half blocks
    expect(printed).toContain(`https://wechaty.js.org/qrcode/${encodeURIComponent('https://login.weixin.qq.com/l/linli-test')}`);
    expect(w.logs.some((l) => String(l.msg).includes('scan the QR code'))).toBe(true);
    expect(w.logs.find((l) => String(l.msg).includes('logged in'))).toMatchObject({ account: '邻里小助手' });
    // The session is kept in a memory card under the data folder, for the next start.
    expect((w.channel.wechaty as unknown as { memory: { name: string } }).memory.name).toBe(join(w.app.dir, 'wechat', 'linli'));
  });
});

describe('a private chat', () => {
  it('goes through the whole 留言 form, answering options by their numbers', async () => {
    const zhang = w.resident({ name: '张阿姨' });
    await w.say(zhang, '我要留言');
    const topicQuestion = w.heard(zhang).join('\n');
    expect(topicQuestion).toContain('请问是哪一类留言');
    expect(topicQuestion).toContain('1. 意见建议\n2. 表扬\n3. 投诉');
    expect(topicQuestion).toContain('（回复数字即可）');

    await w.say(zhang, '2');
    expect(w.heard(zhang).at(-1)).toContain('请说说具体内容');
    await w.say(zhang, '网格员小王帮我们修好了楼道的灯，特别负责');
    expect(w.heard(zhang).at(-1)).toContain('手机号');
    await w.say(zhang, '跳过');
    const confirmation = w.heard(zhang).at(-1)!;
    expect(confirmation).toContain('请核对您的「留言」');
    expect(confirmation).toContain('表扬');
    expect(confirmation).toMatch(/1\. 确认\n2\. 修改\n3\. 取消/);
    await w.say(zhang, '1');
    expect(w.heard(zhang).at(-1)).toMatch(/已收到您的留言（编号 #\d+）/);

    const [saved] = rows('SELECT topic, content FROM feedback');
    expect(saved).toEqual({ topic: '表扬', content: '网格员小王帮我们修好了楼道的灯，特别负责' });
  });

  it('handles the same message event twice once: one inbound row, one reply', async () => {
    const li = w.resident({ name: '李大爷' });
    await w.deliver(
      { id: 'wx-msg-dup-1', talkerId: li.id, listenerId: w.me.id, timestamp: Date.now(), type: types.Message.Text, text: '你好' },
      2,
    );
    expect(rows("SELECT id FROM inbound_messages WHERE channel = 'wechat' AND platform_message_id = 'wx-msg-dup-1'")).toHaveLength(1);
    expect(w.heard(li)).toHaveLength(1);
    expect(w.heard(li)[0]).toContain('您好');
    // The channel dropped the second event itself, before the pipeline.
    expect(w.logs.filter((l) => l.messageId === 'wx-msg-dup-1' && String(l.msg).includes('repeated message event dropped'))).toHaveLength(1);
  });

  it('saves a photo content-hashed under the data folder and asks what it is about', async () => {
    const wang = w.resident({ name: '王师傅' });
    await w.say(wang, FileBox.fromBase64(PNG.toString('base64'), 'IMG_0001.png'));
    expect(w.heard(wang).at(-1)).toContain('收到您的图片');

    const [row] = rows(
      "SELECT i.attachments FROM inbound_messages i JOIN channel_identities c ON c.resident_id = i.resident_id WHERE c.channel = 'wechat' AND c.external_id = ?",
      wang.id,
    );
    const [photo] = JSON.parse(row.attachments);
    const sha256 = createHash('sha256').update(PNG).digest('hex');
    expect(photo).toMatchObject({ kind: 'image', sha256, size: PNG.length, mime: 'image/png' });
    expect(photo.path).toContain(`${sha256}.png`);
    expect(readFileSync(photo.path).equals(PNG)).toBe(true);
  });

  it('refuses a photo over the size limit politely and stores nothing', async () => {
    const zhao = w.resident({ name: '赵阿姨' });
    const big = Buffer.concat([PNG, Buffer.alloc(5000)]);
    await w.say(zhao, FileBox.fromBase64(big.toString('base64'), 'big.png'));
    expect(w.heard(zhao)).toEqual([expect.stringContaining('这张图片太大了（超过 4 KB）')]);
    expect(rows("SELECT id FROM channel_identities WHERE channel = 'wechat' AND external_id = ?", zhao.id)).toHaveLength(0);
    const sha256 = createHash('sha256').update(big).digest('hex');
    expect(existsSync(`${w.app.dir}/attachments/${sha256.slice(0, 2)}/${sha256}.png`)).toBe(false);
  });

  it('passes a shared location on as coordinates', async () => {
    const liu = w.resident({ name: '刘师傅' });
    await w.deliver({ id: 'wx-loc-1', talkerId: liu.id, listenerId: w.me.id, timestamp: Date.now(), type: types.Message.Location }, 1);
    expect(w.heard(liu)).toEqual([expect.stringContaining('收到您的位置')]);
  });

  it('answers a voice message with a request for text or a photo and stores nothing', async () => {
    const sun = w.resident({ name: '孙奶奶' });
    const before = rows('SELECT COUNT(*) AS n FROM inbound_messages')[0].n;
    await w.say(sun, FileBox.fromBase64(Buffer.from('#!SILK_V3 not really a voice').toString('base64'), 'voice.sil'));
    expect(w.heard(sun)).toEqual([expect.stringContaining('请发文字或照片')]);
    expect(rows('SELECT COUNT(*) AS n FROM inbound_messages')[0].n).toBe(before);
  });

  it('ignores official accounts and the bot’s own messages', async () => {
    const news = w.resident({ name: '某某公众号', type: types.Contact.Official });
    const before = rows('SELECT COUNT(*) AS n FROM inbound_messages')[0].n;
    await w.say(news, '今日新闻：你好');
    // What the account's owner types on the phone comes back as the bot's own message.
    const neighbour = w.resident({ name: '隔壁老吴' });
    await w.say(w.me, '你好，老吴', neighbour);
    await w.say(neighbour, '收到');
    expect(w.heard(news)).toEqual([]);
    expect(inboundOf('今日新闻：你好')).toEqual([]);
    expect(inboundOf('你好，老吴')).toEqual([]);
    // Only the neighbour's own answer reached the pipeline.
    expect(rows('SELECT COUNT(*) AS n FROM inbound_messages')[0].n).toBe(before + 1);
  });
});

describe('a group chat', () => {
  it('answers only when @-mentioned or addressed with the prefix, in the group', async () => {
    const qian = w.resident({ name: '钱阿姨' });
    const group = w.room('幸福里小区邻居群', [qian]);

    await w.say(qian, '我要留言', group);
    expect(w.heard(group)).toEqual([]);
    expect(inboundOf('我要留言').filter((r) => r.reply_address === `room:${group.id}`)).toHaveLength(0);

    await w.say(qian, '@邻里小助手\u2005你好', group, [w.me]);
    expect(w.heard(group)).toHaveLength(1);
    expect(w.heard(group)[0]).toContain('钱阿姨，您好');
    expect(inboundOf('你好').filter((r) => r.reply_address === `room:${group.id}`)).toHaveLength(1);

    await w.say(qian, '邻里，我要留言', group);
    expect(w.heard(group).at(-1)).toContain('请问是哪一类留言');
    const [row] = rows("SELECT text, sender_id FROM inbound_messages WHERE reply_address = ? ORDER BY id DESC LIMIT 1", `room:${group.id}`);
    expect(row).toEqual({ text: '我要留言', sender_id: qian.id });
    // The resident talks in the group, never privately: nothing went to her own chat.
    expect(w.heard(qian)).toEqual([]);
  });

  it('ignores photos in groups and asks what is wanted after a bare mention', async () => {
    const zhou = w.resident({ name: '周师傅' });
    const group = w.room('网格二群', [zhou]);
    await w.say(zhou, FileBox.fromBase64(PNG.toString('base64'), 'group.png'), group);
    expect(w.heard(group)).toEqual([]);
    await w.say(zhou, '@邻里小助手', group, [w.me]);
    expect(w.heard(group)).toEqual([expect.stringContaining('请在@我后面写上要办的事')]);
  });
});

describe('a staff group', () => {
  it('receives a tip-off forwarded by a handler with ctx.notify', async () => {
    const gridWorker = w.resident({ name: '网格员小王' });
    const staff = w.room('网格员工作群', [gridWorker]);
    w.app.bot.intent('test.fast', async (ctx) => {
      await ctx.notify({ channel: 'wechat', address: `room:${staff.id}` }, `【随手拍】${ctx.text}`, { options: ['我来处理'] });
      await ctx.reply('已转给网格员');
    });
    // The tip-off arrives on another channel (the HTTP API) and is forwarded into the WeChat group.
    const { body } = await w.app.say('web-resident', '快快 三号楼楼道堆满了纸箱');
    expect(body.replies[0].text).toBe('已转给网格员');
    await waitFor(() => w.heard(staff).length > 0, 'the forwarded tip-off');
    expect(w.heard(staff)).toEqual(['【随手拍】快快 三号楼楼道堆满了纸箱\n1. 我来处理\n（回复数字即可）']);
    const [row] = rows("SELECT status FROM outbound_messages WHERE channel = 'wechat' AND address = ?", `room:${staff.id}`);
    expect(row.status).toBe('sent');
  });
});
