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
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { errorBody, HttpError, type HttpServer } from './server.js';

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
        ...(m.attachments.length
          ? { attachments: m.attachments.map((a) => ({ kind: a.kind, mime: a.mime, size: a.size, url: `/api/files/${basename(a.path)}` })) }
          : {}),
        createdAt: new Date(m.createdAt).toISOString(),
      }));
      return { status: 200, body: { messages } };
    },
  });
}

const FILE_NAME = /^([0-9a-f]{64})\.(jpg|png|gif|webp|heic|bin)$/;
const CONTENT_TYPES: Record<string, string> = { jpg: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp', heic: 'image/heic' };

/**
 * `GET /api/files/<sha256>.<ext>`: a photo an inbox message carries. Files are named by their
 * content hash, so a URL is only known to whoever received the message; nothing else under the
 * data folder can be reached (the name must be a hash).
 */
export function mountFiles(server: HttpServer, dataDir: string): void {
  server.raw({
    method: 'GET',
    path: '/api/files/:name',
    async handle(_req, res, params) {
      const m = FILE_NAME.exec(params.name ?? '');
      const file = m ? join(dataDir, 'attachments', m[1]!.slice(0, 2), params.name!) : null;
      const body = file ? await readFile(file).catch(() => null) : null;
      if (!body) {
        res.writeHead(404, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify(errorBody('not_found', 'no such file')));
        return;
      }
      res.writeHead(200, {
        'content-type': CONTENT_TYPES[m![2]!] ?? 'application/octet-stream',
        'content-length': body.length,
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, max-age=86400',
      });
      res.end(body);
    },
  });
}

/** `GET /healthz`: `{ status: 'ok', …details }`, for load balancers and monitoring. */
export function mountHealth(server: HttpServer, details: () => Record<string, unknown> = () => ({})): void {
  server.route({ method: 'GET', path: '/healthz', handle: () => ({ status: 200, body: { status: 'ok', ...details() } }) });
}
