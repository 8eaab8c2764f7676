/**
 * `admin stats`: the core's figures (residents, messages, outbox, feedback, hand-overs).
 */
import type { Command } from 'commander';
import { coreStats, type Counts } from '../stats/core.js';
import { say, type CliEnv } from './env.js';

const counts = (c: Counts) => (Object.keys(c).length === 0 ? '-' : Object.entries(c).map(([k, v]) => `${k} ${v}`).join(', '));

/** Register `stats`. */
export function registerStatsCommand(program: Command, env: CliEnv): void {
  program
    .command('stats')
    .description('print the core figures')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => {
      const { prisma } = await env.db();
      const s = await coreStats(prisma, env.clock());
      if (o.json) {
        say(env, JSON.stringify(s, null, 2));
        return;
      }
      say(env, `Residents:              ${s.figures.residents}`);
      say(env, `Residents by channel:   ${counts(s.residentsByChannel)}`);
      say(env, `Messages today:         ${s.figures.messagesToday}`);
      say(env, 'Messages, last 7 days:');
      for (const [i, day] of s.messagesPerDay.days.entries()) {
        const byChannel = Object.entries(s.messagesPerDay.byChannel).filter(([, n]) => n[i]! > 0);
        say(env, `  ${day}  ${byChannel.length === 0 ? '0' : byChannel.map(([c, n]) => `${c} ${n[i]}`).join(', ')}`);
      }
      say(env, `Outbox:                 ${counts(s.outbox)}`);
      say(env, `Feedback:               ${counts(s.feedback)}`);
      say(env, `Hand-over requests:     ${counts(s.handoffs)}`);
    });
}
