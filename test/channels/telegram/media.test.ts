import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { telegramText } from '../../../src/channels/telegram/text.js';
import { coreText } from '../../../src/core/text.js';
import { groupChat, privateChat, user } from '../../helpers/fake-telegram.js';
import { startTelegramHarness, type TelegramHarness } from './harness.js';

const MAX_BYTES = 4096;
let h: TelegramHarness;
beforeAll(async () => {
  h = await startTelegramHarness({ config: { ATTACHMENT_MAX_BYTES: MAX_BYTES } });
});
afterAll(async () => {
  await h?.dispose();
});

/** Bytes that start like a JPEG file. */
function jpeg(size: number, seed: number): Buffer {
  const bytes = Buffer.alloc(size, seed);
  bytes.set([0xff, 0xd8, 0xff, 0xe0], 0);
  return bytes;
}

describe('Telegram media', () => {
  it('saves the largest size of a photo under the data folder, content-hashed, with its caption as text', async () => {
    const { fake } = h;
    const resident = user(8001);
    const chat = privateChat(resident);
    const small = fake.addFile(jpeg(200, 1));
    const largeBytes = jpeg(3000, 2);
    const large = fake.addFile(largeBytes);
    fake.queue({
      message: fake.message(chat, resident, {
        caption: '小区门口的路灯坏了',
        photo: [
          { file_id: small, file_unique_id: 's', width: 90, height: 60, file_size: 200 },
          { file_id: large, file_unique_id: 'l', width: 1280, height: 960, file_size: 3000 },
        ],
      }),
    });
    await fake.waitFor(() => fake.sent(chat.id).length >= 1, 'a reply to the photo');

    const [row] = h.inbound().filter((r) => r.sender_id === String(resident.id));
    expect(row!.text).toBe('小区门口的路灯坏了');
    const [attachment] = JSON.parse(row!.attachments!);
    const sha256 = createHash('sha256').update(largeBytes).digest('hex');
    expect(attachment).toMatchObject({ kind: 'image', sha256, size: 3000, mime: 'image/jpeg' });
    const path = resolve(attachment.path);
    expect(path.startsWith(resolve(h.app.dir, 'attachments'))).toBe(true);
    expect(path).toContain(sha256);
    expect(readFileSync(path).equals(largeBytes)).toBe(true);
    expect(fake.callsOf('getFile').map((c) => c.params.file_id)).toEqual([large]);
  });

  it('answers a photo over ATTACHMENT_MAX_BYTES politely and stores nothing', async () => {
    const { fake } = h;
    const resident = user(8002);
    const chat = privateChat(resident);
    const big = fake.addFile(jpeg(MAX_BYTES + 1, 3));
    fake.queue({
      message: fake.message(chat, resident, { photo: [{ file_id: big, file_unique_id: 'b', width: 4000, height: 3000, file_size: MAX_BYTES + 1 }] }),
    });
    await fake.waitFor(() => fake.sent(chat.id).length >= 1, 'the too-large notice');
    expect(fake.sent(chat.id)[0]!.text).toContain('太大');
    expect(h.inbound().filter((r) => r.sender_id === String(resident.id))).toEqual([]);
  });

  it('hands a location to the pipeline as coordinates', async () => {
    const { fake } = h;
    const resident = user(8003);
    const chat = privateChat(resident);
    fake.queue({ message: fake.message(chat, resident, { location: { latitude: 28.97, longitude: 118.87 } }) });
    await fake.waitFor(() => fake.sent(chat.id).length >= 1, 'a reply to the location');
    // The pipeline's answer to a bare location: it got the coordinates, not an empty message.
    expect(fake.sent(chat.id)[0]!.text).toBe(coreText.locationWithoutText);
    expect(h.inbound().filter((r) => r.sender_id === String(resident.id))).toHaveLength(1);
  });

  it('answers a sticker with "text or a photo, please" and stores nothing', async () => {
    const { fake } = h;
    const resident = user(8004);
    const chat = privateChat(resident);
    fake.queue({
      message: fake.message(chat, resident, {
        sticker: { file_id: 'st', file_unique_id: 'st', type: 'regular', width: 512, height: 512, is_animated: false, is_video: false },
      }),
    });
    await fake.waitFor(() => fake.sent(chat.id).length >= 1, 'the notice');
    expect(fake.sent(chat.id)[0]!.text).toBe(telegramText.unsupportedMedia);
    expect(h.inbound().filter((r) => r.sender_id === String(resident.id))).toEqual([]);
    expect(h.outbound().filter((r) => r.address === String(chat.id))).toEqual([]);
  });

  it('in a group answers only a message addressed to it, and answers in the group', async () => {
    const { fake } = h;
    const group = groupChat(-1001234567);
    const chatter = user(8005);
    fake.queue({ message: fake.message(group, chatter, { text: '今天菜场的青菜好便宜，你好呀大家' }) });
    fake.queue({ message: fake.message(group, chatter, { sticker: { file_id: 'st', file_unique_id: 'st', type: 'regular', width: 1, height: 1, is_animated: false, is_video: false } }) });
    const mention = `@${fake.botInfo.username}`;
    const addressed = fake.queue({
      message: fake.message(group, chatter, { text: `${mention} 你好`, entities: [{ type: 'mention', offset: 0, length: mention.length }] }),
    });
    await fake.waitFor(() => fake.sent(group.id).length >= 1, 'the answer in the group');

    // Updates are handled in order, so the two before the mention were passed over.
    const rows = h.inbound().filter((r) => r.sender_id === String(chatter.id));
    expect(rows.map((r) => [r.platform_message_id, r.text, r.reply_address])).toEqual([
      [`${group.id}:${addressed.message!.message_id}`, '你好', String(group.id)],
    ]);
    expect(fake.sent(group.id)).toHaveLength(1);
    expect(fake.sent(group.id)[0]!.text).toContain('您好');
    expect(fake.sent(chatter.id)).toEqual([]);
  });
});
