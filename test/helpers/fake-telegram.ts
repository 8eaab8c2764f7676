/**
 * A fake Telegram Bot API server on 127.0.0.1 for driving the real grammY bot: getMe,
 * getUpdates (long poll, capped short), sendMessage, answerCallbackQuery, getFile and file
 * downloads, setWebhook, deleteWebhook. It records every call, can be told to fail the next
 * call of a method (a 429 with retry_after, a 403…), and can post updates to the webhook it was
 * given, as Telegram does.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Chat, Message, Update, User, UserFromGetMe } from 'grammy/types';

/** A message in a private chat or group, as it arrives inside an update. */
export type ChatMessage = NonNullable<Update['message']>;

/** An update's body, with or without its update_id. */
export type UpdateBody = Omit<Update, 'update_id'> & { update_id?: number };

/** One Bot API call as the fake received it. */
export interface ApiCall {
  method: string;
  params: Record<string, any>;
  /** When it arrived (Date.now()). */
  at: number;
}

/** A Bot API error reply. */
export interface ApiFailure {
  error_code: number;
  description: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

export const TEST_TOKEN = '123456:TEST-fake-token';

export const TEST_BOT: UserFromGetMe = {
  id: 900_000_001,
  is_bot: true,
  first_name: '邻里小助手',
  username: 'linli_test_bot',
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};

/** A resident as a Telegram user. */
export function user(id: number, first_name = `居民${id}`): User {
  return { id, is_bot: false, first_name };
}

export function privateChat(of: User): Chat {
  return { id: of.id, type: 'private', first_name: of.first_name };
}

export function groupChat(id: number, title = '幸福里小区群'): Chat {
  return { id, type: 'supergroup', title } as Chat;
}

export class FakeTelegram {
  readonly token = TEST_TOKEN;
  readonly botInfo = TEST_BOT;
  readonly calls: ApiCall[] = [];
  /** The webhook set with setWebhook, if any. */
  webhook: { url: string; secret?: string } | null = null;
  /** Hold each file download this long (to keep a photo's handling in flight). */
  downloadDelayMs = 0;
  private server: Server | null = null;
  private port = 0;
  private pending: Update[] = [];
  private forced: Update[] = [];
  private nextUpdateId = 1000;
  private nextMessageId = 1;
  private readonly waiters = new Set<() => void>();
  private readonly failures = new Map<string, ApiFailure[]>();
  private readonly files = new Map<string, { path: string; bytes: Buffer }>();

  /** @param maxPollMs longest a getUpdates call is held open, whatever timeout it asks for. */
  constructor(private readonly maxPollMs = 300) {}

  /** The `apiRoot` to give grammY. */
  get apiRoot(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.dispatch(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async close(): Promise<void> {
    for (const wake of this.waiters) wake();
    if (!this.server) return;
    await new Promise<void>((resolve) => {
      this.server!.close(() => resolve());
      this.server!.closeAllConnections();
    });
  }

  /** Calls of one method. */
  callsOf(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Messages the bot sent (successfully), optionally to one chat. */
  sent(chatId?: number): Array<Record<string, any>> {
    return this.callsOf('sendMessage')
      .filter((c) => !c.params.failed && (chatId === undefined || Number(c.params.chat_id) === chatId))
      .map((c) => c.params);
  }

  /** Fail the next call of `method` with this error. */
  failNext(method: string, failure: ApiFailure): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), failure]);
  }

  /** Offer a file for getFile and download; returns its file_id. */
  addFile(bytes: Buffer): string {
    const fileId = `file-${this.files.size + 1}`;
    this.files.set(fileId, { path: `photos/${fileId}.jpg`, bytes });
    return fileId;
  }

  /** A message as Telegram would build it (a fresh message_id unless given). */
  message(chat: Chat, from: User, fields: Partial<Message>): ChatMessage {
    return { message_id: this.nextMessageId++, date: Math.floor(Date.now() / 1000), chat, from, ...fields } as ChatMessage;
  }

  /** Queue an update for getUpdates; returns it with its update_id. */
  queue(update: Omit<Update, 'update_id'>): Update {
    const full = { update_id: this.nextUpdateId++, ...update } as Update;
    this.pending.push(full);
    this.wake();
    return full;
  }

  /** Deliver an update again on the next getUpdates, even though its offset was confirmed. */
  redeliver(update: Update): void {
    this.forced.push(update);
    this.wake();
  }

  /** A callback query (a button press) on a message the bot sent. */
  callbackQuery(from: User, sentMessage: Message, data: string): Omit<Update, 'update_id'> {
    return {
      callback_query: { id: `cbq-${this.nextUpdateId}`, from, message: sentMessage, chat_instance: 'ci-1', data },
    } as Omit<Update, 'update_id'>;
  }

  /** Post an update to the registered webhook, as Telegram does; `secret` overrides the header. */
  async postWebhook(update: UpdateBody, secret?: string | null): Promise<number> {
    if (!this.webhook) throw new Error('no webhook set');
    const body = { update_id: update.update_id ?? this.nextUpdateId++, ...update };
    const header = secret === undefined ? this.webhook.secret : secret;
    const res = await fetch(this.webhook.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(header ? { 'x-telegram-bot-api-secret-token': header } : {}) },
      body: JSON.stringify(body),
    });
    await res.arrayBuffer();
    return res.status;
  }

  /**
   * Wait until `check` returns something truthy (bounded, then fails with `what`). Used to
   * wait for the bot's asynchronous sends, never to measure time.
   */
  async waitFor<T>(check: () => T | undefined | null | false, what: string, timeoutMs = 20_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = check();
      if (value) return value;
      if (Date.now() > deadline) {
        const seen = this.calls.map((c) => `${c.method} ${JSON.stringify(c.params).slice(0, 120)}`).join('\n');
        throw new Error(`timed out waiting for ${what}; calls so far:\n${seen}`);
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  private wake(): void {
    for (const wake of this.waiters) wake();
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      await this.handle(req, res);
    } catch (err) {
      reply(res, { error_code: 500, description: `Internal Server Error: ${(err as Error).message}` });
    }
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.apiRoot);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const file = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (file) {
      if (this.downloadDelayMs > 0) await new Promise((r) => setTimeout(r, this.downloadDelayMs));
      return this.download(res, file[1]!, file[2]!);
    }
    const call = /^\/bot([^/]+)\/(\w+)$/.exec(url.pathname);
    if (!call) return reply(res, { error_code: 404, description: 'Not Found' });
    if (call[1] !== this.token) return reply(res, { error_code: 401, description: 'Unauthorized' });
    const method = call[2]!;
    const params = await parseParams(Buffer.concat(chunks), req.headers['content-type']);
    const record: ApiCall = { method, params, at: Date.now() };
    this.calls.push(record);
    const failure = this.failures.get(method)?.shift();
    if (failure) {
      record.params = { ...params, failed: failure.error_code };
      return reply(res, failure);
    }
    try {
      reply(res, { result: await this.answer(method, params, res) });
    } catch (err) {
      if (!(err instanceof FakeFailure)) throw err;
      reply(res, err.failure);
    }
  }

  private async answer(method: string, params: Record<string, any>, res: ServerResponse): Promise<unknown> {
    switch (method) {
      case 'getMe':
        return this.botInfo;
      case 'getUpdates':
        return this.getUpdates(params, res);
      case 'sendMessage': {
        const chat = { id: Number(params.chat_id), type: Number(params.chat_id) < 0 ? 'supergroup' : 'private' } as Chat;
        return { message_id: this.nextMessageId++, date: Math.floor(Date.now() / 1000), chat, from: this.botInfo, text: params.text, reply_markup: params.reply_markup };
      }
      case 'sendPhoto': {
        const chat = { id: Number(params.chat_id), type: Number(params.chat_id) < 0 ? 'supergroup' : 'private' } as Chat;
        return { message_id: this.nextMessageId++, date: Math.floor(Date.now() / 1000), chat, from: this.botInfo, photo: [] };
      }
      case 'answerCallbackQuery':
        return true;
      case 'getFile': {
        const file = this.files.get(params.file_id);
        if (!file) throw new FakeFailure({ error_code: 400, description: 'Bad Request: invalid file_id' });
        return { file_id: params.file_id, file_unique_id: `u-${params.file_id}`, file_size: file.bytes.length, file_path: file.path };
      }
      case 'setWebhook':
        this.webhook = { url: params.url, secret: params.secret_token };
        return true;
      case 'deleteWebhook':
        this.webhook = null;
        return true;
      default:
        return true;
    }
  }

  private async getUpdates(params: Record<string, any>, res: ServerResponse): Promise<Update[]> {
    if (this.webhook) {
      throw new FakeFailure({
        error_code: 409,
        description: "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      });
    }
    const offset = Number(params.offset ?? 0);
    const take = () => {
      // Asking with an offset confirms every update before it, as Telegram does.
      this.pending = this.pending.filter((u) => u.update_id >= offset);
      const out = [...this.forced, ...this.pending].slice(0, Number(params.limit ?? 100));
      this.forced = [];
      return out;
    };
    let updates = take();
    if (updates.length > 0 || !params.timeout) return updates;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, Math.min(Number(params.timeout) * 1000, this.maxPollMs));
      this.waiters.add(done);
      res.once('close', done);
    });
    updates = take();
    return updates;
  }

  private download(res: ServerResponse, token: string, path: string): void {
    const file = [...this.files.values()].find((f) => f.path === path);
    if (token !== this.token || !file) {
      res.writeHead(404).end();
      return;
    }
    this.calls.push({ method: 'download', params: { path }, at: Date.now() });
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': file.bytes.length }).end(file.bytes);
  }
}

class FakeFailure extends Error {
  constructor(readonly failure: ApiFailure) {
    super(failure.description);
  }
}

/**
 * A Bot API call's parameters: JSON, or multipart form data when grammY uploads a file (a file
 * field is recorded as `{ filename, bytes }`).
 */
async function parseParams(body: Buffer, contentType: string | undefined): Promise<Record<string, any>> {
  const boundary = contentType?.startsWith('multipart/form-data') ? /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType) : null;
  if (boundary) {
    // A minimal multipart reader: grammY's uploads are well formed, one field per part.
    const params: Record<string, any> = {};
    const text = body.toString('latin1');
    for (const part of text.split(`--${boundary[1] ?? boundary[2]}`)) {
      const split = part.indexOf('\r\n\r\n');
      if (split < 0) continue;
      const headers = part.slice(0, split);
      const value = part.slice(split + 4).replace(/\r\n$/, '');
      const name = /name="([^"]*)"/.exec(headers)?.[1];
      if (!name) continue;
      // A file part carries its own content type (and maybe a filename); a plain field does not.
      const isFile = /filename=|content-type:/i.test(headers);
      params[name] = isFile ? { bytes: Buffer.byteLength(value, 'latin1') } : Buffer.from(value, 'latin1').toString('utf8');
    }
    return params;
  }
  const raw = body.toString('utf8');
  return raw ? (JSON.parse(raw) as Record<string, any>) : {};
}

function reply(res: ServerResponse, body: ApiFailure | { result: unknown }): void {
  if (res.writableEnded || res.destroyed) return;
  const payload = 'result' in body ? { ok: true, result: body.result } : { ok: false, ...body };
  const text = JSON.stringify(payload);
  res.writeHead('result' in body ? 200 : body.error_code, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
