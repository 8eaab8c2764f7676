/**
 * The hazard queue as staff tools read it: cases filtered by status, category, grid and the
 * urgent flag, newest or oldest first, a page at a time. Read-only; the admin console and the
 * CLI use it, each limiting `gridIds` to what the staff member may see.
 */
import type { HazardReport, PrismaClient } from '../../generated/prisma/client.js';
import { CLOSED_STATUSES, OPEN_STATUSES } from './service.js';

/** Every status a case can have. */
export const HAZARD_STATUSES = [...OPEN_STATUSES, ...CLOSED_STATUSES] as const;

/** A status filter: one status, every open one, every closed one, or all. */
export type StatusFilter = (typeof HAZARD_STATUSES)[number] | 'open' | 'closed' | 'all';

/** What to list. */
export interface QueueQuery {
  status?: StatusFilter;
  category?: string;
  /** Only these grids; null or undefined: every grid. An empty list matches nothing. */
  gridIds?: readonly string[] | null;
  /** One grid among the allowed ones. */
  gridId?: string;
  urgent?: boolean;
  order?: 'newest' | 'oldest';
  /** 1-based; clamped to the pages there are. */
  page?: number;
  pageSize?: number;
}

/** One page of the queue. */
export interface QueuePage {
  rows: HazardReport[];
  total: number;
  page: number;
  pages: number;
}

/** Whether a text names a status filter. */
export function isStatusFilter(value: string): value is StatusFilter {
  return value === 'open' || value === 'closed' || value === 'all' || (HAZARD_STATUSES as readonly string[]).includes(value);
}

/**
 * One page of cases.
 *
 * @example
 * ```ts
 * await hazardQueue(prisma, { status: 'open', gridIds: ['wuhu-1'], urgent: true, order: 'oldest' });
 * // { rows: [...], total: 3, page: 1, pages: 1 }
 * ```
 */
export async function hazardQueue(prisma: PrismaClient, query: QueueQuery): Promise<QueuePage> {
  const pageSize = query.pageSize ?? 25;
  const status = query.status ?? 'open';
  const statuses = status === 'open' ? [...OPEN_STATUSES] : status === 'closed' ? [...CLOSED_STATUSES] : status === 'all' ? null : [status];
  let grids: string[] | null = query.gridIds ? [...query.gridIds] : null;
  if (query.gridId) grids = grids === null || grids.includes(query.gridId) ? [query.gridId] : [];
  const where = {
    ...(statuses ? { status: { in: statuses } } : {}),
    ...(query.category ? { category: query.category } : {}),
    ...(grids ? { gridId: { in: grids } } : {}),
    ...(query.urgent ? { urgent: true } : {}),
  };
  const total = await prisma.hazardReport.count({ where });
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, query.page ?? 1), pages);
  const direction = query.order === 'oldest' ? 'asc' : 'desc';
  const rows = await prisma.hazardReport.findMany({
    where,
    orderBy: [{ createdAt: direction }, { id: direction }],
    skip: (page - 1) * pageSize,
    take: pageSize,
  });
  return { rows, total, page, pages };
}
