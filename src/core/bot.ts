/**
 * The bot: the core pipeline every channel feeds.
 *
 * Inbound (validated) → per-sender queue → dedupe by (channel, platform message id) → store
 * inbound → resolve resident → load conversation → option picked by number → active form →
 * NLU → the domains' middleware → replies and notifications stored in one transaction →
 * outbox delivers.
 *
 * ```ts
 * const bot = new Bot({ store, nlu, log, outbox });
 * bot.intent('greeting', (ctx) => ctx.reply('您好！'));
 * const { replies } = await bot.receive({ channel: 'http', userId: 'u1', messageId: 'm1', text: '你好' });
 * ```
 */
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { Composer, run, type Middleware } from './composer.js';
import { Context, type Understander } from './context.js';
import { FormEngine, type FormDefinition } from './forms.js';
import type { Outbox } from './outbox.js';
import { LAST_OPTIONS, classify, formStep, mediaWithoutText, pickOption } from './steps.js';
import type { ConversationRecord, MessageStore, OutboundDraft, OutboxRow } from './store.js';
import { coreText } from './text.js';
import { parseInbound, type Inbound, type NotifyTarget, type Reply } from './types.js';
import { KeyedQueue } from './keyed-queue.js';
import { ConcurrencyLimit } from './limiter.js';

export interface BotOptions {
  store: MessageStore;
  nlu: Understander;
  log: Logger;
  outbox: Outbox;
  /** Minutes of silence after which a form in progress is dropped. Default 30. */
  formExpiryMinutes?: number;
  /** Channels whose replies are returned to the caller instead of sent by the outbox (HTTP). */
  inlineReplyChannels?: readonly string[];
  /** The time source; tests pass a controlled clock. */
  clock?: () => Date;
  /** Most turns handled at once (different senders); more wait their turn. Default 16. */
  maxConcurrentTurns?: number;
}

/** What {@link Bot.receive} returns to the channel. */
export interface ReceiveResult {
  inboundId: number;
  /** True when this platform message had been received before; nothing changed. */
  duplicate: boolean;
  replies: Reply[];
  /** Set when a handler failed; the resident got an apology quoting it. */
  errorId?: string;
}

/** A short id quoted to the resident and logged, to find a failure. */
export function newErrorId(): string {
  return randomBytes(4).toString('hex').toUpperCase();
}

export class Bot extends Composer<Context> {
  /** The declared forms. */
  readonly forms: FormEngine;
  private readonly queue = new KeyedQueue();
  private readonly turns: ConcurrencyLimit;
  private readonly inline: Set<string>;
  private readonly clock: () => Date;
  private fallbackHandler: Middleware<Context> | null = null;

  constructor(private readonly options: BotOptions) {
    super();
    this.forms = new FormEngine((options.formExpiryMinutes ?? 30) * 60_000);
    this.inline = new Set(options.inlineReplyChannels ?? []);
    this.turns = new ConcurrencyLimit(options.maxConcurrentTurns ?? 16);
    this.clock = options.clock ?? (() => new Date());
    this.use(pickOption, formStep(this.forms, options.nlu), mediaWithoutText, classify(options.nlu));
  }

  /** Declare a form that handlers can start with `ctx.startForm(name)`. */
  form(definition: FormDefinition): this {
    this.forms.register(definition);
    return this;
  }

  /** What runs when no handler replied (an intent without a handler, or `None`). */
  fallback(middleware: Middleware<Context>): this {
    this.fallbackHandler = middleware;
    return this;
  }

  /**
   * Handle one message from a channel. Messages of one sender are handled in order; those of
   * different senders concurrently.
   *
   * @throws {InvalidInboundError} when the message does not validate; nothing is stored.
   */
  async receive(input: unknown): Promise<ReceiveResult> {
    const inbound = parseInbound(input);
    return this.queue.run(`${inbound.channel}\u0000${inbound.userId}`, () => this.turns.run(() => this.handle(inbound)));
  }

  /** Handle messages a previous process stored but never finished. Returns how many. */
  async recoverInterrupted(): Promise<number> {
    const { store, log } = this.options;
    const pending = store.interrupted();
    if (pending.length > 0) log.warn({ count: pending.length }, 'handling messages interrupted by a restart');
    await Promise.all(
      pending.map(async ({ id, inbound }) => {
        try {
          await this.receive(inbound);
        } catch (err) {
          // One message that cannot be handled again must not stop the others or the start-up.
          const errorId = newErrorId();
          log.error({ err, errorId, inboundId: id }, 'interrupted message could not be handled again');
          store.failInbound(id, errorId, this.clock().getTime());
        }
      }),
    );
    return pending.length;
  }

  /**
   * Send a notification outside a conversation turn: a status change made in the admin
   * console, a scheduled reminder, a broadcast. Stored in the outbox (one transaction for all
   * targets), then delivered like any reply.
   *
   * ```ts
   * await bot.notify([{ residentId: 12 }], { text: '您反映的问题已办结。' });
   * // a broadcast: its rows carry its id, so its progress can be counted
   * await bot.notify(audience, { text: '重阳节活动改到文化礼堂二楼' }, { broadcastId: 7 });
   * ```
   * @param options.broadcastId written on every row (outbound_messages.broadcast_id)
   * @returns the ids of the outbox rows written (targets without an address are skipped, logged).
   */
  async notify(targets: readonly NotifyTarget[], reply: Reply, options: { broadcastId?: number } = {}): Promise<number[]> {
    await this.connectionFree();
    const { store } = this.options;
    const now = this.clock().getTime();
    const broadcastId = options.broadcastId ?? null;
    // A broadcast's rows are written once: checked and written in one transaction, so two
    // writers (the bot recovering it, the console resuming it) cannot both write them.
    const ids = store.transaction(() => {
      if (broadcastId !== null && store.outbox.hasBroadcast(broadcastId)) return [];
      return targets
        .flatMap((target) => this.resolveTarget(target, reply))
        .map((draft) => {
          // Options in a notification can be answered by number, like a reply's.
          if (draft.residentId !== null && reply.options?.length) store.offerOptions(draft.residentId, LAST_OPTIONS, reply.options);
          return store.outbox.insert({ ...draft, broadcastId }, null, now);
        });
    });
    this.options.outbox.kick();
    return ids;
  }

  /**
   * Everything pending for an address of a pull channel (the HTTP API's inbox), marked
   * delivered as it is read.
   */
  takeInbox(channel: string, address: string): OutboxRow[] {
    return this.options.store.outbox.takeInbox(channel, address, this.clock().getTime());
  }

  /** Resolves when every message received so far has been handled. */
  async drain(): Promise<void> {
    await this.queue.drain();
  }

  private async handle(inbound: Inbound): Promise<ReceiveResult> {
    const { store, log } = this.options;
    const now = this.clock();
    const t = now.getTime();
    await this.connectionFree();
    const begun = store.transaction(() => {
      const seen = store.findInbound(inbound.channel, inbound.messageId);
      if (seen && seen.status !== 'received') return { duplicate: true as const, inboundId: seen.id };
      const { resident } = store.resolveResident(inbound.channel, inbound.userId, inbound.displayName, t);
      const inboundId = seen?.id ?? store.insertInbound(inbound, resident.id, t);
      return { duplicate: false as const, inboundId, resident, conversation: store.conversation(resident.id, t) };
    });
    if (begun.duplicate) {
      log.info({ channel: inbound.channel, inboundId: begun.inboundId }, 'duplicate delivery ignored');
      return { inboundId: begun.inboundId, duplicate: true, replies: store.outbox.repliesOf(begun.inboundId) };
    }

    const saved = structuredClone(begun.conversation);
    const ctx = new Context(inbound, begun.resident, begun.conversation, begun.inboundId, now, {
      log: log.child({ inboundId: begun.inboundId }),
      forms: this.forms,
    });
    let errorId: string | undefined;
    let replies: Reply[];
    let notifications: Array<{ target: NotifyTarget; reply: Reply }>;
    let conversation: ConversationRecord;
    try {
      await run(this.middleware(), ctx);
      if (ctx.replies.length === 0 && this.fallbackHandler) await run(new Composer(this.fallbackHandler).middleware(), ctx);
      ({ replies, notifications, conversation } = ctx);
    } catch (err) {
      errorId = newErrorId();
      ctx.log.error({ err, errorId, intent: ctx.intent }, 'handler failed');
      // Nothing the failed turn produced is kept: the state stays as it was before it.
      replies = [{ text: coreText.apology(errorId) }];
      notifications = [];
      conversation = saved;
    }
    conversation.lastActivityAt = t;
    const lastOptions = replies.at(-1)?.options;
    if (lastOptions?.length) conversation.memory[LAST_OPTIONS] = lastOptions;
    else delete conversation.memory[LAST_OPTIONS];

    const replyStatus = this.inline.has(inbound.channel) ? 'sent' : 'pending';
    const address = inbound.replyAddress ?? inbound.userId;
    await this.connectionFree();
    store.commitTurn({
      inboundId: begun.inboundId,
      channel: inbound.channel,
      status: errorId ? 'failed' : 'handled',
      intent: ctx.intent ?? null,
      score: ctx.understanding?.score ?? null,
      errorId: errorId ?? null,
      now: t,
      conversation,
      outbound: [
        ...replies.map(
          (reply): OutboundDraft => ({ channel: inbound.channel, address, residentId: begun.resident.id, kind: 'reply', reply, status: replyStatus }),
        ),
        ...notifications.flatMap((n) => this.resolveTarget(n.target, n.reply)),
      ],
    });
    this.options.outbox.kick();
    return { inboundId: begun.inboundId, duplicate: false, replies, ...(errorId ? { errorId } : {}) };
  }

  private resolveTarget(target: NotifyTarget, reply: Reply): OutboundDraft[] {
    const { store, log } = this.options;
    const draft = (channel: string, address: string, residentId: number | null): OutboundDraft => ({
      channel,
      address,
      residentId,
      kind: 'notification',
      reply,
      status: 'pending',
    });
    if ('channel' in target) return [draft(target.channel, target.address, null)];
    const ids = 'role' in target ? store.residentsWithRole(target.role) : [target.residentId];
    return ids.flatMap((id) => {
      const where = store.addressOf(id);
      if (!where) {
        log.warn({ residentId: id }, 'notification dropped: resident has no channel identity');
        return [];
      }
      return [draft(where.channel, where.address, id)];
    });
  }

  /**
   * Raw statements share Prisma's connection; while a Prisma interactive transaction is open on
   * it, a raw write would join (and could be rolled back with) that transaction. Wait it out.
   */
  private async connectionFree(): Promise<void> {
    while (this.options.store.inTransaction) await new Promise((r) => setImmediate(r));
  }
}
