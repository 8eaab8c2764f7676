import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from 'grammy/types';
import { FakeTelegram, privateChat, user } from '../../helpers/fake-telegram.js';
import { startTelegramHarness, type TelegramHarness } from './harness.js';

// The real grammY bot long-polls a fake Bot API; replies go out through the outbox at
// Telegram's real pace (one message a second per chat).
let h: TelegramHarness;
beforeAll(async () => {
  h = await startTelegramHarness();
});
afterAll(async () => {
  await h?.dispose();
});

/** What the resident sees of the bot's last message: its text and button labels by row. */
function lastSeen(fake: FakeTelegram, chatId: number) {
  const last = fake.sent(chatId).at(-1)!;
  const rows = (last.reply_markup?.inline_keyboard ?? []) as Array<Array<{ text: string; callback_data: string }>>;
  return { text: last.text as string, rows, buttons: rows.flat() };
}

/** The message the bot sent, as Telegram hands it back inside a callback query. */
function sentMessage(fake: FakeTelegram, chatId: number): Message {
  const last = fake.sent(chatId).at(-1)!;
  return fake.message(privateChat(user(chatId)), fake.botInfo, { text: last.text, reply_markup: last.reply_markup });
}

describe('Telegram by long polling', () => {
  it('switches any webhook off and polls for messages and button presses only', async () => {
    expect(h.channel.mode).toBe('polling');
    expect(h.fake.callsOf('deleteWebhook')).toHaveLength(1);
    const polls = await h.fake.waitFor(() => h.fake.callsOf('getUpdates').length > 0 && h.fake.callsOf('getUpdates'), 'a getUpdates call');
    expect(polls[0]!.params.allowed_updates).toEqual(['message', 'callback_query']);
  });

  it('takes a resident through the whole 留言 form, the category picked on the inline keyboard', async () => {
    const { fake } = h;
    const resident = user(5001, '王阿姨');
    const chat = privateChat(resident);
    const say = (text: string, extra: Partial<Message> = {}) => fake.queue({ message: fake.message(chat, resident, { text, ...extra }) });
    const replies = (n: number) => fake.waitFor(() => fake.sent(chat.id).length >= n, `${n} replies`);
    const press = async (label: string) => {
      const button = lastSeen(fake, chat.id).buttons.find((b) => b.text === label)!;
      const update = fake.queue(fake.callbackQuery(resident, sentMessage(fake, chat.id), button.callback_data));
      await fake.waitFor(() => fake.callsOf('answerCallbackQuery').some((c) => c.params.callback_query_id === update.callback_query!.id), 'the press answered');
    };

    // Telegram opens a chat with /start: the resident is greeted with the services as buttons.
    say('/start', { entities: [{ type: 'bot_command', offset: 0, length: 6 }] });
    await replies(1);
    expect(lastSeen(fake, chat.id).text).toContain('您好');
    expect(lastSeen(fake, chat.id).buttons.map((b) => b.text)).toContain('给街道留言');

    say('我要留言');
    await replies(3);
    const category = lastSeen(fake, chat.id);
    expect(category.text).toContain('哪一类留言');
    // Short labels go two to a row.
    expect(category.rows.map((row) => row.map((b) => b.text))).toEqual([['意见建议', '表扬'], ['投诉', '咨询'], ['其他']]);

    await press('投诉');
    await replies(4);
    expect(lastSeen(fake, chat.id).text).toContain('具体内容');

    say('楼道里的灯坏了好几天了，晚上老人上下楼看不清');
    await replies(5);
    expect(lastSeen(fake, chat.id).text).toContain('手机号');

    say('跳过');
    await replies(6);
    const confirm = lastSeen(fake, chat.id);
    expect(confirm.text).toContain('类别：投诉');
    expect(confirm.buttons.map((b) => b.text)).toEqual(['确认', '修改', '取消']);

    await press('确认');
    await replies(7);
    expect(lastSeen(fake, chat.id).text).toContain('已收到您的留言');

    const saved = await h.app.db.prisma.feedback.findMany();
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ topic: '投诉', content: '楼道里的灯坏了好几天了，晚上老人上下楼看不清' });
    // Every reply went to the resident's chat, once each, and each button press was its own message.
    await h.app.outbox.idle();
    expect(h.outbound().every((r) => r.address === String(chat.id) && r.status === 'sent')).toBe(true);
    expect(h.inbound().filter((r) => r.platform_message_id.startsWith('cb:'))).toHaveLength(2);
    expect(new Set(h.inbound().map((r) => r.sender_id))).toEqual(new Set([String(resident.id)]));
  });

  it('handles an update Telegram delivers twice only once, without even feeding it again', async () => {
    const { fake } = h;
    const resident = user(5002);
    const chat = privateChat(resident);
    const hello = fake.queue({ message: fake.message(chat, resident, { text: '你好' }) });
    await fake.waitFor(() => fake.sent(chat.id).length >= 1, 'the greeting');

    fake.redeliver(hello);
    // Polling handles updates in order: once the next message is answered, the repeat was seen.
    fake.queue({ message: fake.message(chat, resident, { text: '谢谢' }) });
    await fake.waitFor(() => fake.sent(chat.id).length >= 2, 'the thanks reply');

    const id = `${chat.id}:${hello.message!.message_id}`;
    expect(h.inbound().filter((r) => r.platform_message_id === id)).toHaveLength(1);
    expect(fake.sent(chat.id).filter((m) => String(m.text).includes('您好'))).toHaveLength(1);
    expect(h.logs.some((l) => l.msg === 'telegram: repeated update ignored' && l.updateId === hello.update_id)).toBe(true);
    expect(h.app.logs.some((l) => l.msg === 'duplicate delivery ignored')).toBe(false);
  });

  it('handles the same message under a new update id once (the pipeline dedupes it)', async () => {
    const { fake } = h;
    const resident = user(5003);
    const chat = privateChat(resident);
    const message = fake.message(chat, resident, { text: '你好' });
    fake.queue({ message });
    await fake.waitFor(() => fake.sent(chat.id).length >= 1, 'the greeting');

    fake.queue({ message });
    fake.queue({ message: fake.message(chat, resident, { text: '谢谢' }) });
    await fake.waitFor(() => fake.sent(chat.id).length >= 2, 'the thanks reply');

    expect(h.inbound().filter((r) => r.platform_message_id === `${chat.id}:${message.message_id}`)).toHaveLength(1);
    expect(fake.sent(chat.id).filter((m) => String(m.text).includes('您好'))).toHaveLength(1);
    expect(h.app.logs.some((l) => l.msg === 'duplicate delivery ignored')).toBe(true);
  });
});
