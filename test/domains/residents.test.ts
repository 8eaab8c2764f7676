import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { keywordNlu } from '../helpers/keyword-nlu.js';

let app: TestApp;
let now: Date;
beforeEach(async () => {
  now = new Date('2026-11-30T02:00:00Z');
  app = await startTestApp({ nlu: keywordNlu, clock: () => now });
});
afterEach(async () => {
  await app.dispose();
});

let seq = 0;
const fromConsole = async (userId: string, text: string) =>
  (await app.bot.receive({ channel: 'console', userId, messageId: `c-${++seq}`, text })).replies.map((r) => r.text).join('\n');
const residentOf = async (channel: string, externalId: string) =>
  (await app.db.prisma.channelIdentity.findUniqueOrThrow({ where: { channel_externalId: { channel, externalId } } })).residentId;

async function codeFor(userId: string): Promise<string> {
  const { body } = await app.say(userId, '关联账号');
  const code = /关联码是 (\d{6})/.exec(body.replies[0].text)?.[1];
  expect(code).toMatch(/^\d{6}$/);
  return code!;
}

describe('linking accounts across platforms', () => {
  it('keeps identities on different channels apart until the code links them', async () => {
    await app.say('web-a', '你好');
    await fromConsole('term-a', '你好');
    expect(await residentOf('http', 'web-a')).not.toBe(await residentOf('console', 'term-a'));

    const code = await codeFor('web-a');
    expect(await fromConsole('term-a', `关联 ${code}`)).toContain('关联成功');
    expect(await residentOf('console', 'term-a')).toBe(await residentOf('http', 'web-a'));
    const audit = await app.db.prisma.auditLog.findFirstOrThrow({ where: { action: 'identity.link' } });
    expect(audit.entity).toBe('channel_identity');

    // a used code does not work twice
    expect(await fromConsole('term-b', `关联 ${code}`)).toContain('关联码不对或已经过期');
  });

  it('refuses an expired code, and a code sent from the same account', async () => {
    const code = await codeFor('web-c');
    expect((await app.say('web-c', `关联 ${code}`)).body.replies[0].text).toContain('就是本账号');
    now = new Date(now.getTime() + 11 * 60_000);
    expect(await fromConsole('term-c', `关联 ${code}`)).toContain('已经过期');
  });

  it('stops guessing after five wrong codes in an hour', async () => {
    const code = await codeFor('web-d');
    for (let i = 0; i < 5; i++) expect(await fromConsole('term-d', '关联 000000'.replace(/0$/, String(i)))).toContain('关联码不对');
    expect(await fromConsole('term-d', `关联 ${code}`)).toContain('次数太多');
    now = new Date(now.getTime() + 61 * 60_000);
    const fresh = await codeFor('web-d');
    expect(await fromConsole('term-d', `关联 ${fresh}`)).toContain('关联成功');
  });
});
