import { rmSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { keywordNlu } from '../helpers/keyword-nlu.js';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('restart on an existing database', () => {
  it('keeps a conversation in progress and sends replies stored before the stop', async () => {
    const first: TestApp = await startTestApp({ nlu: keywordNlu });
    dir = first.dir;
    await first.say('web-r', '我要留言');
    await first.say('web-r', '意见建议');
    // A terminal message handled while no terminal channel runs: its reply stays in the outbox,
    // as it would if the process died before sending it.
    await first.bot.receive({ channel: 'console', userId: 'console:tester', messageId: 'c-1', text: '你好' });
    expect(first.store.outbox.counts().pending).toBe(1);
    const residents = await first.db.prisma.resident.count();
    await first.stop();

    const output = new PassThrough();
    let printed = '';
    output.on('data', (d) => (printed += String(d)));
    const second = await startTestApp({
      nlu: keywordNlu,
      dir,
      env: { CHANNELS: 'http,console' },
      consoleIo: { input: new PassThrough(), output },
    });
    await second.outbox.idle();
    expect(printed).toContain('您好');
    expect(second.store.outbox.counts().pending ?? 0).toBe(0);

    // the form resumes where it stopped: the next answer is the content
    const { body } = await second.say('web-r', '希望社区多组织老年人活动');
    expect(body.replies[0].text).toContain('手机号');
    expect(await second.db.prisma.resident.count()).toBe(residents); // nobody created twice
    await second.stop();
  });
});
