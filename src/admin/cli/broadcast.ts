/**
 * `admin broadcast --text … --audience all|village:<id>|tag:<tag>|event:<id> [--event <id>] [--wait]`:
 * a notice through the events domain's `BroadcastService`. The CLI writes the broadcast and
 * its outbox rows (one transaction, as `bot.notify` does in the bot); the running bot's outbox
 * sends them. With `--wait` it follows the progress (a bar on a terminal) until the broadcast
 * is done and prints the final report.
 *
 * HTTP-channel residents have no push: their messages count as sent when they open their
 * inbox, so a broadcast reaching them is done only then — `--timeout` bounds the wait.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { Presets, SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { z } from 'zod';
import { Bot } from '../../core/bot.js';
import { Outbox } from '../../core/outbox.js';
import { MessageStore } from '../../core/store.js';
import { BroadcastService, type Audience, type BroadcastProgress } from '../../domains/events/broadcast.js';
import { createLogger } from '../../log.js';
import { CliError, say, type CliEnv } from './env.js';
import { zodLine } from './events.js';
import { CLI_ACTOR } from './staff.js';

/**
 * Read `--audience`.
 *
 * ```ts
 * parseAudience('village:wuhu'); // { kind: 'village', village: 'wuhu' }
 * ```
 */
export function parseAudience(spec: string): Audience {
  const [kind, ...rest] = spec.split(':');
  const value = rest.join(':');
  if (kind === 'all' && value === '') return { kind: 'all' };
  if (kind === 'village' && value) return { kind: 'village', village: value };
  if (kind === 'tag' && value) return { kind: 'tag', tag: value as Extract<Audience, { kind: 'tag' }>['tag'] };
  if (kind === 'event' && /^\d+$/.test(value)) return { kind: 'event', eventId: Number(value) };
  throw new CliError(`--audience must be all, village:<id>, tag:<tag> or event:<id>, got "${spec}"`);
}

const reportLine = (p: BroadcastProgress) => {
  const r = p.report ?? { total: p.total, sent: p.sent, failed: p.failed, seconds: 0 };
  return `Broadcast #${p.id} done: ${r.total} messages, ${r.sent} sent, ${r.failed} failed, in ${r.seconds} s.`;
};

/** Register `broadcast`. */
export function registerBroadcastCommand(program: Command, env: CliEnv): void {
  program
    .command('broadcast')
    .description('send a notice to an audience through the outbox')
    .requiredOption('--text <text>', 'the notice, 2–1000 characters')
    .requiredOption('--audience <audience>', 'all | village:<id> | tag:<tag> | event:<id>')
    .option('--event <id>', 'attach an event\u2019s title, time and hall')
    .option('--wait', 'follow the progress until done, then print the final report')
    .option('--timeout <seconds>', 'with --wait: give up (exit 1) after this long', '600')
    .action(async (o: { text: string; audience: string; event?: string; wait?: boolean; timeout: string }) => {
      const audience = parseAudience(o.audience);
      if (o.event !== undefined && !/^\d+$/.test(o.event)) throw new CliError(`--event must be an event id, got "${o.event}"`);
      const timeoutMs = Number(o.timeout) * 1000;
      if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new CliError(`--timeout must be a positive number of seconds, got "${o.timeout}"`);
      const db = await env.db();
      // The bot's notify without the bot: resolve residents to their channel addresses and
      // write the outbox rows. This process never sends; the bot's outbox does.
      const log = createLogger({ level: 'silent' });
      const store = new MessageStore(db.sqlite);
      const bot = new Bot({ store, log, outbox: new Outbox(store.outbox, { log }), nlu: { understand: () => ({ intent: 'None', score: 0, entities: [] }) } });
      const service = new BroadcastService(db.prisma, (targets, reply, opts) => bot.notify(targets, reply, opts));
      let created: { id: number; recipients: number };
      try {
        created = await service.createBroadcast({ text: o.text, audience, ...(o.event ? { eventId: Number(o.event) } : {}) }, env.clock(), CLI_ACTOR);
      } catch (err) {
        if (err instanceof z.ZodError) throw new CliError(`nothing sent: ${zodLine(err)}`);
        throw err;
      }
      say(env, `Broadcast #${created.id} queued for ${created.recipients} recipient(s).`);
      if (!o.wait) {
        if (created.recipients > 0) say(env, `Follow it with the console (/admin/broadcasts/${created.id}) or run again with --wait.`);
        return;
      }
      const bar = env.progress
        ? new SingleBar({ stream: env.err as NodeJS.WriteStream, format: 'broadcast [{bar}] {value}/{total} sent or failed | {pending} pending', hideCursor: true }, Presets.shades_classic)
        : null;
      bar?.start(Math.max(created.recipients, 1), 0, { pending: created.recipients });
      const started = Date.now();
      try {
        for (;;) {
          const p = (await service.broadcastProgress(created.id, env.clock()))!;
          bar?.setTotal(Math.max(p.total, 1));
          bar?.update(p.sent + p.failed, { pending: p.pending });
          if (p.done) {
            bar?.stop();
            say(env, reportLine(p));
            return;
          }
          if (Date.now() - started > timeoutMs) {
            const inbox = await db.prisma.outboundMessage.count({ where: { broadcastId: created.id, status: 'pending', channel: 'http' } });
            throw new CliError(
              `broadcast #${created.id} not done after ${o.timeout} s: ${p.sent} sent, ${p.failed} failed, ${p.pending} pending` +
                (inbox ? ` (${inbox} waiting in HTTP inboxes until the residents open them)` : ' (is the bot running?)'),
            );
          }
          await sleep(1000);
        }
      } finally {
        bar?.stop();
      }
    });
}
