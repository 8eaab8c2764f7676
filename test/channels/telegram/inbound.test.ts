import type { Message, MessageEntity } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { isAddressed, messageKind, messageText, sender } from '../../../src/channels/telegram/inbound.js';
import { TEST_BOT, groupChat, privateChat, user } from '../../helpers/fake-telegram.js';

const me = { id: TEST_BOT.id, username: TEST_BOT.username };
const resident = user(42, '李师傅');
const group = groupChat(-100777);

function msg(fields: Partial<Message>, chat = group): Message {
  return { message_id: 1, date: 0, chat, from: resident, ...fields } as Message;
}

/** A text with its entities found the way Telegram marks them. */
function text(t: string, chat = group): Message {
  const entities: MessageEntity[] = [];
  const command = /^\/\w+(@\w+)?/.exec(t);
  if (command) entities.push({ type: 'bot_command', offset: 0, length: command[0].length });
  for (const m of t.matchAll(/@\w+/g)) if (m.index !== 0 || !command) entities.push({ type: 'mention', offset: m.index, length: m[0].length });
  return msg({ text: t, entities }, chat);
}

describe('the group rule', () => {
  it('takes every message of a private chat', () => {
    expect(isAddressed(text('今天天气不错', privateChat(resident)), me)).toBe(true);
  });

  it('in a group takes a command, a reply to the bot or an @mention, and nothing else', () => {
    expect(isAddressed(text('今天菜场的青菜好便宜'), me)).toBe(false);
    expect(isAddressed(text('@someone_else 你好'), me)).toBe(false);
    expect(isAddressed(text('@linli_test_bot 我要留言'), me)).toBe(true);
    expect(isAddressed(text('请问 @Linli_Test_Bot 医保怎么交'), me)).toBe(true);
    expect(isAddressed(text('/start'), me)).toBe(true);
    expect(isAddressed(text('/start@linli_test_bot'), me)).toBe(true);
    expect(isAddressed(text('/start@other_bot'), me)).toBe(false);
    const replyToBot = msg({ text: '好的', reply_to_message: msg({ text: '请问是哪一类留言？', from: TEST_BOT }) as never });
    expect(isAddressed(replyToBot, me)).toBe(true);
    const replyToNeighbour = msg({ text: '好的', reply_to_message: msg({ text: '吃了吗', from: user(43) }) as never });
    expect(isAddressed(replyToNeighbour, me)).toBe(false);
    const textMention = msg({ text: '小助手 在吗', entities: [{ type: 'text_mention', offset: 0, length: 3, user: TEST_BOT }] });
    expect(isAddressed(textMention, me)).toBe(true);
    const photoWithMention = msg({ photo: [], caption: '@linli_test_bot 路灯坏了', caption_entities: [{ type: 'mention', offset: 0, length: 15 }] });
    expect(isAddressed(photoWithMention, me)).toBe(true);
  });

  it('answers a group in the group, but knows the resident by their own user id', () => {
    expect(sender(group, resident)).toEqual({ userId: '42', displayName: '李师傅', replyAddress: '-100777' });
    expect(sender(privateChat(resident), resident)).toEqual({ userId: '42', displayName: '李师傅' });
  });
});

describe('the words the pipeline reads', () => {
  it('drops the bot mention and what punctuation it leaves behind', () => {
    expect(messageText(text('@linli_test_bot，我要留言'), me)).toBe('我要留言');
    expect(messageText(text('请问 @linli_test_bot 医保怎么交'), me)).toBe('请问 医保怎么交');
    expect(messageText(text('@someone_else 你好'), me)).toBe('@someone_else 你好');
  });

  it('turns a bare command into what a resident would say, and keeps words after one', () => {
    expect(messageText(text('/start', privateChat(resident)), me)).toBe('你好');
    expect(messageText(text('/help@linli_test_bot'), me)).toBe('帮助');
    expect(messageText(text('/whatever'), me)).toBe('菜单');
    expect(messageText(text('/start 我要留言'), me)).toBe('我要留言');
  });

  it('tells readable messages from media and from service messages', () => {
    expect(messageKind(text('你好'))).toBe('text');
    expect(messageKind(msg({ photo: [{ file_id: 'p', file_unique_id: 'p', width: 1, height: 1 }] }))).toBe('photo');
    expect(messageKind(msg({ location: { latitude: 28.9, longitude: 118.8 } }))).toBe('location');
    expect(messageKind(msg({ voice: { file_id: 'v', file_unique_id: 'v', duration: 3 } }))).toBe('unsupported');
    expect(messageKind(msg({ new_chat_members: [user(44)] }))).toBe('other');
  });
});
