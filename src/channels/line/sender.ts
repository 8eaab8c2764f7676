/**
 * Sending the outbox's messages to LINE with the push API (replies come from the outbox after
 * the webhook has answered, so the event's reply token cannot be relied on). Options become
 * quick-reply buttons that send the option's text when tapped.
 */
import { withPhotoNote } from '../../core/render.js';
import { createHash } from 'node:crypto';
import type { ChannelSender } from '../../core/outbox.js';
import type { OutboundEnvelope } from '../../core/types.js';
import { planChoices, splitText, type ChoiceLimits } from '../bottender/choices.js';
import { apiFailure, toSendError } from '../bottender/failures.js';

/** The channel name of LINE identities and messages. */
export const LINE_CHANNEL = 'line';

/** LINE's quick-reply limits: 13 buttons, labels of 20 characters, 300 characters sent back. */
export const LINE_CHOICE_LIMITS: ChoiceLimits = { maxChoices: 13, maxLabel: 20, maxValue: 300 };
/** Longest text message LINE accepts. */
export const LINE_MAX_TEXT = 5000;
/** Most messages in one push request. */
const MESSAGES_PER_PUSH = 5;

/** A LINE text message object, as the Messaging API takes it. */
export interface LineTextMessage {
  type: 'text';
  text: string;
  quickReply?: { items: Array<{ type: 'action'; action: { type: 'message'; label: string; text: string } }> };
}

/** The part of messaging-api-line's `LineClient` the sender uses: its configured axios instance. */
export interface LinePushClient {
  axios: { post(url: string, body: unknown, config: { headers: Record<string, string> }): Promise<unknown> };
}

/**
 * A reply as LINE text messages: long text split, options as quick-reply buttons on the last.
 *
 * ```ts
 * lineMessages('请选择：', ['保洁', '保安']);
 * // [{ type: 'text', text: '请选择：', quickReply: { items: [ …'保洁'…, …'保安'… ] } }]
 * ```
 */
export function lineMessages(text: string, options: readonly string[]): LineTextMessage[] {
  const plan = planChoices(text, options, LINE_CHOICE_LIMITS);
  const messages: LineTextMessage[] = splitText(plan.text, LINE_MAX_TEXT).map((piece) => ({ type: 'text', text: piece }));
  if (plan.choices.length > 0) {
    messages.at(-1)!.quickReply = {
      items: plan.choices.map((c) => ({ type: 'action', action: { type: 'message', label: c.label, text: c.value } })),
    };
  }
  return messages;
}

/**
 * The X-Line-Retry-Key of one push: a UUID derived from the outbox row, so that when the outbox
 * sends a row again (after a timeout, or a crash before the row was marked sent) LINE
 * recognises the repeat for 24 hours and does not deliver it twice.
 */
export function retryKey(envelope: OutboundEnvelope, part: number): string {
  const hash = createHash('sha256').update(`${envelope.id}\u0000${envelope.address}\u0000${part}\u0000${envelope.text}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x40;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The LINE side of the outbox.
 *
 * ```ts
 * outbox.register(new LineSender(lineClient));
 * ```
 */
export class LineSender implements ChannelSender {
  readonly name = LINE_CHANNEL;
  /** LINE allows 2,000 push requests per second; stay far below. */
  readonly limits = { perSecond: 50 };

  constructor(private readonly client: LinePushClient) {}

  /** Push one outbox row to its LINE user. Throws a SendError the outbox understands. */
  async send(envelope: OutboundEnvelope): Promise<void> {
    // LINE only sends images from a public HTTPS URL, which Linli does not have: say how many.
    const messages = lineMessages(withPhotoNote(envelope.text, envelope.attachments.length), envelope.options);
    for (let i = 0, part = 0; i < messages.length; i += MESSAGES_PER_PUSH, part++) {
      try {
        // client.push() cannot set headers; its axios instance carries the origin and the token.
        await this.client.axios.post(
          '/v2/bot/message/push',
          { to: envelope.address, messages: messages.slice(i, i + MESSAGES_PER_PUSH) },
          { headers: { 'X-Line-Retry-Key': retryKey(envelope, part) } },
        );
      } catch (err) {
        const failure = apiFailure(err);
        // 409: this retry key was accepted before — the earlier attempt did get through.
        if (failure.status === 409) continue;
        const detail = (failure.data as { message?: unknown } | undefined)?.message;
        const described = typeof detail === 'string' ? { ...failure, message: `${failure.message} (${detail})` } : failure;
        // LINE answers 429 both for bursts and for the plan's monthly message quota; only the
        // burst passes by waiting.
        const quotaReached = failure.status === 429 && typeof detail === 'string' && /monthly limit/i.test(detail);
        throw toSendError(LINE_CHANNEL, described, quotaReached ? false : undefined);
      }
    }
  }
}
