/**
 * Staff changes to a posting: its status (open / filled / expired) and valid-until, written
 * with an audit row. `JobsService` has no such method yet; this is its natural shape there
 * (see the report of issue 8). Setting `updated_at` makes the running bot's open-postings
 * cache read the table again, so a posting marked filled leaves search at once.
 */
import type { PrismaClient } from '../../../generated/prisma/client.js';
import { writeAudit } from '../../audit.js';

/** Posting statuses staff may set. */
export const POSTING_STATUSES = ['open', 'filled', 'expired'] as const;
export type PostingStatus = (typeof POSTING_STATUSES)[number];

export type PostingEditResult = { ok: true; changed: boolean } | { ok: false; reason: 'not_found' | 'bad_status' | 'bad_date' };

/**
 * Change a posting's status and/or valid-until.
 *
 * ```ts
 * await editPosting(prisma, 12, { status: 'filled' }, 'console:hub', new Date());
 * ```
 */
export async function editPosting(
  prisma: PrismaClient,
  id: number,
  patch: { status?: string; validUntil?: Date },
  actor: string,
  now: Date,
): Promise<PostingEditResult> {
  if (patch.status !== undefined && !(POSTING_STATUSES as readonly string[]).includes(patch.status)) return { ok: false, reason: 'bad_status' };
  if (patch.validUntil !== undefined && Number.isNaN(patch.validUntil.getTime())) return { ok: false, reason: 'bad_date' };
  const before = await prisma.jobPosting.findUnique({ where: { id }, select: { status: true, validUntil: true } });
  if (!before) return { ok: false, reason: 'not_found' };
  const after = { status: patch.status ?? before.status, validUntil: patch.validUntil ?? before.validUntil };
  if (after.status === before.status && after.validUntil.getTime() === before.validUntil.getTime()) return { ok: true, changed: false };
  await prisma.jobPosting.update({
    where: { id },
    // A re-opened posting is matched against opted-in seekers again by the next run.
    data: { ...after, updatedAt: now, ...(after.status === 'open' && before.status !== 'open' ? { recommendedAt: null } : {}) },
  });
  await writeAudit(prisma, {
    at: now,
    actor,
    action: 'job_posting.update',
    entity: 'job_posting',
    entityId: id,
    before: { status: before.status, validUntil: before.validUntil.toISOString() },
    after: { status: after.status, validUntil: after.validUntil.toISOString() },
  });
  return { ok: true, changed: true };
}
