/**
 * The context object every middleware receives: who wrote, what they wrote, what the NLU made
 * of it, the conversation state, and the ways to answer (`reply`) or tell someone else
 * (`notify`). Replies and notifications are collected and written to the outbox in one
 * transaction when the turn ends; a turn that throws writes none of them.
 */
import type { Logger } from 'pino';
import type { ConversationRecord, ResidentRecord } from './store.js';
import type { Attachment, Inbound, NotifyTarget, Option, Reply } from './types.js';

/** A reply with only the extras it has (no empty arrays stored). */
const withExtras = (text: string, extra: { options?: Option[]; attachments?: Attachment[] }): Reply => ({
  text,
  ...(extra.options?.length ? { options: extra.options } : {}),
  ...(extra.attachments?.length ? { attachments: extra.attachments } : {}),
});
import type { FormEngine } from './forms.js';

/** An entity the NLU found in the text. Its `value` shape depends on `type`. */
export interface EntityLike {
  type: string;
  text: string;
  start: number;
  end: number;
  value: unknown;
}

/** What the NLU made of a text. The core needs no more than this. */
export interface Understanding {
  intent: string;
  score: number;
  entities: readonly EntityLike[];
  /** Set when the text signals immediate danger (fire, gas…), whatever the intent. */
  urgent?: unknown;
}

/** Anything that turns text into an {@link Understanding}. */
export interface Understander {
  understand(text: string, options?: { now?: Date }): Understanding;
}

/** The pieces of the runtime a context needs. */
export interface ContextDeps {
  log: Logger;
  forms: FormEngine;
}

/**
 * The context of one inbound message.
 *
 * ```ts
 * bot.intent('greeting', async (ctx) => {
 *   await ctx.reply(`您好，${ctx.resident.displayName ?? '邻居'}！`, { options: ['找工作', '医保'] });
 * });
 * ```
 */
export class Context {
  /** The text being handled; an option picked by number is replaced by its label. */
  text: string;
  /** The intent to handle, set by the NLU or by a picked option. */
  intent: string | undefined;
  /** The NLU's view of the text, once classified. */
  understanding: Understanding | undefined;
  /** Replies collected so far this turn. */
  readonly replies: Reply[] = [];
  /** Notifications collected so far this turn. */
  readonly notifications: Array<{ target: NotifyTarget; reply: Reply }> = [];

  constructor(
    /** The message as received. */
    readonly inbound: Inbound,
    /** The sender. */
    readonly resident: ResidentRecord,
    /** Dialogue state; changes are saved at the end of the turn. */
    readonly conversation: ConversationRecord,
    /** The stored inbound message's id. */
    readonly inboundId: number,
    /** The time this turn runs at (injectable for tests). */
    readonly now: Date,
    private readonly deps: ContextDeps,
  ) {
    this.text = inbound.text.trim();
  }

  /** A logger bound to this message. */
  get log(): Logger {
    return this.deps.log;
  }

  /** Conversation memory that survives between turns (paging cursors, last options…). */
  get memory(): Record<string, unknown> {
    return this.conversation.memory;
  }

  /**
   * Say something to the sender.
   *
   * ```ts
   * await ctx.reply('请问您想找哪类工作？', { options: ['保洁', '保安', '普工'] });
   * ```
   */
  async reply(text: string, extra: { options?: Option[]; attachments?: Attachment[] } = {}): Promise<void> {
    this.replies.push(withExtras(text, extra));
  }

  /**
   * Tell someone other than the sender: another resident, everyone holding a role, or a chat
   * (a staff group). Delivered through the outbox after this turn is stored.
   *
   * ```ts
   * await ctx.notify({ role: 'admin' }, '有居民请求人工服务');
   * ```
   */
  async notify(target: NotifyTarget, text: string, extra: { options?: Option[]; attachments?: Attachment[] } = {}): Promise<void> {
    this.notifications.push({ target, reply: withExtras(text, extra) });
  }

  /** The first entity of a type, if the NLU found one. */
  entity(type: string): EntityLike | undefined {
    return this.understanding?.entities.find((e) => e.type === type);
  }

  /** Start a declared form; its first question is asked right away. */
  async startForm(name: string, initial: Record<string, unknown> = {}): Promise<void> {
    await this.deps.forms.start(this, name, initial);
  }

  /** The name of the form in progress, if any. */
  get activeForm(): string | null {
    return this.conversation.activeForm;
  }
}
