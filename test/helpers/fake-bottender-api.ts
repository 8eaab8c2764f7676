/**
 * A fake of the LINE Messaging API and the Messenger Send API on 127.0.0.1, for driving the
 * real bottender clients in tests. It records every request, answers like the platforms do
 * (including their limits on quick replies), serves photo content, and can be told to fail
 * the next matching request.
 */
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: any;
}

export interface FakeResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

const json = (status: number, body: unknown): FakeResponse => ({ status, body });

/** LINE's checks on a push or reply body (the real API answers 400 the same way). */
function lineProblem(messages: any[]): string | null {
  if (!Array.isArray(messages) || messages.length < 1 || messages.length > 5) return 'messages: must be 1 to 5';
  for (const m of messages) {
    if (m.type !== 'text' || typeof m.text !== 'string' || m.text.length < 1 || m.text.length > 5000) return 'text: 1 to 5000 characters';
    const items = m.quickReply?.items;
    if (items === undefined) continue;
    if (items.length < 1 || items.length > 13) return 'quickReply.items: 1 to 13';
    for (const i of items) {
      if (i.action?.type !== 'message' || i.action.label.length > 20 || i.action.text.length > 300) return 'quickReply action: label ≤ 20, text ≤ 300';
    }
  }
  return null;
}

/** Messenger's checks on a Send API body. */
function messengerProblem(body: any): string | null {
  const text = body?.message?.text;
  if (typeof text !== 'string' || text.length < 1 || text.length > 2000) return 'message.text: 1 to 2000 characters';
  const replies = body.message.quick_replies;
  if (replies === undefined) return null;
  if (replies.length > 13) return 'quick_replies: at most 13';
  for (const r of replies) {
    if (r.content_type !== 'text' || r.title.length > 20 || r.payload.length > 1000) return 'quick reply: title ≤ 20, payload ≤ 1000';
  }
  return null;
}

export class FakeBottenderApi {
  readonly requests: RecordedRequest[] = [];
  /** Photo bytes: `line:<message id>` for LINE content, `cdn:<name>` for `/cdn/<name>`. */
  readonly files = new Map<string, { bytes: Buffer; type: string }>();
  private readonly overrides: Array<{ match: RegExp; response: FakeResponse }> = [];
  private readonly retryKeys = new Set<string>();
  private server!: Server;
  url = '';

  static async start(): Promise<FakeBottenderApi> {
    const fake = new FakeBottenderApi();
    fake.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        const raw = Buffer.concat(chunks).toString('utf8');
        let body: any = raw;
        try {
          body = raw ? JSON.parse(raw) : undefined;
        } catch {
          // keep the raw text
        }
        const request: RecordedRequest = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body };
        fake.requests.push(request);
        const answer = fake.answer(request);
        if (Buffer.isBuffer(answer.body)) {
          res.writeHead(answer.status, { 'content-length': answer.body.length, ...answer.headers });
          res.end(answer.body);
          return;
        }
        const text = JSON.stringify(answer.body ?? {});
        res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
        res.end(text);
      });
    });
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    fake.url = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
    return fake;
  }

  /** Answer the next request whose path matches with `response` instead of the usual answer. */
  failNext(match: RegExp, response: FakeResponse): void {
    this.overrides.push({ match, response });
  }

  /** LINE push requests that were accepted. */
  linePushes(): Array<{ to: string; messages: any[]; retryKey: string | undefined }> {
    return this.accepted('/v2/bot/message/push').map((r) => ({
      to: r.body.to,
      messages: r.body.messages,
      retryKey: r.headers['x-line-retry-key'] as string | undefined,
    }));
  }

  /** LINE reply (reply-token) requests that were accepted. */
  lineReplies(): Array<{ replyToken: string; messages: any[] }> {
    return this.accepted('/v2/bot/message/reply').map((r) => r.body);
  }

  /** Messenger Send API requests that were accepted. */
  messengerSends(): any[] {
    return this.requests.filter((r) => /^\/v[\d.]+\/me\/messages$/.test(r.path) && (r as any).accepted).map((r) => r.body);
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private accepted(path: string): RecordedRequest[] {
    return this.requests.filter((r) => r.path === path && (r as any).accepted);
  }

  private answer(r: RecordedRequest): FakeResponse {
    const i = this.overrides.findIndex((o) => o.match.test(r.path));
    if (i >= 0) return this.overrides.splice(i, 1)[0]!.response;

    if (r.method === 'POST' && r.path === '/v2/bot/message/push') {
      if (!String(r.headers.authorization ?? '').startsWith('Bearer ')) return json(401, { message: 'Authentication failed' });
      const key = r.headers['x-line-retry-key'] as string | undefined;
      if (key && this.retryKeys.has(key)) return { status: 409, headers: { 'x-line-accepted-request-id': 'req-1' }, body: { message: 'The retry key is already accepted' } };
      const problem = lineProblem(r.body?.messages);
      if (problem) return json(400, { message: 'The request body has 1 error(s)', details: [{ message: problem, property: 'messages' }] });
      if (key) this.retryKeys.add(key);
      (r as any).accepted = true;
      return json(200, { sentMessages: r.body.messages.map((_: unknown, n: number) => ({ id: `sent-${n}` })) });
    }
    if (r.method === 'POST' && r.path === '/v2/bot/message/reply') {
      const problem = lineProblem(r.body?.messages);
      if (problem) return json(400, { message: problem });
      (r as any).accepted = true;
      return json(200, {});
    }
    const content = /^\/v2\/bot\/message\/([^/]+)\/content$/.exec(r.path);
    if (r.method === 'GET' && content) {
      const file = this.files.get(`line:${content[1]}`);
      return file ? { status: 200, headers: { 'content-type': file.type }, body: file.bytes } : json(404, { message: 'Not found' });
    }
    if (r.method === 'POST' && /^\/v[\d.]+\/me\/messages$/.test(r.path)) {
      if (!r.query.get('access_token')) return json(400, { error: { message: 'An access token is required', type: 'OAuthException', code: 2500 } });
      const psid = String(r.body?.recipient?.id ?? '');
      if (psid.startsWith('gone')) {
        return json(400, { error: { message: '(#100) No matching user found', type: 'OAuthException', code: 100, error_subcode: 2018001 } });
      }
      const problem = messengerProblem(r.body);
      if (problem) return json(400, { error: { message: `(#100) ${problem}`, type: 'OAuthException', code: 100 } });
      (r as any).accepted = true;
      return json(200, { recipient_id: psid, message_id: `m_${this.requests.length}` });
    }
    const cdn = /^\/cdn\/([^/]+)$/.exec(r.path);
    if (r.method === 'GET' && cdn) {
      const file = this.files.get(`cdn:${cdn[1]}`);
      return file ? { status: 200, headers: { 'content-type': file.type }, body: file.bytes } : json(404, {});
    }
    return json(404, { message: `fake: nothing at ${r.method} ${r.path}` });
  }
}

/** The X-Line-Signature of a body. */
export const signLine = (body: string, secret: string) => createHmac('sha256', secret).update(body).digest('base64');

/** Messenger's X-Hub-Signature (SHA-1) of a body. */
export const signHubSha1 = (body: string, secret: string) => `sha1=${createHmac('sha1', secret).update(body).digest('hex')}`;

/** Messenger's X-Hub-Signature-256 of a body. */
export const signHubSha256 = (body: string, secret: string) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

/** A few bytes that read as a JPEG (its magic number), `size` long. */
export function fakeJpeg(size: number, seed = 1): Buffer {
  const bytes = Buffer.alloc(size, seed);
  bytes[0] = 0xff;
  bytes[1] = 0xd8;
  bytes[2] = 0xff;
  return bytes;
}

/** Wait until `check` passes (polling), failing after `timeoutMs`. */
export async function eventually<T>(check: () => T | Promise<T>, timeoutMs = 5000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > until) throw err;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}
