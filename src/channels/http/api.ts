/**
 * The HTTP channel: a JSON API for web front ends, tests and benchmarks.
 *
 * - `POST /api/messages` `{ userId, text, messageId? }` → `{ replies: [{ text, options? }] }`.
 *   Replies come back in the response; an option can be answered verbatim or by its number.
 * - `GET /api/users/:userId/inbox` → `{ messages: [...] }`: everything pushed to that user since
 *   the last call (notifications, forwarded tip-offs), then marked delivered.
 *
 * Bad JSON, missing fields or text over 4,000 characters answer 400 and store nothing.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Bot } from '../../core/bot.js';
import { MAX_TEXT_LENGTH, optionLabel, type Reply } from '../../core/types.js';
import { HttpError, type HttpServer } from './server.js';

/** The channel name HTTP identities and messages carry. */
export const HTTP_CHANNEL = 'http';

const MessageBody = z.object({
  userId: z.string().trim().min(1, 'userId must not be empty').max(128, 'userId is longer than 128 characters'),
  text: z
    .string()
    .max(MAX_TEXT_LENGTH, `text is longer than ${MAX_TEXT_LENGTH} characters`)
    .refine((t) => t.trim().length > 0, 'text must not be empty'),
  messageId: z.string().min(1).max(256).optional(),
  displayName: z.string().max(128).optional(),
});

function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw new HttpError(400, 'bad_json', 'body is not valid JSON');
  }
}

const renderReply = (r: Reply) => (r.options?.length ? { text: r.text, options: r.options.map(optionLabel) } : { text: r.text });

/**
 * Add the HTTP channel's routes to a server.
 *
 * ```ts
 * mountHttpApi(server, bot);
 * // curl -d '{"userId":"u1","text":"你好"}' http://127.0.0.1:3000/api/messages
 * ```
 */
export function mountHttpApi(server: HttpServer, bot: Bot): void {
  server.route({
    method: 'POST',
    path: '/api/messages',
    async handle(req) {
      const parsed = MessageBody.safeParse(parseJson(req.rawBody));
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        const field = issue.path.join('.') || 'body';
        throw new HttpError(400, 'invalid_body', `${field}: ${issue.message}`);
      }
      const { userId, text, messageId, displayName } = parsed.data;
      const result = await bot.receive({
        channel: HTTP_CHANNEL,
        userId,
        text,
        messageId: messageId ?? randomUUID(),
        ...(displayName ? { displayName } : {}),
      });
      return { status: 200, body: { replies: result.replies.map(renderReply) } };
    },
  });

  server.route({
    method: 'GET',
    path: '/api/users/:userId/inbox',
    handle(req) {
      const messages = bot.takeInbox(HTTP_CHANNEL, req.params.userId!).map((m) => ({
        id: m.id,
        kind: m.kind,
        text: m.text,
        ...(m.options.length ? { options: m.options } : {}),
        createdAt: new Date(m.createdAt).toISOString(),
      }));
      return { status: 200, body: { messages } };
    },
  });
}

/** `GET /healthz`: `{ status: 'ok', …details }`, for load balancers and monitoring. */
export function mountHealth(server: HttpServer, details: () => Record<string, unknown> = () => ({})): void {
  server.route({ method: 'GET', path: '/healthz', handle: () => ({ status: 200, body: { status: 'ok', ...details() } }) });
}
