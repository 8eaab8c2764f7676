/**
 * How the console shows parts of a case: the reporter (masked or anonymous, never a phone),
 * who took a timeline step, the place with personal numbers masked. Plain strings: the pages
 * put them through the `html` template, which escapes them.
 */
import type { HazardReport, PrismaClient } from '../../../generated/prisma/client.js';
import { placeLabel } from '../../../domains/hazards/notices.js';
import { maskText } from '../../../privacy/mask.js';
import { hazardConsoleText as t } from './text.js';

/**
 * A name with all but its first character hidden.
 *
 * ```ts
 * maskName('王芳');   // '王*'
 * maskName('李秀英'); // '李**'
 * ```
 */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  return chars[0]! + '*'.repeat(Math.max(1, chars.length - 1));
}

/** The reporter as staff may see them: 匿名, 第三方平台, or the masked name. */
export function reporterLabel(report: Pick<HazardReport, 'anonymous' | 'source' | 'residentId'>, displayName: string | null): string {
  if (report.anonymous) return t.reporter.anonymous;
  if (report.source === 'open311') return t.reporter.open311;
  if (report.residentId === null) return t.reporter.erased;
  return displayName?.trim() ? maskName(displayName) : t.reporter.unnamed;
}

/** The place of a case, phones and ID numbers in the address masked. */
export function placeText(report: Pick<HazardReport, 'placeId' | 'address' | 'latitude' | 'longitude'>): string {
  return maskText(placeLabel(report));
}

/** The start of a description for lists, masked. */
export function summaryText(description: string, max = 60): string {
  const chars = [...description];
  return maskText(chars.length > max ? `${chars.slice(0, max).join('')}…` : description);
}

/**
 * Names for the actors of timeline steps (`staff:3`, `console:wang`, `resident:12`, `system`…),
 * grid workers looked up in one query.
 */
export async function actorLabels(prisma: PrismaClient, actors: readonly string[]): Promise<(actor: string) => string> {
  const workerIds = [...new Set(actors.map((a) => /^staff:(\d+)$/.exec(a)?.[1]).filter((id): id is string => !!id).map(Number))];
  const workers = workerIds.length > 0 ? await prisma.gridWorker.findMany({ where: { id: { in: workerIds } }, select: { id: true, name: true } }) : [];
  const names = new Map(workers.map((w) => [`staff:${w.id}`, w.name]));
  return (actor) => {
    const [kind, rest = ''] = actor.split(/:(.*)/s);
    if (kind === 'staff') return t.actors.worker(names.get(actor) ?? rest);
    if (kind === 'console') return t.actors.console(rest);
    if (kind === 'admin') return t.actors.admin;
    if (kind === 'resident') return t.actors.resident;
    if (kind === 'system') return t.actors.system;
    if (kind === 'open311') return t.actors.open311;
    return actor;
  };
}
