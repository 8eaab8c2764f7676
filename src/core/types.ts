/**
 * The core message types every channel speaks. A channel turns a platform event into an
 * {@link Inbound} and renders each {@link Reply} in its own way (inline keyboards, numbered
 * lists…). Nothing here knows a platform or a domain.
 */
import { z } from 'zod';

/** The longest text a resident may send in one message. */
export const MAX_TEXT_LENGTH = 4000;

/** A file received with a message, already saved by the channel. */
export const AttachmentSchema = z.object({
  kind: z.enum(['image', 'file', 'audio', 'video']),
  /** Where the channel saved it (under the data folder). */
  path: z.string().min(1),
  /** Hex SHA-256 of the content: identical files share one path. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().nonnegative(),
  mime: z.string().optional(),
});
export type Attachment = z.infer<typeof AttachmentSchema>;

/**
 * A message as the core receives it from any channel. Validated with zod: a channel that builds
 * an invalid one gets an {@link InvalidInboundError} and nothing is stored.
 *
 * ```ts
 * await bot.receive({ channel: 'http', userId: 'u1', messageId: 'm1', text: '你好' });
 * ```
 */
export const InboundSchema = z
  .object({
    /** Channel name, e.g. `http`, `console`, `wechat`, `telegram`. */
    channel: z.string().min(1).max(32),
    /** The sender's id on that channel (contact id, chat id, API user id). */
    userId: z.string().trim().min(1).max(128),
    /** The platform's id of this message; a second delivery with the same id changes nothing. */
    messageId: z.string().min(1).max(256),
    /** The text, possibly empty when the message carries only attachments or a location. */
    text: z.string().max(MAX_TEXT_LENGTH),
    /** The sender's display name on the platform, if known. */
    displayName: z.string().max(128).optional(),
    /** Where to reply when it differs from the sender (a group chat). */
    replyAddress: z.string().min(1).max(256).optional(),
    attachments: z.array(AttachmentSchema).max(10).optional(),
    location: z
      .object({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) })
      .optional(),
  })
  .refine((m) => m.text.trim().length > 0 || (m.attachments?.length ?? 0) > 0 || m.location, {
    message: 'a message needs text, an attachment or a location',
    path: ['text'],
  });
export type Inbound = z.infer<typeof InboundSchema>;

/**
 * An option offered with a reply. A plain string is sent back as text when chosen; an object
 * can route straight to an intent, skipping classification.
 */
export type Option = string | { label: string; intent?: string; text?: string };

/** A message the bot says, with optional options the resident can pick by number or label. */
export interface Reply {
  text: string;
  options?: Option[];
  /** Photos sent with the text (e.g. a hazard report's photos forwarded to its grid worker). */
  attachments?: Attachment[];
}

/** The label shown for an option. */
export function optionLabel(option: Option): string {
  return typeof option === 'string' ? option : option.label;
}

/** What a channel is asked to send: one row of the outbox. */
export interface OutboundEnvelope {
  id: number;
  channel: string;
  /** The channel address: a user's external id or a chat id. */
  address: string;
  kind: 'reply' | 'notification';
  text: string;
  /** Option labels, already flattened for rendering. */
  options: string[];
  /** Photos to send with the text; a channel that cannot send them says how many there are. */
  attachments: Attachment[];
  residentId: number | null;
  attempts: number;
}

/** Where a notification goes: a resident (on the channel they used last) or a chat. */
export type NotifyTarget =
  | { residentId: number }
  | { channel: string; address: string }
  | { role: string };

/** A channel was handed an Inbound that does not validate. Nothing was stored. */
export class InvalidInboundError extends Error {
  constructor(
    message: string,
    readonly issues: z.core.$ZodIssue[],
  ) {
    super(message);
    this.name = 'InvalidInboundError';
  }
}

/**
 * Parse and validate an inbound message.
 *
 * @throws {InvalidInboundError} naming the first invalid field.
 */
export function parseInbound(input: unknown): Inbound {
  const result = InboundSchema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.join('.') || 'message';
    throw new InvalidInboundError(`${where}: ${issue?.message ?? 'invalid'}`, result.error.issues);
  }
  return result.data;
}
