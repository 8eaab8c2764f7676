import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { keywordNlu } from '../helpers/keyword-nlu.js';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.dispose();
});

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
}

describe('terminal chat', () => {
  it('shows replies with numbered options and takes an answer by number', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let screen = '';
    output.on('data', (d) => (screen += String(d)));
    let quit = false;
    app = await startTestApp({
      nlu: keywordNlu,
      env: { CHANNELS: 'console' },
      consoleIo: { input, output },
      onQuit: () => (quit = true),
    });
    expect(app.http).toBeNull(); // CHANNELS=console runs no HTTP server
    await until(() => screen.includes('您>'), 'the banner');

    input.write('你好\n');
    await until(() => screen.includes('回复数字即可'), 'the menu');
    expect(screen).toMatch(/5\. 给街道留言/);

    input.write('5\n');
    await until(() => screen.includes('请问是哪一类留言'), 'the feedback form');
    expect(screen).toMatch(/1\. 意见建议/);

    input.write('\n'); // an empty line is ignored
    input.write('/quit\n');
    await until(() => quit, 'quit');
    const inbound = await app.db.prisma.inboundMessage.findMany({ where: { channel: 'console' } });
    expect(inbound.map((m) => m.text)).toEqual(['你好', '5']);
  });
});
