/**
 * What a Messenger webhook event means to Linli. Events arrive as bottender hands them over:
 * keys camel-cased (`quick_reply` → `quickReply`, `is_echo` → `isEcho`).
 */
import { z } from 'zod';
import type { EventPlan } from '../bottender/deliver.js';
import { bottenderText } from '../bottender/text.js';

/** How the Messenger channel answers a sender directly: by page-scoped id (PSID). */
export interface MessengerTo {
  psid: string;
}

// Only the fields Linli reads; the rest passes through unread.
const MessengerEventSchema = z.object({
  sender: z.object({ id: z.string().min(1) }).optional(),
  timestamp: z.number().optional(),
  message: z
    .object({
      mid: z.string().min(1),
      text: z.string().optional(),
      isEcho: z.boolean().optional(),
      stickerId: z.number().optional(),
      quickReply: z.object({ payload: z.string() }).optional(),
      attachments: z
        .array(
          z.object({
            type: z.string(),
            payload: z
              .object({
                url: z.string().optional(),
                coordinates: z.object({ lat: z.number(), long: z.number() }).optional(),
              })
              .nullish(),
          }),
        )
        .optional(),
    })
    .optional(),
  postback: z.object({ mid: z.string().min(1).optional(), title: z.string().optional(), payload: z.string().optional() }).optional(),
});

/** Most photos taken from one message (the core accepts 10 attachments). */
const MAX_PHOTOS = 10;

/**
 * Plan what to do with one Messenger event (`context.event.rawEvent`).
 *
 * - text → the text; a quick-reply tap → its payload (the whole option);
 * - photos → fetched from their URLs; a shared location → coordinates;
 * - postback (Get Started, persistent menu) → its payload as text;
 * - stickers (the thumbs-up too), voice, video, files → a notice asking for text or a photo;
 * - echoes of the page's own messages, read and delivery receipts, and events received while
 *   another app holds the conversation (standby) → ignored.
 *
 * ```ts
 * planMessengerEvent({ sender: { id: 'P1' }, message: { mid: 'm.1', text: '你好' } });
 * // { kind: 'message', to: { psid: 'P1' }, userId: 'P1', messageId: 'm.1', text: '你好' }
 * ```
 */
export function planMessengerEvent(raw: unknown, options: { standby?: boolean } = {}): EventPlan<MessengerTo> {
  if (options.standby) return { kind: 'ignore', reason: 'standby' };
  const parsed = MessengerEventSchema.safeParse(raw);
  if (!parsed.success) return { kind: 'ignore', reason: 'unreadable event' };
  const event = parsed.data;
  if (!event.sender) return { kind: 'ignore', reason: 'no sender' };
  const psid = event.sender.id;
  const to: MessengerTo = { psid };

  const postback = event.postback;
  if (postback) {
    const text = postback.payload?.trim() ? postback.payload : (postback.title ?? '');
    if (!text.trim()) return { kind: 'ignore', reason: 'empty postback' };
    const messageId = postback.mid ?? `postback:${psid}:${event.timestamp ?? 0}`;
    return { kind: 'message', to, userId: psid, messageId, text };
  }

  const message = event.message;
  if (!message) return { kind: 'ignore', reason: 'not a message' };
  if (message.isEcho) return { kind: 'ignore', reason: 'echo' };
  const base = { kind: 'message' as const, to, userId: psid, messageId: message.mid };
  if (message.quickReply?.payload.trim()) return { ...base, text: message.quickReply.payload };
  if (message.stickerId !== undefined) return { kind: 'say', to, text: bottenderText.unsupported, reason: 'sticker' };
  if (message.text !== undefined) return { ...base, text: message.text };

  const attachments = message.attachments ?? [];
  const images = attachments.flatMap((a) => (a.type === 'image' && a.payload?.url ? [a.payload.url] : [])).slice(0, MAX_PHOTOS);
  if (images.length > 0) return { ...base, text: '', images };
  const place = attachments.find((a) => a.type === 'location' && a.payload?.coordinates)?.payload?.coordinates;
  if (place) return { ...base, text: '', location: { latitude: place.lat, longitude: place.long } };
  if (attachments.length > 0) return { kind: 'say', to, text: bottenderText.unsupported, reason: `${attachments[0]!.type} attachment` };
  return { kind: 'ignore', reason: 'empty message' };
}
