/**
 * Recommendations (就业推荐): postings imported or changed since the last run are matched
 * against opted-in seekers (category or skills, area, availability). Each seeker gets at most
 * `perDay` a day (Asia/Shanghai) and never the same posting twice; each comes with why it
 * matched. The service decides and records; the dialogue layer words and sends.
 */
import type { PrismaClient } from '../../generated/prisma/client.js';
import { placeById } from '../../nlu/entities/places.js';
import { SHANGHAI_OFFSET, shanghaiDate } from '../../nlu/entities/shanghai-time.js';
import { wordsOf } from './categories.js';
import { isOpen, JobsService, type PostingView } from './service.js';
import { profileOf, type SeekerProfile } from './seekers.js';

/** One recommendation to send. */
export interface Recommendation {
  residentId: number;
  seekerId: number;
  posting: PostingView;
  /** What they registered that matched: 保洁、五湖村. */
  reasons: string[];
}

/** Why a posting matches a seeker (the words to show), or null when it does not. */
export function matchReasons(seeker: Pick<SeekerProfile, 'skills' | 'categories' | 'areas' | 'availability'>, p: PostingView): string[] | null {
  const reasons: string[] = [];
  if (seeker.categories.includes(p.category)) reasons.push(p.category);
  else {
    const words = [...wordsOf(p.category), ...p.skills];
    const skill = seeker.skills.find((s) => words.some((w) => w.includes(s) || s.includes(w)));
    if (!skill) return null;
    reasons.push(skill);
  }
  if (seeker.areas.length > 0) {
    if (!p.village || !seeker.areas.includes(p.village)) return null;
    reasons.push(placeById(p.village)?.name ?? p.village);
  }
  if (seeker.availability === 'daywork' && !p.dayWork) return null;
  if (seeker.availability === 'parttime' && !p.partTime && p.payUnit !== 'hour') return null;
  if (seeker.availability === 'fulltime' && p.partTime) return null;
  return reasons;
}

/** The start of the Asia/Shanghai day containing `now`. */
export function shanghaiDayStart(now: Date): Date {
  return new Date(`${shanghaiDate(now)}T00:00:00.000${SHANGHAI_OFFSET}`);
}

export class RecommendationService {
  private readonly jobs: JobsService;

  constructor(private readonly prisma: PrismaClient) {
    this.jobs = new JobsService(prisma);
  }

  /**
   * Match the postings waiting for a run, record what is to be sent, and mark them matched.
   *
   * ```ts
   * for (const r of await recs.run(new Date(), 3)) await bot.notify([{ residentId: r.residentId }], { text: … });
   * ```
   */
  async run(now: Date, perDay: number): Promise<Recommendation[]> {
    const pending = await this.prisma.jobPosting.findMany({ where: { recommendedAt: null }, select: { id: true } });
    if (pending.length === 0) return [];
    const postings = (await this.jobs.postings(pending.map((p) => p.id)))
      .filter((p) => isOpen(p, now))
      .sort((a, b) => b.postedAt.getTime() - a.postedAt.getTime() || a.id - b.id);
    const out: Recommendation[] = [];
    if (postings.length > 0 && perDay > 0) {
      const seekers = await this.prisma.jobSeeker.findMany({ where: { notify: true, erasedAt: null, residentId: { not: null } } });
      const dayStart = shanghaiDayStart(now);
      for (const row of seekers) {
        const seeker = profileOf(row);
        const sentToday = await this.prisma.jobRecommendation.count({ where: { seekerId: seeker.id, sentAt: { gte: dayStart } } });
        let room = perDay - sentToday;
        if (room <= 0) continue;
        const already = new Set(
          (await this.prisma.jobRecommendation.findMany({ where: { seekerId: seeker.id, postingId: { in: postings.map((p) => p.id) } }, select: { postingId: true } })).map(
            (r) => r.postingId,
          ),
        );
        for (const posting of postings) {
          if (room <= 0) break;
          if (already.has(posting.id)) continue;
          const reasons = matchReasons(seeker, posting);
          if (!reasons) continue;
          await this.prisma.jobRecommendation.create({ data: { seekerId: seeker.id, postingId: posting.id, reason: reasons.join('、'), sentAt: now } });
          out.push({ residentId: seeker.residentId!, seekerId: seeker.id, posting, reasons });
          room--;
        }
      }
    }
    await this.prisma.jobPosting.updateMany({ where: { id: { in: pending.map((p) => p.id) } }, data: { recommendedAt: now } });
    return out;
  }
}
