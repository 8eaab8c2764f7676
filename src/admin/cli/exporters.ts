/**
 * Tables the CLI can export as CSV. Each exporter reads its rows in id order, a batch at a
 * time (constant memory however large the table). Domains add theirs to the list given to
 * the export command (see src/admin/cli/program.ts).
 */
import type { PrismaClient } from '../../generated/prisma/client.js';
import type { CsvCell } from './csv.js';

/** One exportable table. */
export interface TableExporter {
  /** The name given on the command line, e.g. `audit_log`. */
  name: string;
  description: string;
  header: readonly string[];
  count(prisma: PrismaClient): Promise<number>;
  /** Up to `take` rows with id > `afterId`, in id order. */
  batch(prisma: PrismaClient, afterId: number, take: number): Promise<Array<{ id: number; cells: CsvCell[] }>>;
}

/** A time as Excel reads it, in Asia/Shanghai: `2026-11-29 10:05:00`. */
export function excelTime(at: Date | null): string | null {
  if (!at) return null;
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}

const auditLog: TableExporter = {
  name: 'audit_log',
  description: 'every recorded change: who, what, when, before and after',
  header: ['id', 'at', 'actor', 'action', 'entity', 'entity_id', 'before', 'after'],
  count: (prisma) => prisma.auditLog.count(),
  async batch(prisma, afterId, take) {
    const rows = await prisma.auditLog.findMany({ where: { id: { gt: afterId } }, orderBy: { id: 'asc' }, take });
    return rows.map((r) => ({ id: r.id, cells: [r.id, excelTime(r.at), r.actor, r.action, r.entity, r.entityId, r.before, r.after] }));
  },
};

const feedback: TableExporter = {
  name: 'feedback',
  description: 'residents\u2019 feedback (留言), without phone numbers',
  header: ['id', 'created_at', 'resident_id', 'topic', 'content', 'status'],
  count: (prisma) => prisma.feedback.count(),
  async batch(prisma, afterId, take) {
    const rows = await prisma.feedback.findMany({
      where: { id: { gt: afterId } },
      orderBy: { id: 'asc' },
      take,
      // Phones (even masked) stay out of exports: a spreadsheet travels further than the console.
      select: { id: true, createdAt: true, residentId: true, topic: true, content: true, status: true },
    });
    return rows.map((r) => ({ id: r.id, cells: [r.id, excelTime(r.createdAt), r.residentId, r.topic, r.content, r.status] }));
  },
};

const handoffs: TableExporter = {
  name: 'handoff_requests',
  description: 'requests to talk to a person (转人工)',
  header: ['id', 'created_at', 'resident_id', 'text', 'status', 'answered_at'],
  count: (prisma) => prisma.handoffRequest.count(),
  async batch(prisma, afterId, take) {
    const rows = await prisma.handoffRequest.findMany({ where: { id: { gt: afterId } }, orderBy: { id: 'asc' }, take });
    return rows.map((r) => ({ id: r.id, cells: [r.id, excelTime(r.createdAt), r.residentId, r.text, r.status, excelTime(r.answeredAt)] }));
  },
};

/** The core's exportable tables. */
export const coreExporters: readonly TableExporter[] = [auditLog, feedback, handoffs];
