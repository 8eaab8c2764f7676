import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveAttachment } from '../../src/channels/attachments.js';
import { startTestApp, type TestApp } from '../helpers/app.js';

// The real NLU (trained once, cached for the whole test run).
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.dispose();
});

const count = (table: string) =>
  (app.db.sqlite.prepare(`SELECT COUNT(*) AS n FROM ${table}`).safeIntegers(false).get() as { n: number }).n;

async function post(body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  const res = await fetch(app.url('/api/messages'), { method: 'POST', headers, body });
  return { status: res.status, body: (await res.json()) as any };
}

describe('HTTP API', () => {
  it('answers a greeting with the services menu', async () => {
    const { status, body } = await app.say('web-1', '你好呀');
    expect(status).toBe(200);
    expect(body.replies[0].text).toContain('您好');
    expect(body.replies[0].options).toEqual(expect.arrayContaining(['找零工·找工作', '城乡居民医保', '给街道留言']));
  });

  it('accepts an option back verbatim or by its number', async () => {
    await app.say('web-2', '你能干啥');
    const byLabel = await app.say('web-2', '给街道留言');
    expect(byLabel.body.replies.at(-1).text).toContain('哪一类留言');
    const byNumber = await app.say('web-2', '3');
    expect(byNumber.body.replies[0].text).toContain('具体内容');
  });

  it('offers the menu for a message out of scope', async () => {
    const { body } = await app.say('web-3', '明天天气怎么样');
    expect(body.replies[0].text).toContain('这个问题我还答不上来');
    expect(body.replies[0].options.length).toBeGreaterThan(3);
  });

  it('tells an urgent report to call 119 first', async () => {
    const { body } = await app.say('web-4', '楼下着火了冒了好大的烟');
    expect(body.replies[0].text).toContain('119');
  });

  it('hands over to a person and pushes the request into the duty desk inbox once', async () => {
    const { body } = await app.say('web-5', '我要找人工客服');
    expect(body.replies[0].text).toMatch(/转人工|已记下您的请求/);
    const inbox = await app.inbox('duty-desk');
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({ kind: 'notification' });
    expect(inbox[0].text).toContain('我要找人工客服');
    expect(await app.inbox('duty-desk')).toEqual([]);
  });

  it('handles emoji and a long message within the limit', async () => {
    expect((await app.say('web-6', '👍👍谢谢啦🙏')).status).toBe(200);
    expect((await app.say('web-6', '啊'.repeat(4000))).status).toBe(200);
  });

  it('serves /healthz', async () => {
    const res = await fetch(app.url('/healthz'));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok' });
  });

  describe('refuses bad input with 400 and stores nothing', () => {
    const cases: Array<[string, string]> = [
      ['bad JSON', '{"userId": "x", "text": '],
      ['not an object', '"hello"'],
      ['missing userId', JSON.stringify({ text: '你好' })],
      ['missing text', JSON.stringify({ userId: 'bad-1' })],
      ['empty text', JSON.stringify({ userId: 'bad-1', text: '   ' })],
      ['text over 4,000 characters', JSON.stringify({ userId: 'bad-1', text: '长'.repeat(4001) })],
      ['wrong types', JSON.stringify({ userId: 42, text: ['a'] })],
      ['empty userId', JSON.stringify({ userId: '', text: '你好' })],
    ];
    for (const [name, body] of cases) {
      it(name, async () => {
        const before = [count('inbound_messages'), count('residents'), count('outbound_messages')];
        const res = await post(body);
        expect(res.status).toBe(400);
        expect(res.body.error.message).toEqual(expect.any(String));
        expect([count('inbound_messages'), count('residents'), count('outbound_messages')]).toEqual(before);
      });
    }

    it('a body over the size limit (413)', async () => {
      const res = await post(JSON.stringify({ userId: 'bad-2', text: 'x'.repeat(100_000) }));
      expect(res.status).toBe(413);
    });

    it('an unknown route (404) and a wrong method (405)', async () => {
      expect((await fetch(app.url('/api/nothing'))).status).toBe(404);
      expect((await fetch(app.url('/api/messages'))).status).toBe(405);
    });
  });

  it('answers a repeated messageId with the first replies and stores it once', async () => {
    const first = await app.say('web-7', '医保一年交多少钱', 'client-msg-1');
    const before = count('inbound_messages');
    const again = await app.say('web-7', '医保一年交多少钱', 'client-msg-1');
    expect(again.body).toEqual(first.body);
    expect(count('inbound_messages')).toBe(before);
  });

  it('hands out a notification’s photos by their content hash, and nothing else under the data folder', async () => {
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 9, 9]);
    const photo = await saveAttachment({ dataDir: app.dir, bytes, maxBytes: 1000 });
    await app.bot.notify([{ channel: 'http', address: 'staff-photo' }], { text: '新的随手拍', attachments: [photo] });
    const [message] = await app.inbox('staff-photo');
    expect(message.attachments).toEqual([{ kind: 'image', mime: 'image/png', size: 10, url: `/api/files/${photo.sha256}.png` }]);
    const file = await fetch(app.url(message.attachments[0].url));
    expect(file.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await file.arrayBuffer())).toEqual(bytes);
    for (const bad of ['../linli.db', '..%2Flinli.db', 'pii.key', `${photo.sha256}.exe`, `${'0'.repeat(64)}.png`]) {
      expect((await fetch(app.url(`/api/files/${bad}`))).status).toBe(404);
    }
  });
});
