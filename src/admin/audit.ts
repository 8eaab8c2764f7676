/**
 * Audit rows written by the console and the CLI, and the paged reading of the audit log.
 */
import type { PrismaClient } from '../generated/prisma/client.js';

/** Prisma, or a transaction client over it. */
type Db = Pick<PrismaClient, 'auditLog'>;

/** One change to record. `before`/`after` are serialised as JSON. */
export interface AuditEntry {
  at: Date;
  /** e.g. `console:wang` for a console account, `cli` for the admin CLI. */
  actor: string;
  action: string;
  entity: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
}

/** The actor name of a console account in the audit log. */
export const consoleActor = (username: string): string => `console:${username}`;

/**
 * Write one audit row.
 *
 * ```ts
 * await writeAudit(prisma, { at: now, actor: consoleActor('wang'), action: 'feedback.answer',
 *   entity: 'feedback', entityId: 7, before: { status: 'new' }, after: { status: 'answered' } });
 * ```
 */
export async function writeAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db.auditLog.create({
    data: {
      at: entry.at,
      actor: entry.actor,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
    },
  });
}

/** A filter and page of the audit log. */
export interface AuditQuery {
  entity?: string;
  /** Matches actors containing this text. */
  actor?: string;
  page?: number;
  pageSize?: number;
}

/**
 * One page of the audit log, newest first, with the distinct entity names for the filter.
 */
export async function auditPage(prisma: PrismaClient, query: AuditQuery) {
  const pageSize = query.pageSize ?? 50;
  const where = {
    ...(query.entity ? { entity: query.entity } : {}),
    ...(query.actor ? { actor: { contains: query.actor } } : {}),
  };
  const total = await prisma.auditLog.count({ where });
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, query.page ?? 1), pages);
  const rows = await prisma.auditLog.findMany({
    where,
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    skip: (page - 1) * pageSize,
    take: pageSize,
  });
  const entities = (await prisma.auditLog.findMany({ distinct: ['entity'], select: { entity: true }, orderBy: { entity: 'asc' } })).map(
    (r) => r.entity,
  );
  return { rows, total, page, pages, entities };
}
