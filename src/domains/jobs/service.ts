/**
 * The gig-work hub's postings and applications: import from the hub's spreadsheet, search,
 * apply. Business rules over Prisma, no chat: the dialogue, the CLI and the admin console all
 * call this.
 */
import type { PrismaClient } from '../../generated/prisma/client.js';
import { parsePostingRow, type PostingRow } from './posting-row.js';
import type { JobQuery } from './query.js';
import { rankPostings, type SearchablePosting, type Searcher } from './ranking.js';
import { jobsText } from './text.js';

/** One record of an import file with the line it came from (for the report). */
export interface ImportRecord {
  line: number;
  record: Record<string, unknown>;
}

/** What an import did. */
export interface ImportReport {
  created: number;
  updated: number;
  rejected: Array<{ line: number; reason: string; externalId?: string }>;
}

/** A posting as search and the dialogue show it. */
export interface PostingView extends SearchablePosting {
  externalId: string;
  location: string;
  headcount: number;
  certificates: string[];
  contact: string;
  validUntil: Date;
  status: string;
}

/** The result of an application. */
export type ApplyResult =
  | { ok: true; applicationId: number; posting: PostingView }
  | { ok: false; reason: 'closed' }
  | { ok: false; reason: 'already'; since: Date; posting: PostingView };

const json = (s: string): string[] => {
  try {
    const v = JSON.parse(s) as unknown;
    return Array.isArray(v) ? v.map(String) : [];
  } catch {
    return [];
  }
};

type PostingWithEmployer = Awaited<ReturnType<PrismaClient['jobPosting']['findFirstOrThrow']>> & { employer: { name: string } };

function view(p: PostingWithEmployer): PostingView {
  return {
    id: p.id,
    externalId: p.externalId,
    title: p.title,
    category: p.category,
    employer: p.employer.name,
    description: p.description,
    village: p.village,
    location: p.location,
    payAmount: p.payAmount,
    payMax: p.payMax,
    payUnit: p.payUnit,
    headcount: p.headcount,
    ageMin: p.ageMin,
    ageMax: p.ageMax,
    skills: json(p.skills),
    certificates: json(p.certificates),
    perks: json(p.perks),
    dayWork: p.dayWork,
    partTime: p.partTime,
    contact: p.contact,
    postedAt: p.postedAt,
    validUntil: p.validUntil,
    status: p.status,
  };
}

/** True when a posting can be found and applied for at `now`. */
export const isOpen = (p: { status: string; validUntil: Date }, now: Date): boolean => p.status === 'open' && p.validUntil >= now;

export class JobsService {
  /** Open postings as last read, keyed by the table's row count and latest update. */
  private openCache: { key: string; postings: PostingView[] } | null = null;

  constructor(private readonly prisma: PrismaClient) {}

  /**
   * Validate and upsert postings by external id: a re-import updates, never duplicates. Rows
   * that fail validation are reported with their line and reason and change nothing.
   *
   * ```ts
   * const report = await jobs.importPostings([{ line: 2, record: { 岗位编号: 'J1', … } }], new Date());
   * // { created: 1, updated: 0, rejected: [] }
   * ```
   */
  async importPostings(
    rows: readonly ImportRecord[],
    now: Date,
    options: { source?: string; actor?: string; onProgress?: (done: number) => void } = {},
  ): Promise<ImportReport> {
    const report: ImportReport = { created: 0, updated: 0, rejected: [] };
    const seen = new Map<string, number>();
    const employers = new Map<string, number>();
    let done = 0;
    for (const { line, record } of rows) {
      const parsed = parsePostingRow(record);
      if (!parsed.ok) {
        const externalId = String(record['岗位编号'] ?? record['externalId'] ?? '').trim();
        report.rejected.push({ line, reason: parsed.reason, ...(externalId ? { externalId } : {}) });
      } else if (seen.has(parsed.row.externalId)) {
        report.rejected.push({ line, reason: jobsText.importErrors.duplicate(seen.get(parsed.row.externalId)!), externalId: parsed.row.externalId });
      } else {
        seen.set(parsed.row.externalId, line);
        const created = await this.upsert(parsed.row, now, options.source, employers);
        if (created) report.created++;
        else report.updated++;
      }
      options.onProgress?.(++done);
    }
    await this.audit(now, options.actor ?? 'system', 'jobs.import', 'job_posting', null, null, {
      source: options.source ?? null,
      created: report.created,
      updated: report.updated,
      rejected: report.rejected.length,
    });
    return report;
  }

  private async upsert(row: PostingRow, now: Date, source: string | undefined, employers: Map<string, number>): Promise<boolean> {
    let employerId = employers.get(row.employer);
    if (employerId === undefined) {
      const employer = await this.prisma.employer.upsert({
        where: { name: row.employer },
        create: { name: row.employer, createdAt: now, updatedAt: now },
        update: {},
      });
      employerId = employer.id;
      employers.set(row.employer, employerId);
    }
    const data = {
      employerId,
      title: row.title,
      category: row.category,
      description: row.description,
      village: row.village,
      location: row.location,
      payAmount: row.payAmount ?? null,
      payMax: row.payMax ?? null,
      payUnit: row.payUnit ?? null,
      headcount: row.headcount,
      ageMin: row.ageMin ?? null,
      ageMax: row.ageMax ?? null,
      skills: JSON.stringify(row.skills),
      certificates: JSON.stringify(row.certificates),
      perks: JSON.stringify(row.perks),
      dayWork: row.dayWork,
      partTime: row.partTime,
      contact: row.contact,
      postedAt: row.postedAt,
      validUntil: row.validUntil,
      status: row.status === 'open' && row.validUntil < now ? 'expired' : row.status,
      source: row.source || source || 'import',
      // Matched against seekers again by the next recommendation run (never sent twice).
      recommendedAt: null,
      updatedAt: now,
    };
    const existing = await this.prisma.jobPosting.findUnique({ where: { externalId: row.externalId }, select: { id: true } });
    if (existing) {
      await this.prisma.jobPosting.update({ where: { id: existing.id }, data });
      return false;
    }
    await this.prisma.jobPosting.create({ data: { ...data, externalId: row.externalId, createdAt: now } });
    return true;
  }

  /**
   * Every posting open at `now` (status open, not past its valid-until). Searches run on every
   * job question, so the open postings are kept in memory and read again only when the table
   * changed (every write sets `updated_at`; an import from another process counts too).
   */
  async openPostings(now: Date): Promise<PostingView[]> {
    const stamp = await this.prisma.jobPosting.aggregate({ _count: { _all: true }, _max: { updatedAt: true } });
    const key = `${stamp._count._all}:${stamp._max.updatedAt?.getTime() ?? 0}`;
    if (this.openCache?.key !== key) {
      const rows = await this.prisma.jobPosting.findMany({
        where: { status: 'open' },
        include: { employer: { select: { name: true } } },
      });
      this.openCache = { key, postings: rows.map(view) };
    }
    return this.openCache.postings.filter((p) => isOpen(p, now));
  }

  /**
   * The open postings answering a query, best first. Expired postings never appear.
   *
   * ```ts
   * const found = await jobs.search(parseJobQuery('双水桥那边招不招人'), { home: 'wuhu' }, new Date());
   * ```
   */
  async search(query: JobQuery, who: Searcher, now: Date): Promise<PostingView[]> {
    return rankPostings(await this.openPostings(now), query, who, now);
  }

  /** Some postings by id, in the order asked (missing ones left out). */
  async postings(ids: readonly number[]): Promise<PostingView[]> {
    const rows = await this.prisma.jobPosting.findMany({ where: { id: { in: [...ids] } }, include: { employer: { select: { name: true } } } });
    const byId = new Map(rows.map((r) => [r.id, view(r)]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /** How many open postings each category has at `now`, most first (for “try another category”). */
  async openCategories(now: Date, village?: string): Promise<Array<{ category: string; count: number }>> {
    const rows = await this.prisma.jobPosting.groupBy({
      by: ['category'],
      where: { status: 'open', validUntil: { gte: now }, ...(village ? { village } : {}) },
      _count: { _all: true },
    });
    return rows.map((r) => ({ category: r.category, count: r._count._all })).sort((a, b) => b.count - a.count);
  }

  /**
   * Apply for a posting. Refused when the posting is closed or the resident already applied
   * (with the date of the first application).
   */
  async apply(residentId: number, postingId: number, now: Date): Promise<ApplyResult> {
    const [posting] = await this.postings([postingId]);
    if (!posting || !isOpen(posting, now)) return { ok: false, reason: 'closed' };
    const existing = await this.prisma.jobApplication.findUnique({ where: { residentId_postingId: { residentId, postingId } } });
    if (existing) return { ok: false, reason: 'already', since: existing.createdAt, posting };
    try {
      const created = await this.prisma.jobApplication.create({
        data: { residentId, postingId, status: 'submitted', createdAt: now, updatedAt: now },
      });
      await this.audit(now, `resident:${residentId}`, 'job.apply', 'job_application', created.id, null, { postingId, status: 'submitted' });
      return { ok: true, applicationId: created.id, posting };
    } catch (err) {
      // Two deliveries racing: the unique (resident, posting) keeps one.
      const again = await this.prisma.jobApplication.findUnique({ where: { residentId_postingId: { residentId, postingId } } });
      if (again) return { ok: false, reason: 'already', since: again.createdAt, posting };
      throw err;
    }
  }

  /** A resident's applications, newest first, with their postings. */
  async applicationsOf(residentId: number): Promise<Array<{ id: number; status: string; createdAt: Date; posting: PostingView }>> {
    const rows = await this.prisma.jobApplication.findMany({
      where: { residentId },
      orderBy: { createdAt: 'desc' },
      include: { posting: { include: { employer: { select: { name: true } } } } },
    });
    return rows.map((r) => ({ id: r.id, status: r.status, createdAt: r.createdAt, posting: view(r.posting) }));
  }

  /**
   * Mark postings past their valid-until as expired (search already hides them; this keeps the
   * status true for the admin console). Returns how many changed.
   */
  async expirePostings(now: Date): Promise<number> {
    const due = await this.prisma.jobPosting.findMany({ where: { status: 'open', validUntil: { lt: now } }, select: { id: true } });
    if (due.length === 0) return 0;
    await this.prisma.jobPosting.updateMany({ where: { id: { in: due.map((d) => d.id) } }, data: { status: 'expired', updatedAt: now } });
    await this.prisma.auditLog.createMany({
      data: due.map((d) => ({
        at: now,
        actor: 'system',
        action: 'job_posting.expire',
        entity: 'job_posting',
        entityId: String(d.id),
        before: JSON.stringify({ status: 'open' }),
        after: JSON.stringify({ status: 'expired' }),
      })),
    });
    return due.length;
  }

  private async audit(at: Date, actor: string, action: string, entity: string, id: number | null, before: unknown, after: unknown): Promise<void> {
    await this.prisma.auditLog.create({
      data: {
        at,
        actor,
        action,
        entity,
        entityId: id === null ? null : String(id),
        before: before === null ? null : JSON.stringify(before),
        after: JSON.stringify(after),
      },
    });
  }
}
export { eraseJobsPersonalData } from './privacy.js';
