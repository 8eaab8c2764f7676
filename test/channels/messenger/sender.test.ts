import { MessengerClient } from 'bottender';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRAPH_API_VERSION } from '../../../src/channels/messenger/index.js';
import { MessengerSender, messengerMessages } from '../../../src/channels/messenger/sender.js';
import { SendError } from '../../../src/core/outbox.js';
import type { OutboundEnvelope } from '../../../src/core/types.js';
import { FakeBottenderApi } from '../../helpers/fake-bottender-api.js';

let fake: FakeBottenderApi;
let sender: MessengerSender;
const client = (origin: string) => new MessengerClient({ accessToken: 'page-token', appSecret: 'secret', version: GRAPH_API_VERSION, origin });

beforeAll(async () => {
  fake = await FakeBottenderApi.start();
  sender = new MessengerSender(client(fake.url));
});
afterAll(async () => {
  await fake?.close();
});

let nextId = 1;
const envelope = (text: string, options: string[] = [], address = 'Pto', kind: OutboundEnvelope['kind'] = 'reply'): OutboundEnvelope => ({
  id: nextId++,
  channel: 'messenger',
  address,
  kind,
  text,
  options,
  attachments: [],
  residentId: 1,
  attempts: 1,
});

async function failure(promise: Promise<unknown>): Promise<SendError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SendError);
  return err as SendError;
}

describe('Messenger messages', () => {
  it('keeps options as quick replies within the limits, numbered lines beyond', () => {
    expect(messengerMessages('请选择：', ['确认', '取消'])[0]!.quickReplies).toHaveLength(2);
    const many = messengerMessages('请选择：', Array.from({ length: 14 }, (_, i) => `第${i + 1}项`));
    expect(many[0]!.quickReplies).toBeUndefined();
    expect(many[0]!.text).toContain('14. 第14项');
  });

  it('splits text over 2,000 characters', () => {
    const pieces = messengerMessages('字'.repeat(4500), []);
    expect(pieces.map((p) => p.text.length)).toEqual([2000, 2000, 500]);
  });

  it('sends a notification as UPDATE, a reply as RESPONSE', async () => {
    await sender.send(envelope('您报告的问题已处理', [], 'Pnotify', 'notification'));
    await sender.send(envelope('好的', [], 'Preply', 'reply'));
    const sends = fake.messengerSends();
    expect(sends.find((s) => s.recipient.id === 'Pnotify').messaging_type).toBe('UPDATE');
    expect(sends.find((s) => s.recipient.id === 'Preply').messaging_type).toBe('RESPONSE');
  });
});

describe('Messenger send failures', () => {
  it('does not retry for a person who cannot be reached', async () => {
    const err = await failure(sender.send(envelope('你好', [], 'gone-psid')));
    expect(err.retryable).toBe(false);
    expect(err.message).toContain('No matching user found');
  });

  it('retries a rate limit, after Retry-After when given', async () => {
    fake.failNext(/me\/messages/, { status: 429, headers: { 'retry-after': '3' }, body: { error: { message: 'Too many', code: 4 } } });
    expect(await failure(sender.send(envelope('你好')))).toMatchObject({ retryable: true, retryAfterMs: 3000 });
    fake.failNext(/me\/messages/, { status: 400, body: { error: { message: '(#613) Calls to this api have exceeded the rate limit.', type: 'OAuthException', code: 613 } } });
    expect(await failure(sender.send(envelope('你好')))).toMatchObject({ retryable: true });
  });

  it('retries a server error and a network failure', async () => {
    fake.failNext(/me\/messages/, { status: 503, body: {} });
    expect(await failure(sender.send(envelope('你好')))).toMatchObject({ retryable: true });
    const nowhere = new MessengerSender(client('http://127.0.0.1:9'));
    expect(await failure(nowhere.send(envelope('你好')))).toMatchObject({ retryable: true });
  });

  it('resumes a long reply after the pieces already delivered', async () => {
    const row = envelope(`${'甲'.repeat(2000)}${'乙'.repeat(2000)}`, [], 'Plong');
    // The first piece goes through, the second meets a server error.
    fake.failNext(/me\/messages/, { status: 200, body: { recipient_id: 'Plong', message_id: 'm_first' } });
    fake.failNext(/me\/messages/, { status: 500, body: {} });
    expect(await failure(sender.send(row))).toMatchObject({ retryable: true });
    await sender.send(row);
    const firstChars = fake.requests.filter((r) => r.body?.recipient?.id === 'Plong').map((r) => r.body.message.text[0]);
    expect(firstChars).toEqual(['甲', '乙', '乙']);
  });
});
