/**
 * Sending the outbox's messages with the Messenger Send API. Options become quick replies
 * whose payload is the whole option, so a tap reaches the core as the option itself.
 */
import { withPhotoNote } from '../../core/render.js';
import type { ChannelSender, SendError } from '../../core/outbox.js';
import type { OutboundEnvelope } from '../../core/types.js';
import { planChoices, splitText, type ChoiceLimits } from '../bottender/choices.js';
import { apiFailure, toSendError, type ApiFailure } from '../bottender/failures.js';

/** The channel name of Messenger identities and messages. */
export const MESSENGER_CHANNEL = 'messenger';

/** Messenger's quick-reply limits: 13 buttons, titles of 20 characters, payloads of 1,000. */
export const MESSENGER_CHOICE_LIMITS: ChoiceLimits = { maxChoices: 13, maxLabel: 20, maxValue: 1000 };
/** Longest text message the Send API accepts. */
export const MESSENGER_MAX_TEXT = 2000;

/** A Send API text message, as messaging-api-messenger takes it (it snake-cases the keys). */
export interface MessengerTextMessage {
  text: string;
  quickReplies?: Array<{ contentType: 'text'; title: string; payload: string }>;
}

/** The part of messaging-api-messenger's `MessengerClient` the sender uses. */
export interface MessengerSendClient {
  sendMessage(psid: string, message: MessengerTextMessage, options: { messagingType: 'RESPONSE' | 'UPDATE' }): Promise<unknown>;
}

/**
 * A reply as Messenger messages: long text split, options as quick replies on the last.
 *
 * ```ts
 * messengerMessages('请选择：', ['保洁']);
 * // [{ text: '请选择：', quickReplies: [{ contentType: 'text', title: '保洁', payload: '保洁' }] }]
 * ```
 */
export function messengerMessages(text: string, options: readonly string[]): MessengerTextMessage[] {
  const plan = planChoices(text, options, MESSENGER_CHOICE_LIMITS);
  const messages: MessengerTextMessage[] = splitText(plan.text, MESSENGER_MAX_TEXT).map((piece) => ({ text: piece }));
  if (plan.choices.length > 0) {
    messages.at(-1)!.quickReplies = plan.choices.map((c) => ({ contentType: 'text', title: c.label, payload: c.value }));
  }
  return messages;
}

// Graph API error codes that pass with time: 1 unknown, 2 service unavailable, 4/17/32/613 rate limits.
const TRANSIENT_CODES = new Set([1, 2, 4, 17, 32, 613]);

/** The outbox's verdict on a failed Send API call. */
export function messengerSendError(failure: ApiFailure): SendError {
  const error = (failure.data as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  const code = typeof error?.code === 'number' ? error.code : undefined;
  const described = typeof error?.message === 'string' ? { ...failure, message: `${failure.message} (${error.message})` } : failure;
  // Rate limits come as 400 with a code; 4xx for "no matching user", "outside the 24-hour
  // window" or a bad token would fail again.
  return toSendError(MESSENGER_CHANNEL, described, code !== undefined && TRANSIENT_CODES.has(code) ? true : undefined);
}

/**
 * The Messenger side of the outbox. A long reply goes out in several messages; when one
 * fails, the retry resumes after those already delivered (remembered in memory).
 *
 * ```ts
 * outbox.register(new MessengerSender(messengerClient));
 * ```
 */
export class MessengerSender implements ChannelSender {
  readonly name = MESSENGER_CHANNEL;
  readonly limits = { perSecond: 20 };
  private readonly delivered = new Map<number, number>();

  constructor(private readonly client: MessengerSendClient) {}

  /** Send one outbox row to its PSID. Throws a SendError the outbox understands. */
  async send(envelope: OutboundEnvelope): Promise<void> {
    // Photos would need an upload to Meta first; say how many instead.
    const messages = messengerMessages(withPhotoNote(envelope.text, envelope.attachments.length), envelope.options);
    // RESPONSE answers the resident's message; UPDATE is a notification the bot starts. Both
    // are only allowed within 24 hours of the resident's last message.
    const messagingType = envelope.kind === 'reply' ? 'RESPONSE' : 'UPDATE';
    for (let i = this.delivered.get(envelope.id) ?? 0; i < messages.length; i++) {
      try {
        await this.client.sendMessage(envelope.address, messages[i]!, { messagingType });
      } catch (err) {
        const error = messengerSendError(apiFailure(err));
        if (error.retryable && i > 0) this.remember(envelope.id, i);
        else this.delivered.delete(envelope.id);
        throw error;
      }
    }
    this.delivered.delete(envelope.id);
  }

  private remember(id: number, count: number): void {
    // Rows the outbox gave up on are never seen again; keep the map small regardless.
    if (this.delivered.size >= 1000) this.delivered.delete(this.delivered.keys().next().value!);
    this.delivered.set(id, count);
  }
}
