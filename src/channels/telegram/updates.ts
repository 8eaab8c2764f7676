/**
 * The receiving side of the Telegram channel: grammY middleware that turns updates into core
 * Inbounds and feeds the pipeline. Messages (text, photo, location) and button presses
 * (callback queries) go in; other media get a polite word; group chatter not addressed to the
 * bot is left alone. Replies do not go out here: the pipeline stores them and the outbox sends.
 */
import { Composer, type Context } from 'grammy';
import type { Message } from 'grammy/types';
import type { Logger } from 'pino';
import type { Bot } from '../../core/bot.js';
import { KeyedQueue } from '../../core/keyed-queue.js';
import { InvalidInboundError, MAX_TEXT_LENGTH, type Inbound } from '../../core/types.js';
import { AttachmentTooLargeError, saveAttachment } from '../attachments.js';
import type { FileDownloader } from './files.js';
import { loggable } from './loggable.js';
import { TELEGRAM_CHANNEL, isAddressed, isConversationChat, isGroupChat, messageKind, messageText, platformMessageId, sender } from './inbound.js';
import { telegramText } from './text.js';

/**
 * The last few update ids seen, so an update Telegram delivers twice (a webhook retried after a
 * timeout, polling resumed without its offset confirmed) is not even fed to the pipeline again.
 * The pipeline's own dedupe by message id stays the real guarantee; this spares the work.
 */
export class RecentIds {
  private readonly ids = new Set<number>();

  constructor(private readonly capacity = 2048) {}

  /** Remember `id`; false when it was already remembered. */
  add(id: number): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    // A Set iterates in insertion order: the first one is the oldest.
    if (this.ids.size > this.capacity) this.ids.delete(this.ids.values().next().value!);
    return true;
  }

  /** Forget `id`, so a delivery that failed can be handled when it comes again. */
  delete(id: number): void {
    this.ids.delete(id);
  }
}

export interface TelegramUpdatesOptions {
  /** The Linli bot (the core pipeline). */
  core: Bot;
  log: Logger;
  download: FileDownloader;
  /** Where attachments are saved (DATA_DIR). */
  dataDir: string;
  /** ATTACHMENT_MAX_BYTES. */
  maxAttachmentBytes: number;
  /** Per-chat queue; exposed so `stop()` can wait for updates in flight. */
  queue: KeyedQueue;
}

/**
 * grammY middleware feeding a Linli bot. Updates of one chat are handled one after another in
 * arrival order (grammY's polling is sequential already; webhook calls may overlap, so a
 * per-chat queue keeps them in order there too).
 *
 * ```ts
 * const tg = new GrammyBot(token);
 * tg.use(telegramUpdates({ core: bot, log, download, dataDir: './data', maxAttachmentBytes, queue: new KeyedQueue() }));
 * ```
 */
export function telegramUpdates(options: TelegramUpdatesOptions): Composer<Context> {
  const { core, log, queue } = options;
  const recent = new RecentIds();
  const composer = new Composer<Context>();

  composer.use(async (ctx, next) => {
    const updateId = ctx.update.update_id;
    if (!recent.add(updateId)) {
      log.info({ updateId }, 'telegram: repeated update ignored');
      return;
    }
    const chat = ctx.chat;
    const run = () => next();
    try {
      await (chat ? queue.run(String(chat.id), run) : run());
    } catch (err) {
      recent.delete(updateId);
      throw err;
    }
  });

  /** Feed the pipeline; an invalid message gets a polite answer instead. */
  async function feed(ctx: Context, inbound: Inbound): Promise<void> {
    try {
      const result = await core.receive(inbound);
      if (result.duplicate) log.debug({ messageId: inbound.messageId }, 'telegram: message seen before');
    } catch (err) {
      if (!(err instanceof InvalidInboundError)) throw err;
      log.info({ messageId: inbound.messageId, error: err.message }, 'telegram: message refused');
      await say(ctx, inbound.text.length > MAX_TEXT_LENGTH ? telegramText.tooLong : telegramText.invalid);
    }
  }

  /** The channel's own polite word, sent directly: it is not a pipeline reply. */
  async function say(ctx: Context, text: string): Promise<void> {
    const message = ctx.message;
    const replyTo = message && isGroupChat(message.chat) ? { reply_parameters: { message_id: message.message_id, allow_sending_without_reply: true } } : {};
    await ctx.reply(text, replyTo).catch((err: unknown) => log.warn({ ...loggable(err), chatId: ctx.chat?.id }, 'telegram: could not send a notice'));
  }

  async function photo(ctx: Context, message: Message): Promise<Inbound['attachments'] | undefined> {
    const max = options.maxAttachmentBytes;
    // Telegram lists the sizes of a photo smallest first.
    const largest = message.photo!.at(-1)!;
    try {
      if (largest.file_size !== undefined && largest.file_size > max) throw new AttachmentTooLargeError(largest.file_size, max);
      const bytes = await options.download(largest.file_id, max);
      return [await saveAttachment({ dataDir: options.dataDir, bytes, maxBytes: max, kind: 'image', mime: 'image/jpeg' })];
    } catch (err) {
      if (err instanceof AttachmentTooLargeError) {
        log.info({ size: err.size, limit: err.limit }, 'telegram: photo too large');
        await say(ctx, telegramText.photoTooLarge((max / 1024 / 1024).toFixed(1).replace(/\.0$/, '')));
      } else {
        log.warn(loggable(err), 'telegram: photo download failed');
        await say(ctx, telegramText.photoFailed);
      }
      return undefined;
    }
  }

  composer.on('message', async (ctx) => {
    const message = ctx.message;
    // No `from`, or a bot: channel posts relayed into groups, anonymous admins, other bots.
    if (!message.from || message.from.is_bot || !isConversationChat(message.chat)) return;
    if (!isAddressed(message, ctx.me)) return;
    const base = { channel: TELEGRAM_CHANNEL, messageId: platformMessageId(message), ...sender(message.chat, message.from) };
    switch (messageKind(message)) {
      case 'text':
        return feed(ctx, { ...base, text: messageText(message, ctx.me) });
      case 'photo': {
        const attachments = await photo(ctx, message);
        if (attachments) await feed(ctx, { ...base, text: messageText(message, ctx.me), attachments });
        return;
      }
      case 'location': {
        const { latitude, longitude } = message.location!;
        const venue = message.venue ? `${message.venue.title} ${message.venue.address}`.trim() : '';
        return feed(ctx, { ...base, text: venue, location: { latitude, longitude } });
      }
      case 'unsupported':
        return say(ctx, telegramText.unsupportedMedia);
      case 'other':
        return;
    }
  });

  composer.on('callback_query:data', async (ctx) => {
    const query = ctx.callbackQuery;
    // Answer first: until then the resident's button shows a spinner.
    await ctx.answerCallbackQuery().catch((err: unknown) => log.warn(loggable(err), 'telegram: could not answer a callback query'));
    const message = query.message;
    if (!message || !isConversationChat(message.chat) || query.from.is_bot) return;
    await feed(ctx, {
      channel: TELEGRAM_CHANNEL,
      messageId: `cb:${query.id}`,
      text: query.data,
      ...sender(message.chat, query.from),
    });
  });

  return composer;
}
