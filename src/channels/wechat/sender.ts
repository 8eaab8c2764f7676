/**
 * The WeChat channel's sending side: turns outbox rows into `say()` calls on the logged-in
 * account, paced per chat, counted against a daily cap, and failing in the way the outbox
 * understands (retry later, or give up when the chat no longer exists).
 */
import { FileBox } from 'file-box';
import type { Logger } from 'pino';
import type { Contact, Room, Wechaty } from 'wechaty';
import type { ChannelSender } from '../../core/outbox.js';
import type { RateLimits } from '../../core/rate-limit.js';
import { renderNumbered } from '../../core/render.js';
import { SendError } from '../../core/outbox.js';
import type { OutboundEnvelope } from '../../core/types.js';
import type { DailyCap } from './daily-cap.js';
import type { IdentityBook } from './identity.js';

/** The channel name of WeChat identities and messages. */
export const WECHAT_CHANNEL = 'wechat';

/** Addresses of group chats start with this; anything else is a resident (contact). */
export const ROOM_ADDRESS_PREFIX = 'room:';

/** The outbox address of a group chat. */
export function roomAddress(roomId: string): string {
  return `${ROOM_ADDRESS_PREFIX}${roomId}`;
}

/**
 * How long to wait before trying again while the account is logged out: 2, 4, 8 … minutes,
 * at most an hour. A logout waits for a person to scan, so the outbox's attempts (8 by
 * default) should span hours — about three with these delays — not seconds.
 */
export function loggedOutRetryMs(attempts: number): number {
  return Math.min(2 * 60_000 * 2 ** Math.max(attempts - 1, 0), 60 * 60_000);
}

export interface WechatSenderOptions {
  wechaty: Wechaty;
  book: IdentityBook;
  cap: DailyCap;
  log: Logger;
  /** Least time between two messages to one chat. */
  minIntervalMs: number;
  /** Most messages per second across all chats; unlimited when absent. */
  perSecond?: number;
  clock?: () => number;
}

/**
 * Sends outbox rows through Wechaty. `room:<id>` goes to that group chat; any other address
 * is a resident's userId, sent to the contact id the identity book saw last.
 *
 * @example
 * ```ts
 * const sender = new WechatSender({ wechaty, book, cap, log, minIntervalMs: 1500 });
 * outbox.register(sender);
 * ```
 */
export class WechatSender implements ChannelSender {
  readonly name = WECHAT_CHANNEL;
  readonly limits: RateLimits;
  private readonly nextAt = new Map<string, number>();
  /** Contact and room ids known to exist in the current login session. */
  private readonly live = new Set<string>();
  private readonly clock: () => number;
  private stopped = false;

  constructor(private readonly options: WechatSenderOptions) {
    this.clock = options.clock ?? Date.now;
    this.limits = { minIntervalMs: options.minIntervalMs, ...(options.perSecond ? { perSecond: options.perSecond } : {}) };
  }

  /** Send one outbox row (called by the outbox). */
  async send(message: OutboundEnvelope): Promise<void> {
    if (this.stopped) throw new SendError('wechat channel stopped', { retryable: true, retryAfterMs: 60_000 });
    if (!this.options.wechaty.isLoggedIn) {
      throw new SendError('wechat account logged out: waiting for a new login', {
        retryable: true,
        retryAfterMs: loggedOutRetryMs(message.attempts),
      });
    }
    const target = await this.findTarget(message.address);
    if (!target) {
      throw new SendError(
        message.address.startsWith(ROOM_ADDRESS_PREFIX)
          ? 'group chat not found (web WeChat gives groups new ids after a new login: register the group again)'
          : 'contact not found (not a friend any more, or not seen since a new login)',
        { retryable: false },
      );
    }
    // Photos first: if the text then fails, the retry repeats a photo rather than losing one.
    for (const photo of message.attachments) await this.deliver(message.address, target, FileBox.fromFile(photo.path));
    await this.deliver(message.address, target, renderNumbered(message.text, message.options));
  }

  /**
   * Say something the channel decided on its own (a polite note about a voice message), paced
   * and counted like everything else. Returns false when it was not sent (logged out, over the
   * cap, or the send failed); such notes are not worth a retry.
   */
  async sayDirect(key: string, target: Contact | Room, text: string): Promise<boolean> {
    if (this.stopped || !this.options.wechaty.isLoggedIn) return false;
    try {
      await this.deliver(key, target, text);
      return true;
    } catch (err) {
      this.options.log.warn({ err: (err as Error).message, key }, 'wechat: note not sent');
      return false;
    }
  }

  /** A new login began: ids from an earlier session may be stale and are checked again. */
  newSession(): void {
    this.live.clear();
  }

  /** A contact or room id just seen in an incoming message exists in this session. */
  seen(id: string): void {
    if (this.live.size > 50_000) this.live.clear();
    this.live.add(id);
  }

  /** Refuse further sends (they stay in the outbox for the next start). */
  stop(): void {
    this.stopped = true;
  }

  private async deliver(key: string, target: Contact | Room, content: string | FileBox): Promise<void> {
    const slot = this.options.cap.take(this.clock());
    if (!slot.ok) {
      this.options.log.warn({ cap: this.options.cap.cap, retryInMs: slot.retryAfterMs }, 'wechat: daily send cap reached, messages wait for tomorrow');
      throw new SendError(`daily send cap of ${this.options.cap.cap} reached`, { retryable: true, retryAfterMs: slot.retryAfterMs });
    }
    try {
      await this.pace(key);
      await target.say(content);
    } catch (err) {
      this.options.cap.refund(slot.day);
      if (err instanceof SendError) throw err;
      throw new SendError(`wechat send failed: ${(err as Error)?.message ?? String(err)}`, { retryable: true, cause: err });
    }
  }

  /**
   * Keep the per-chat interval also for the channel's own notes, which the outbox's limiter
   * never sees. Slots are reserved before waiting so concurrent sends queue up.
   */
  private async pace(key: string): Promise<void> {
    const now = this.clock();
    const at = Math.max(now, this.nextAt.get(key) ?? 0);
    this.nextAt.set(key, at + this.options.minIntervalMs);
    if (this.nextAt.size > 10_000) for (const [k, t] of this.nextAt) if (t < now) this.nextAt.delete(k);
    if (at > now) await new Promise((resolve) => setTimeout(resolve, at - now));
  }

  private async findTarget(address: string): Promise<Contact | Room | undefined> {
    const { wechaty, book } = this.options;
    if (address.startsWith(ROOM_ADDRESS_PREFIX)) {
      const room = await wechaty.Room.find({ id: address.slice(ROOM_ADDRESS_PREFIX.length) });
      return room && (await this.exists(room)) ? room : undefined;
    }
    const contact = await wechaty.Contact.find({ id: book.currentContactId(address) ?? address });
    if (contact && (await this.exists(contact))) return contact;
    return this.findAgain(address);
  }

  /**
   * Wechaty keeps every contact and room it ever loaded, also those of an earlier login whose
   * ids web WeChat no longer knows. An id not seen in this session is asked of the puppet again.
   */
  private async exists(target: Contact | Room): Promise<boolean> {
    if (this.live.has(target.id)) return true;
    try {
      await target.sync();
    } catch {
      return false;
    }
    this.live.add(target.id);
    return true;
  }

  /**
   * The contact id is stale (a new login since the resident last wrote): look the contact up
   * by the same stable keys the identity rule uses, and only when exactly one contact matches.
   */
  private async findAgain(userId: string): Promise<Contact | undefined> {
    const { wechaty, book, log } = this.options;
    const keys = book.stableKeys(userId);
    let found: Contact[] = [];
    if (keys?.handle) found = await wechaty.Contact.findAll({ weixin: keys.handle });
    else if (keys?.token) found = await wechaty.Contact.findAll({ alias: new RegExp(`#LL${keys.token}(?![0-9A-Z])`) });
    if (found.length !== 1) return undefined;
    const contact = found[0]!;
    this.live.add(contact.id);
    book.moved(userId, contact.id, this.clock());
    log.info({ userId, by: keys?.handle ? 'handle' : 'remark-token' }, 'wechat: contact found again under a new id');
    return contact;
  }
}
