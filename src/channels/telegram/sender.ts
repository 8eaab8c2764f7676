/**
 * The sending side of the Telegram channel, as the outbox sees it: one outbox row becomes one
 * `sendMessage` (more when the text is over Telegram's 4,096 characters), options become an
 * inline keyboard, and Bot API errors become {@link SendError}s the outbox knows how to retry.
 */
import { GrammyError, InputFile, type Api } from 'grammy';
import type { Logger } from 'pino';
import type { ChannelSender } from '../../core/outbox.js';
import type { RateLimits } from '../../core/rate-limit.js';
import { SendError } from '../../core/outbox.js';
import type { OutboundEnvelope } from '../../core/types.js';
import { TELEGRAM_CHANNEL } from './inbound.js';
import { optionKeyboard } from './keyboard.js';

/** Telegram's longest message text. */
export const TELEGRAM_TEXT_MAX = 4096;

/**
 * Telegram's published limits: about 30 messages a second overall and one a second per chat.
 * Groups are further limited to 20 messages a minute; that one is not enforced here (a group
 * conversation rarely comes near it) — a 429 still comes back with `retry_after` and is obeyed.
 */
export const TELEGRAM_LIMITS: RateLimits = { perSecond: 30, minIntervalMs: 1000 };

/**
 * Split a text into pieces Telegram accepts, preferring line breaks.
 *
 * ```ts
 * splitText('a'.repeat(5000)); // two pieces: 4,096 and 904 characters
 * ```
 */
export function splitText(text: string, max = TELEGRAM_TEXT_MAX): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const newline = rest.lastIndexOf('\n', max);
    const cut = newline > max / 2 ? newline : max;
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^\n/, '');
  }
  pieces.push(rest);
  return pieces;
}

/** Bot API chat ids are numbers; an address is kept as a string in the outbox. */
function chatId(address: string): number | string {
  return /^-?\d+$/.test(address) ? Number(address) : address;
}

/**
 * Turn a Bot API failure into what the outbox should do with the message: wait `retry_after`
 * on 429, give up at once when the chat is gone or the bot blocked (400/403), retry with
 * backoff otherwise (network, 5xx, and 401 — a token problem is ours, not the message's).
 */
export function toSendError(err: unknown): SendError {
  if (err instanceof GrammyError) {
    const message = `telegram ${err.error_code}: ${err.description}`;
    if (err.error_code === 429) {
      return new SendError(message, { retryable: true, retryAfterMs: (err.parameters.retry_after ?? 1) * 1000, cause: err });
    }
    const permanent = err.error_code === 400 || err.error_code === 403 || err.error_code === 404;
    return new SendError(message, { retryable: !permanent, cause: err });
  }
  return new SendError(`telegram: ${(err as Error)?.message ?? String(err)}`, { retryable: true, cause: err });
}

/**
 * Sends outbox rows to Telegram chats.
 *
 * ```ts
 * outbox.register(new TelegramSender(grammyBot.api, log));
 * ```
 */
export class TelegramSender implements ChannelSender {
  readonly name = TELEGRAM_CHANNEL;

  constructor(
    private readonly api: Api,
    private readonly log: Logger,
    readonly limits: RateLimits = TELEGRAM_LIMITS,
  ) {}

  /** Send one outbox row; the keyboard goes with the last piece of a split text. */
  async send(message: OutboundEnvelope): Promise<void> {
    // Photos first: if the text then fails, the retry repeats a photo rather than losing one.
    for (const photo of message.attachments) {
      await this.api.sendPhoto(chatId(message.address), new InputFile(photo.path)).catch((err: unknown) => {
        throw toSendError(err);
      });
    }
    const pieces = splitText(message.text);
    for (const [i, piece] of pieces.entries()) {
      const last = i === pieces.length - 1;
      const markup = last && message.options.length > 0 ? optionKeyboard(message.options) : undefined;
      await this.sendPiece(chatId(message.address), piece, markup, message.id);
    }
  }

  private async sendPiece(chat: number | string, text: string, markup: ReturnType<typeof optionKeyboard> | undefined, outboxId: number): Promise<void> {
    const other = markup ? { reply_markup: markup } : {};
    try {
      await this.api.sendMessage(chat, text, other);
    } catch (err) {
      // A group that became a supergroup has a new id; Telegram names it, so follow it once.
      const moved = err instanceof GrammyError ? err.parameters.migrate_to_chat_id : undefined;
      if (moved === undefined) throw toSendError(err);
      this.log.warn({ outboxId, from: chat, to: moved }, 'telegram: group moved to a supergroup, sending there');
      await this.api.sendMessage(moved, text, other).catch((again: unknown) => {
        throw toSendError(again);
      });
    }
  }
}
