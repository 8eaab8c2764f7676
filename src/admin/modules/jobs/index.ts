/**
 * The console's job postings module (零工之家; hub staff and admins): the postings list with
 * filters and paging, status and valid-until changes (audited), and CSV import by pasting.
 * The hub's monthly chart stays in `domainStatsModule`.
 */
import { JobsService } from '../../../domains/jobs/service.js';
import type { AdminModule, ConsoleContext } from '../../module.js';
import { jobsRoutes } from './pages.js';
import { jobsAdminText as t } from './text.js';

/**
 * Build the job postings module.
 *
 * ```ts
 * await startAdminConsole({ …, modules: [domainStatsModule, jobsModule] });
 * ```
 */
export function jobsModule(ctx: ConsoleContext, jobs: JobsService = new JobsService(ctx.prisma)): AdminModule {
  return {
    name: 'jobs',
    nav: [{ href: '/admin/jobs', label: t.nav, access: ['hub_staff'] }],
    routes: jobsRoutes(ctx, jobs),
  };
}
