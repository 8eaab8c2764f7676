/**
 * What LINE and Messenger share once an event is understood: fetch its photos, hand the
 * message to the core, and answer by themselves when the core cannot take it.
 */
import type { Logger } from 'pino';
import type { Bot } from '../../core/bot.js';
import { InvalidInboundError, type Attachment } from '../../core/types.js';
import { AttachmentTooLargeError, saveAttachment } from '../attachments.js';
import { apiFailure } from './failures.js';
import { bottenderText } from './text.js';

/**
 * What a platform event means to Linli. `to` is how the platform answers the sender directly
 * (LINE: the user id and the event's reply token; Messenger: the PSID).
 */
export type EventPlan<To> =
  | {
      kind: 'message';
      to: To;
      userId: string;
      messageId: string;
      text: string;
      /** Platform references of photos to fetch (LINE message ids, Messenger URLs). */
      images?: string[];
      location?: { latitude: number; longitude: number };
    }
  | { kind: 'say'; to: To; text: string; reason: string }
  | { kind: 'ignore'; reason: string };

/** What {@link deliver} needs of the platform. */
export interface Delivery<To> {
  channel: string;
  bot: Bot;
  log: Logger;
  dataDir: string;
  /** Largest photo accepted, in bytes. */
  maxBytes: number;
  /** Fetch one photo, refusing more than `maxBytes` (throw {@link AttachmentTooLargeError}). */
  download(ref: string, maxBytes: number): Promise<{ bytes: Uint8Array; mime?: string }>;
  /** Answer the sender at once, outside the outbox (the channel's own short notices). */
  say(to: To, text: string): Promise<void>;
}

/**
 * Read a byte stream, giving up as soon as it passes `maxBytes`.
 *
 * @throws {AttachmentTooLargeError} beyond `maxBytes`.
 */
export async function readLimited(stream: AsyncIterable<Uint8Array>, maxBytes: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += chunk.byteLength;
    if (size > maxBytes) throw new AttachmentTooLargeError(size, maxBytes);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

async function sayQuietly<To>(d: Delivery<To>, to: To, text: string): Promise<void> {
  try {
    await d.say(to, text);
  } catch (err) {
    // A notice that does not arrive is not worth a redelivery of the whole event.
    const { status, message } = apiFailure(err);
    d.log.warn({ channel: d.channel, status, error: message }, 'could not send a notice');
  }
}

async function fetchPhotos<To>(d: Delivery<To>, plan: Extract<EventPlan<To>, { kind: 'message' }>): Promise<Attachment[] | null> {
  const saved: Attachment[] = [];
  for (const ref of plan.images ?? []) {
    try {
      const { bytes, mime } = await d.download(ref, d.maxBytes);
      saved.push(await saveAttachment({ dataDir: d.dataDir, bytes, maxBytes: d.maxBytes, kind: 'image', ...(mime ? { mime } : {}) }));
    } catch (err) {
      if (err instanceof AttachmentTooLargeError) {
        await sayQuietly(d, plan.to, bottenderText.photoTooLarge(d.maxBytes));
      } else {
        const { status, message } = apiFailure(err);
        d.log.warn({ channel: d.channel, messageId: plan.messageId, status, error: message }, 'could not fetch a photo');
        await sayQuietly(d, plan.to, bottenderText.photoFailed);
      }
      return null;
    }
  }
  return saved;
}

/**
 * Carry out a plan: a message goes to the core (photos fetched and saved first); a notice is
 * sent directly; anything else is only logged. Throws only when the core fails to store the
 * message, so that the webhook answers 500 and the platform tries again.
 */
export async function deliver<To>(plan: EventPlan<To>, d: Delivery<To>): Promise<void> {
  if (plan.kind === 'ignore') {
    d.log.debug({ channel: d.channel, reason: plan.reason }, 'event ignored');
    return;
  }
  if (plan.kind === 'say') {
    d.log.debug({ channel: d.channel, reason: plan.reason }, 'event answered by the channel');
    await sayQuietly(d, plan.to, plan.text);
    return;
  }
  const attachments = await fetchPhotos(d, plan);
  if (attachments === null) return;
  try {
    const result = await d.bot.receive({
      channel: d.channel,
      userId: plan.userId,
      messageId: plan.messageId,
      text: plan.text,
      ...(attachments.length ? { attachments } : {}),
      ...(plan.location ? { location: plan.location } : {}),
    });
    if (result.duplicate) d.log.info({ channel: d.channel, messageId: plan.messageId }, 'redelivered message handled once');
  } catch (err) {
    if (!(err instanceof InvalidInboundError)) throw err;
    d.log.info({ channel: d.channel, problem: err.message }, 'message refused by the core');
    await sayQuietly(d, plan.to, bottenderText.invalid);
  }
}
