/**
 * `admin events create|list`: cultural events through the events domain's `EventService`
 * (validated with its schema, audited with the actor `cli`).
 */
import type { Command } from 'commander';
import { z } from 'zod';
import { allHalls, hallById } from '../../domains/events/halls.js';
import { EventService, tagsOf } from '../../domains/events/service.js';
import { EVENT_TAGS } from '../../domains/events/text.js';
import { CliError, say, type CliEnv } from './env.js';
import { excelTime } from './exporters.js';
import { CLI_ACTOR } from './staff.js';

/**
 * A time given on the command line: `2026-12-12 14:00` (or with `T`, or a bare date) in
 * Quzhou time, or an ISO instant with its own offset.
 */
export function cliTime(value: string, option: string): Date {
  const local = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}))?$/.exec(value.trim());
  const d = local ? new Date(`${local[1]}T${local[2] ?? '00:00'}:00+08:00`) : new Date(value);
  if (Number.isNaN(d.getTime())) throw new CliError(`${option} must be a time like "2026-12-12 14:00" (Quzhou time), got "${value}"`);
  return d;
}

/** A ZodError from the events service as one line naming the fields. */
export function zodLine(err: z.ZodError): string {
  return err.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ');
}

/** Register `events`. */
export function registerEventsCommands(program: Command, env: CliEnv): void {
  const events = program.command('events').description('cultural events (文化活动)');
  events
    .command('create')
    .description('create an event')
    .requiredOption('--title <title>', 'the title, 2–60 characters')
    .requiredOption('--hall <hall id>', `the cultural hall: ${allHalls().map((h) => h.id).join(', ')}`)
    .requiredOption('--start <time>', 'start, e.g. "2026-12-12 14:00" (Quzhou time)')
    .requiredOption('--end <time>', 'end, after the start')
    .requiredOption('--capacity <people>', 'places, counting every member of a party')
    .option('--deadline <time>', 'sign-ups close (default: the start)')
    .option('--tags <tags>', `comma-separated: ${EVENT_TAGS.join(',')}`)
    .option('--description <text>', 'a short description')
    .option('--village <id>', 'the village (default: the hall\u2019s)')
    .action(async (o: { title: string; hall: string; start: string; end: string; capacity: string; deadline?: string; tags?: string; description?: string; village?: string }) => {
      if (!hallById(o.hall)) throw new CliError(`unknown hall "${o.hall}" (known: ${allHalls().map((h) => h.id).join(', ')})`);
      if (!/^\d{1,6}$/.test(o.capacity)) throw new CliError(`--capacity must be a whole number of people, got "${o.capacity}"`);
      const tags = (o.tags ?? '').split(/[,，、]/).map((s) => s.trim()).filter(Boolean);
      const unknown = tags.filter((tag) => !(EVENT_TAGS as readonly string[]).includes(tag));
      if (unknown.length) throw new CliError(`unknown tag(s) ${unknown.join(', ')} (known: ${EVENT_TAGS.join(', ')})`);
      const { prisma } = await env.db();
      try {
        const id = await new EventService(prisma).createEvent(
          {
            title: o.title,
            description: o.description ?? '',
            hallId: o.hall,
            ...(o.village ? { village: o.village } : {}),
            startsAt: cliTime(o.start, '--start'),
            endsAt: cliTime(o.end, '--end'),
            capacity: Number(o.capacity),
            ...(o.deadline ? { signupDeadline: cliTime(o.deadline, '--deadline') } : {}),
            tags: tags as Array<(typeof EVENT_TAGS)[number]>,
          },
          CLI_ACTOR,
          env.clock(),
        );
        say(env, `Created event #${id} "${o.title}" at ${hallById(o.hall)!.name}.`);
      } catch (err) {
        if (err instanceof z.ZodError) throw new CliError(`event not created: ${zodLine(err)}`);
        throw err;
      }
    });

  events
    .command('list')
    .description('list events not yet over, soonest first')
    .action(async () => {
      const { prisma } = await env.db();
      const rows = await prisma.event.findMany({ where: { endsAt: { gt: env.clock() } }, orderBy: [{ startsAt: 'asc' }, { id: 'asc' }] });
      if (rows.length === 0) {
        say(env, 'No upcoming events.');
        return;
      }
      for (const e of rows) {
        say(env, `#${String(e.id).padEnd(5)} ${excelTime(e.startsAt)!.slice(0, 16)}  ${e.status.padEnd(9)} cap ${String(e.capacity).padEnd(5)} ${e.hallId.padEnd(13)} ${e.title}${tagsOf(e).length ? ` [${tagsOf(e).join(',')}]` : ''}`);
      }
    });
}
