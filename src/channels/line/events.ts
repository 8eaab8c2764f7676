/**
 * What a LINE webhook event means to Linli. Only one-to-one chats are served: events from
 * group chats and rooms are ignored (the bot stays quiet there).
 */
import { z } from 'zod';
import type { EventPlan } from '../bottender/deliver.js';
import { bottenderText } from '../bottender/text.js';

/** How the LINE channel answers a sender directly: the reply token is free, a push is not. */
export interface LineTo {
  userId: string;
  replyToken?: string;
}

// Only the fields Linli reads; LINE adds fields over time and they pass through unread.
const LineEventSchema = z.object({
  type: z.string(),
  timestamp: z.number().optional(),
  webhookEventId: z.string().min(1).optional(),
  replyToken: z.string().min(1).optional(),
  source: z.object({ type: z.string(), userId: z.string().min(1).optional() }).optional(),
  message: z
    .object({
      id: z.string().min(1),
      type: z.string(),
      text: z.string().optional(),
      latitude: z.number().optional(),
      longitude: z.number().optional(),
    })
    .optional(),
  postback: z.object({ data: z.string() }).optional(),
});

/**
 * The webhook body without events from group chats and rooms, which Linli ignores — dropped
 * before bottender, which would otherwise ask LINE for the group's member ids each time.
 */
export function oneToOneOnly(body: Record<string, unknown>): Record<string, unknown> {
  if (!Array.isArray(body.events)) return body;
  const fromUser = (e: unknown) => (e as { source?: { type?: unknown } } | null)?.source?.type === 'user';
  return { ...body, events: body.events.filter(fromUser) };
}

const UNREADABLE_MESSAGES = new Set(['sticker', 'video', 'audio', 'file']);

/**
 * Plan what to do with one LINE event (as bottender hands it over: `context.event.rawEvent`).
 *
 * - text → the text; image → a photo to fetch; location → coordinates;
 * - postback (rich menu buttons) → its data as text;
 * - follow (the bot was added as a friend) → a welcome notice;
 * - stickers, voice, video, files → a notice asking for text or a photo;
 * - anything else, and anything from a group or room → ignored.
 *
 * ```ts
 * planLineEvent({ type: 'message', replyToken: 'r', source: { type: 'user', userId: 'U1' },
 *   message: { id: '42', type: 'text', text: '你好' } });
 * // { kind: 'message', userId: 'U1', messageId: '42', text: '你好', to: { userId: 'U1', replyToken: 'r' } }
 * ```
 */
export function planLineEvent(raw: unknown): EventPlan<LineTo> {
  const parsed = LineEventSchema.safeParse(raw);
  if (!parsed.success) return { kind: 'ignore', reason: 'unreadable event' };
  const event = parsed.data;
  const source = event.source;
  if (source?.type !== 'user' || !source.userId) {
    return { kind: 'ignore', reason: `${event.type} in a ${source?.type ?? 'unknown'} chat` };
  }
  const userId = source.userId;
  const to: LineTo = { userId, ...(event.replyToken ? { replyToken: event.replyToken } : {}) };

  if (event.type === 'follow') return { kind: 'say', to, text: bottenderText.welcome, reason: 'follow' };
  if (event.type === 'postback' && event.postback?.data.trim()) {
    // A postback has no message id; its webhook event id survives redelivery, the timestamp too.
    const messageId = event.webhookEventId ? `event:${event.webhookEventId}` : `postback:${userId}:${event.timestamp ?? 0}`;
    return { kind: 'message', to, userId, messageId, text: event.postback.data };
  }
  const message = event.message;
  if (event.type !== 'message' || !message) return { kind: 'ignore', reason: event.type };

  const base = { kind: 'message' as const, to, userId, messageId: message.id };
  switch (message.type) {
    case 'text':
      return { ...base, text: message.text ?? '' };
    case 'image':
      return { ...base, text: '', images: [message.id] };
    case 'location':
      if (message.latitude === undefined || message.longitude === undefined) return { kind: 'ignore', reason: 'location without coordinates' };
      return { ...base, text: '', location: { latitude: message.latitude, longitude: message.longitude } };
    default:
      if (UNREADABLE_MESSAGES.has(message.type)) return { kind: 'say', to, text: bottenderText.unsupported, reason: `${message.type} message` };
      return { kind: 'ignore', reason: `${message.type} message` };
  }
}
