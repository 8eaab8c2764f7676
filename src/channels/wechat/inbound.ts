/**
 * WeChat messages into the pipeline. Private chats always go in; in a group chat only a text
 * that @-mentions the bot or starts with the configured prefix does, with the mention or prefix
 * taken off. Photos become attachments; voice, video, stickers, files and links get a polite
 * note and never reach the pipeline. The account's own messages, official accounts and system
 * notices are ignored.
 */
import type { Logger } from 'pino';
import { types, type Contact, type Message, type Room } from 'wechaty';
import type { Bot } from '../../core/bot.js';
import { InvalidInboundError, MAX_TEXT_LENGTH, type Attachment, type Inbound } from '../../core/types.js';
import { AttachmentTooLargeError, saveAttachment } from '../attachments.js';
import { remarkWithToken, type IdentityBook } from './identity.js';
import { RecentIds } from './recent.js';
import { WECHAT_CHANNEL, roomAddress, type WechatSender } from './sender.js';
import { wechatText } from './text.js';

/** Web WeChat's own service accounts: never residents. */
const SYSTEM_CONTACTS = new Set(['weixin', 'filehelper', 'fmessage', 'newsapp', 'medianote', 'floatbottle', 'qqmail', 'qmessage', 'tmessage', 'qqsync', 'masssendapp', 'feedsapp', 'voip', 'notification_messages', 'officialaccounts', 'brandsessionholder', 'weixinreminder']);

/** Message types that are not a resident talking: ignored without a word. */
const SILENT_TYPES = new Set<types.Message>([
  types.Message.Unknown,
  types.Message.Recalled,
  types.Message.GroupNote,
  types.Message.Post,
  types.Message.Transfer,
  types.Message.RedEnvelope,
]);

/** Least time between two "please send text or a photo" notes to one chat. */
const NOTE_COOLDOWN_MS = 2 * 60_000;

export interface WechatInboundOptions {
  bot: Bot;
  book: IdentityBook;
  sender: WechatSender;
  log: Logger;
  dataDir: string;
  /** Largest photo saved, in bytes. */
  maxBytes: number;
  /** In group chats, a text starting with this is for the bot. */
  roomPrefix: string;
  /** The bot account's own name, to recognise "@name" when the puppet reports no mention list. */
  selfName: () => string | undefined;
  /** Write a token into a new friend's remark so they are recognised after a new login. */
  remarkTokens: boolean;
  /**
   * The coordinates of a location message. Wechaty 1.20's `message.toLocation()` always throws
   * (it instantiates an unbound user class), so the channel asks the puppet itself.
   */
  locationOf: (messageId: string) => Promise<{ latitude: number; longitude: number }>;
  clock?: () => number;
}

/**
 * Turns Wechaty message events into `bot.receive()` calls.
 *
 * @example
 * ```ts
 * const inbound = new WechatInbound({ bot, book, sender, log, dataDir, maxBytes, roomPrefix: '邻里', selfName, remarkTokens: true });
 * wechaty.on('message', (m) => inbound.handle(m));
 * ```
 */
export class WechatInbound {
  private readonly recent = new RecentIds(10 * 60_000);
  private readonly notedAt = new Map<string, number>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly clock: () => number;
  private stopped = false;

  constructor(private readonly options: WechatInboundOptions) {
    this.clock = options.clock ?? Date.now;
  }

  /** Handle one message event. Never rejects: failures are logged. */
  handle(message: Message): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return this.track(
      this.process(message).catch((err) => this.options.log.error({ err, messageId: message.id }, 'wechat: message not handled')),
    );
  }

  /** Resolves when every message event received so far has been handled. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /** Ignore further events and wait for those in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.idle();
  }

  private async process(message: Message): Promise<void> {
    const { log } = this.options;
    if (message.self()) return;
    if (!this.recent.add(message.id, this.clock())) {
      log.debug({ messageId: message.id }, 'wechat: repeated message event dropped');
      return;
    }
    const talker = message.talker();
    if (SYSTEM_CONTACTS.has(talker.id) || talker.type() === types.Contact.Official) return;
    const type = message.type();
    if (SILENT_TYPES.has(type)) return;

    const room = message.room();
    if (room) return this.fromRoom(message, talker, room);

    const userId = this.identify(talker);
    const base = this.base(message, talker, userId);
    switch (type) {
      case types.Message.Text: {
        const text = message.text();
        if (text.trim()) await this.receive({ ...base, text }, userId, talker);
        return;
      }
      case types.Message.Image: {
        const photo = await this.photo(message, userId, talker);
        if (photo) await this.receive({ ...base, text: '', attachments: [photo] }, userId, talker);
        return;
      }
      case types.Message.Location: {
        const location = await this.options.locationOf(message.id).catch(() => undefined);
        if (location) {
          const { latitude, longitude } = location;
          await this.receive({ ...base, text: '', location: { latitude, longitude } }, userId, talker);
        } else {
          await this.note(userId, talker, wechatText.textOrPhoto, true);
        }
        return;
      }
      default:
        await this.note(userId, talker, wechatText.textOrPhoto, true);
    }
  }

  /** A group message: only text meant for the bot goes in; replies go back to the group. */
  private async fromRoom(message: Message, talker: Contact, room: Room): Promise<void> {
    // Nobody can @-mention the bot with a photo or a voice message: media in groups are not for it.
    if (message.type() !== types.Message.Text) return;
    const text = await this.addressedText(message);
    if (text === undefined) return;
    const address = roomAddress(room.id);
    if (!text.trim()) {
      await this.note(address, room, wechatText.emptyMention(this.options.roomPrefix), true);
      return;
    }
    this.options.sender.seen(room.id);
    const userId = this.identify(talker);
    await this.receive({ ...this.base(message, talker, userId), text, replyAddress: address }, address, room);
  }

  /** The text meant for the bot, without the mention or prefix; undefined when not for it. */
  private async addressedText(message: Message): Promise<string | undefined> {
    const raw = message.text();
    if (await message.mentionSelf()) return (await message.mentionText()).trim();
    const name = this.options.selfName();
    if (name && raw.includes(`@${name}`)) {
      return raw.replace(new RegExp(`@${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[\\u2005\\s]?`, 'g'), '').trim();
    }
    const trimmed = raw.trimStart();
    if (trimmed.startsWith(this.options.roomPrefix)) {
      return trimmed.slice(this.options.roomPrefix.length).replace(/^[\s,，:：、。.!！~～]+/u, '').trim();
    }
    return undefined;
  }

  private base(message: Message, talker: Contact, userId: string): Omit<Inbound, 'text'> {
    const displayName = [...talker.name()].slice(0, 128).join('');
    return { channel: WECHAT_CHANNEL, userId, messageId: message.id, ...(displayName ? { displayName } : {}) };
  }

  /** The resident's stable userId (see identity.ts for the rule). */
  private identify(contact: Contact): string {
    const { book, log } = this.options;
    this.options.sender.seen(contact.id);
    const payload = contact.payload;
    const resolution = book.resolve(
      {
        id: contact.id,
        handle: payload?.handle || payload?.weixin || undefined,
        remark: payload?.alias || undefined,
        friend: contact.friend() === true,
      },
      this.clock(),
    );
    const { userId, by } = resolution;
    if (by === 'handle' || by === 'remark-token') {
      log.info({ userId, by }, 'wechat: known resident under a new contact id');
    } else if (by === 'new-conflict') {
      log.warn({ userId }, 'wechat: 微信号 and remark token point at two different residents; treated as a new resident');
    }
    if (resolution.tokenToWrite && this.options.remarkTokens) {
      // Not awaited by the reply: the remark only matters after the next new login.
      const remark = remarkWithToken(contact.name(), resolution.tokenToWrite);
      this.track(
        contact.alias(remark).catch((err: unknown) => {
          log.warn({ err: (err as Error)?.message, userId }, 'wechat: could not write the remark token');
        }),
      );
    }
    return userId;
  }

  private track(work: Promise<void>): Promise<void> {
    const done: Promise<void> = work.finally(() => this.inFlight.delete(done));
    this.inFlight.add(done);
    return done;
  }

  private async photo(message: Message, key: string, talker: Contact): Promise<Attachment | undefined> {
    const { log, maxBytes, dataDir } = this.options;
    let bytes: Buffer;
    let mime: string | undefined;
    try {
      const box = await message.toFileBox();
      if (box.size > maxBytes) {
        await this.note(key, talker, wechatText.photoTooLarge(formatSize(maxBytes)));
        return undefined;
      }
      mime = box.mediaType;
      bytes = await box.toBuffer();
    } catch (err) {
      log.warn({ err: (err as Error)?.message, messageId: message.id }, 'wechat: photo could not be downloaded');
      await this.note(key, talker, wechatText.photoFailed);
      return undefined;
    }
    try {
      return await saveAttachment({ dataDir, bytes, maxBytes, kind: 'image', ...(mime ? { mime } : {}) });
    } catch (err) {
      if (!(err instanceof AttachmentTooLargeError)) throw err;
      await this.note(key, talker, wechatText.photoTooLarge(formatSize(maxBytes)));
      return undefined;
    }
  }

  private async receive(inbound: Inbound, key: string, target: Contact | Room): Promise<void> {
    try {
      await this.options.bot.receive(inbound);
    } catch (err) {
      if (!(err instanceof InvalidInboundError)) throw err;
      this.options.log.info({ messageId: inbound.messageId, problem: err.message }, 'wechat: message refused by validation');
      await this.note(key, target, inbound.text.length > MAX_TEXT_LENGTH ? wechatText.tooLong : wechatText.invalid);
    }
  }

  /** A note of the channel's own; `cooldown` keeps a burst of stickers from getting a burst of notes. */
  private async note(key: string, target: Contact | Room, text: string, cooldown = false): Promise<void> {
    const now = this.clock();
    if (cooldown) {
      const last = this.notedAt.get(key);
      if (last !== undefined && now - last < NOTE_COOLDOWN_MS) return;
      this.notedAt.set(key, now);
      if (this.notedAt.size > 10_000) for (const [k, t] of this.notedAt) if (now - t >= NOTE_COOLDOWN_MS) this.notedAt.delete(k);
    }
    await this.options.sender.sayDirect(key, target, text);
  }
}

/** A byte count as residents read it: "5 MB", "800 KB". */
function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Number((bytes / 1024 / 1024).toFixed(1))} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
