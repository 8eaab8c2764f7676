/**
 * A Linli app with the hazard domain, a controlled clock and helpers to talk as residents and
 * as grid workers (bound through the real "绑定 123456" flow).
 */
import { saveAttachment } from '../../../src/channels/attachments.js';
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { DomainDeps } from '../../../src/app.js';
import { registerHazards, type HazardsKit } from '../../../src/domains/hazards/index.js';
import { startTestApp, type TestApp } from '../../helpers/app.js';

export interface HazardApp {
  app: TestApp;
  kit: HazardsKit;
  deps: DomainDeps;
  /** The controlled time; move it with `advance`. */
  now(): Date;
  advance(minutes: number): void;
  /** Send text as an HTTP user; returns the replies' texts. */
  say(userId: string, text: string): Promise<string[]>;
  /** The last reply's options. */
  lastOptions(): string[];
  /** Send photos (and optional text / location) as an HTTP user. */
  send(userId: string, extra: { text?: string; photos?: number; location?: { latitude: number; longitude: number } }): Promise<string[]>;
  /** Texts pushed to an HTTP user (or chat) since last read. */
  inbox(userId: string): Promise<string[]>;
  /** Bind an HTTP user as the grid worker with this key, through the chat. */
  bindStaff(userId: string, workerKey: string): Promise<void>;
  dispose(): Promise<void>;
}

let photoSeq = 0;

/** Start the app with the real NLU (default) or the options given. */
export async function startHazardApp(options: { env?: Record<string, string>; start?: string } = {}): Promise<HazardApp> {
  let time = new Date(options.start ?? '2026-11-30T02:00:00Z');
  let kit!: HazardsKit;
  let deps!: DomainDeps;
  const app = await startTestApp({
    clock: () => time,
    scheduler: false,
    env: { DEMO_DATA: 'false', ...options.env },
    domains: [
      async (d) => {
        deps = d;
        kit = await registerHazards(d);
      },
    ],
  });
  let options_: string[] = [];
  const texts = (replies: Array<{ text: string; options?: unknown[] }>) => {
    options_ = (replies.at(-1)?.options as string[] | undefined)?.map((o) => (typeof o === 'string' ? o : (o as { label: string }).label)) ?? [];
    return replies.map((r) => r.text);
  };
  const h: HazardApp = {
    app,
    kit,
    deps,
    now: () => time,
    advance(minutes) {
      time = new Date(time.getTime() + minutes * 60_000);
    },
    async say(userId, text) {
      const { status, body } = await app.say(userId, text);
      expect(status).toBe(200);
      return texts(body.replies);
    },
    lastOptions: () => options_,
    async send(userId, extra) {
      // Real files, saved the way a channel saves them, so forwarding can send them on.
      const attachments = await Promise.all(
        Array.from({ length: extra.photos ?? 0 }, () =>
          saveAttachment({ dataDir: app.dir, bytes: Buffer.from([0xff, 0xd8, 0xff, 0xe0, ++photoSeq]), maxBytes: 1000 }),
        ),
      );
      const result = await app.bot.receive({
        channel: 'http',
        userId,
        messageId: randomUUID(),
        text: extra.text ?? '',
        ...(attachments.length ? { attachments } : {}),
        ...(extra.location ? { location: extra.location } : {}),
      });
      return texts(result.replies);
    },
    async inbox(userId) {
      return (await app.inbox(userId)).map((m: { text: string }) => m.text);
    },
    async bindStaff(userId, workerKey) {
      const worker = await kit.staff.workerByKey(workerKey);
      const { code } = await kit.staff.issueStaffBindCode(worker!.id, time);
      const replies = await h.say(userId, `绑定 ${code}`);
      expect(replies.join('\n')).toContain('绑定成功');
    },
    dispose: () => app.dispose(),
  };
  return h;
}

/** The case code in a reply such as “已提交，编号 #A2B3C。” */
export function caseCode(replies: string[]): string {
  const code = /编号 #([A-Z0-9]{5})/.exec(replies.join('\n'))?.[1];
  expect(code, replies.join('\n')).toBeDefined();
  return code!;
}
