/**
 * From Telegram's message shapes to the pieces of a core Inbound: who sent it, where to answer,
 * whether a group message is meant for the bot, and the words once commands and @mentions are
 * taken out. Pure functions over Bot API objects, so the group rule is testable without a bot.
 */
import type { Chat, Message, MessageEntity, User } from 'grammy/types';
import { telegramText } from './text.js';

/** The channel name of Telegram identities and messages. */
export const TELEGRAM_CHANNEL = 'telegram';

/** What the bot needs to know about itself to recognise messages addressed to it. */
export interface BotIdentity {
  id: number;
  username: string;
}

/** True for the chats the bot talks in: private chats, groups and supergroups (not channels). */
export function isConversationChat(chat: Chat): boolean {
  return chat.type === 'private' || chat.type === 'group' || chat.type === 'supergroup';
}

/** True for groups and supergroups, where replies go to the chat rather than the sender. */
export function isGroupChat(chat: Chat): boolean {
  return chat.type === 'group' || chat.type === 'supergroup';
}

/** The sender's name as Telegram shows it, cut to what the core accepts. */
export function displayName(user: User): string {
  return [user.first_name, user.last_name].filter(Boolean).join(' ').slice(0, 128) || (user.username ?? String(user.id));
}

/**
 * The sender fields of an Inbound: the stable Telegram user id, the name, and — in a group —
 * the chat id as the reply address, so answers go to the group and not to a private chat the
 * resident may never have opened.
 */
export function sender(chat: Chat, from: User): { userId: string; displayName: string; replyAddress?: string } {
  return {
    userId: String(from.id),
    displayName: displayName(from),
    ...(isGroupChat(chat) ? { replyAddress: String(chat.id) } : {}),
  };
}

/** The platform message id the core dedupes on: unique per chat, so the chat is part of it. */
export function platformMessageId(message: Pick<Message, 'chat' | 'message_id'>): string {
  return `${message.chat.id}:${message.message_id}`;
}

function textAndEntities(message: Message): { text: string; entities: MessageEntity[] } {
  if (message.text !== undefined) return { text: message.text, entities: message.entities ?? [] };
  return { text: message.caption ?? '', entities: message.caption_entities ?? [] };
}

function slice(text: string, entity: MessageEntity): string {
  return text.slice(entity.offset, entity.offset + entity.length);
}

/** The command at the start of a message (`/start` or `/start@linli_bot`), if any. */
function leadingCommand(text: string, entities: MessageEntity[]): { name: string; target?: string; entity: MessageEntity } | undefined {
  const entity = entities.find((e) => e.type === 'bot_command' && e.offset === 0);
  if (!entity) return undefined;
  const [name = '', target] = slice(text, entity).slice(1).split('@');
  return { name: name.toLowerCase(), ...(target ? { target: target.toLowerCase() } : {}), entity };
}

function mentionsOfBot(text: string, entities: MessageEntity[], me: BotIdentity): MessageEntity[] {
  const handle = `@${me.username}`.toLowerCase();
  return entities.filter(
    (e) =>
      (e.type === 'mention' && slice(text, e).toLowerCase() === handle) ||
      (e.type === 'text_mention' && e.user.id === me.id),
  );
}

/**
 * Whether a message is meant for the bot. In a private chat, always. In a group, only when it
 * is addressed: a command (`/start`, or `/start@<this bot>` — never one for another bot), a
 * reply to one of the bot's messages, or an @mention of the bot. Everything else in a group is
 * the residents talking among themselves and is left alone.
 *
 * ```ts
 * isAddressed(groupMessage('@linli_bot 我要留言'), me); // true
 * isAddressed(groupMessage('今天天气不错'), me);          // false
 * ```
 */
export function isAddressed(message: Message, me: BotIdentity): boolean {
  const { text, entities } = textAndEntities(message);
  const command = leadingCommand(text, entities);
  if (command?.target && command.target !== me.username.toLowerCase()) return false;
  if (message.chat.type === 'private') return true;
  if (command) return true;
  if (message.reply_to_message?.from?.id === me.id) return true;
  return mentionsOfBot(text, entities, me).length > 0;
}

/**
 * The words of a message (text or photo caption) as the pipeline should read them: the bot's
 * @mentions taken out, and a leading command replaced by what it stands for (`/start` → 你好)
 * unless words follow it (`/start 我要留言` → 我要留言).
 */
export function messageText(message: Message, me: BotIdentity): string {
  const { text, entities } = textAndEntities(message);
  const command = leadingCommand(text, entities);
  const cut = [...mentionsOfBot(text, entities, me), ...(command ? [command.entity] : [])].sort((a, b) => b.offset - a.offset);
  let rest = text;
  for (const e of cut) rest = `${rest.slice(0, e.offset)} ${rest.slice(e.offset + e.length)}`;
  // "@bot，我要留言" leaves a leading comma behind.
  rest = rest.replace(/ {2,}/g, ' ').replace(/^[\s,，:：]+/u, '').trim();
  if (command && rest === '') return telegramText.commands[command.name] ?? telegramText.unknownCommand;
  return rest;
}

/** Message kinds the bot cannot read; they get a polite "text or a photo, please". */
const UNSUPPORTED_MEDIA = [
  'voice',
  'audio',
  'sticker',
  'video',
  'video_note',
  'animation',
  'document',
  'contact',
  'poll',
  'dice',
  'game',
  'story',
  'paid_media',
] as const;

/**
 * What a message is, as far as the pipeline cares. Service messages (members joining, a
 * pinned message…) are `other` and are ignored without a word.
 */
export function messageKind(message: Message): 'text' | 'photo' | 'location' | 'unsupported' | 'other' {
  if (message.text !== undefined) return 'text';
  if (message.photo?.length) return 'photo';
  if (message.location) return 'location';
  if (UNSUPPORTED_MEDIA.some((key) => message[key] !== undefined)) return 'unsupported';
  return 'other';
}
