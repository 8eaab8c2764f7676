/**
 * The gig-work hub (零工之家): job search, applications, seeker registration, recommendations
 * pushed to opted-in seekers, labour-rights help. `registerJobs` is the domain's registration
 * for the composition root.
 *
 * ```ts
 * await startApp(config, log, { domains: [registerJobs] });
 * ```
 */
import type { DomainDeps } from '../../app.js';
import type { Bot } from '../../core/bot.js';
import { EDIT_FORM, LABOR_FORM, REGISTER_FORM, laborForm, registerForm } from './forms.js';
import { registerJobsHandlers } from './handlers.js';
import { LaborService } from './labor.js';
import { placeName } from './listing.js';
import { RecommendationService } from './recommend.js';
import { SeekerService } from './seekers.js';
import { JobsService } from './service.js';
import { jobsText as t, payText } from './text.js';

export { JobsService } from './service.js';
export { SeekerService } from './seekers.js';
export { LaborService } from './labor.js';
export { RecommendationService } from './recommend.js';
export { jobsMonthlyStats } from './stats.js';
export { eraseJobsPersonalData } from './privacy.js';
export { seedJobsDemo, HUB_STAFF_USER } from './demo.js';

/** Names of the domain's periodic tasks. */
export const JOBS_TASKS = { recommend: 'jobs.recommend', expire: 'jobs.expire' } as const;

/** What `registerJobs` returns: the services, and the recommendation run the scheduler calls. */
export interface JobsDomain {
  jobs: JobsService;
  seekers: SeekerService;
  labor: LaborService;
  /** Match new postings against seekers and notify them; returns how many were sent. */
  sendRecommendations(now: Date): Promise<number>;
}

/**
 * Push the recommendations of one run through the outbox, each saying why it matched and how to stop.
 *
 * ```ts
 * await sendRecommendations(bot, new RecommendationService(prisma), new Date(), 3);
 * ```
 */
export async function sendRecommendations(bot: Bot, recs: RecommendationService, now: Date, perDay: number): Promise<number> {
  const due = await recs.run(now, perDay);
  for (const r of due) {
    const p = r.posting;
    await bot.notify([{ residentId: r.residentId }], { text: t.recommend.message(p.title, p.employer, placeName(p), payText(p), r.reasons.join('、')) });
  }
  return due.length;
}

/** Register the jobs domain: forms, handlers, and the recommendation and expiry tasks. */
export function registerJobs(deps: DomainDeps): JobsDomain {
  const { bot, prisma, vault, config, scheduler } = deps;
  const jobs = new JobsService(prisma);
  const seekers = new SeekerService(prisma, vault);
  const labor = new LaborService(prisma, vault);
  const recs = new RecommendationService(prisma);

  bot.form(registerForm(seekers, false));
  bot.form(registerForm(seekers, true));
  bot.form(laborForm(labor));
  registerJobsHandlers(bot, { jobs, seekers, labor });

  bot.intent('job.register', async (ctx) => {
    const existing = await seekers.get(ctx.resident.id);
    if (!existing) {
      const phone = ctx.entity('phone');
      return ctx.startForm(REGISTER_FORM, phone ? { phone: phone.value } : {});
    }
    const phone = await seekers.phoneOf(ctx.resident.id);
    await ctx.startForm(EDIT_FORM, { ...existing, ...(phone ? { phone } : {}) });
  });
  bot.intent('labor.rights', async (ctx) => {
    if (ctx.text === t.labor.registerOption) return ctx.startForm(LABOR_FORM);
    if (ctx.text === t.labor.noOption) return ctx.reply(t.labor.no);
    await ctx.reply(`${config.JOBS_LABOR_HELP_TEXT}\n${t.labor.offer}`, {
      options: [
        { label: t.labor.registerOption, intent: 'labor.rights', text: t.labor.registerOption },
        { label: t.labor.noOption, intent: 'labor.rights', text: t.labor.noOption },
      ],
    });
  });

  const sendNow = (now: Date) => sendRecommendations(bot, recs, now, config.JOBS_RECOMMENDATIONS_PER_DAY);
  scheduler.every(JOBS_TASKS.recommend, 60_000, () => sendNow(deps.clock()));
  scheduler.every(JOBS_TASKS.expire, 3_600_000, () => jobs.expirePostings(deps.clock()));
  return { jobs, seekers, labor, sendRecommendations: sendNow };
}
