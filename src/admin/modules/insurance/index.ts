/**
 * The console's enrolment review (医保参保审核, admins): applications by status, year and
 * village with names and ID numbers masked, an audited "查看完整信息", and approve / return /
 * mark enrolled through {@link InsuranceService} — which writes the audit row and tells the
 * resident in their chat, with the same words as when staff act in chat. Dashboard panels:
 * enrolment rate by village and the year's figures (from `enrolmentStats`).
 */
import { loadPolicy, type InsurancePolicy } from '../../../domains/insurance/policy.js';
import { insuranceNotifier } from '../../../domains/insurance/notices.js';
import { InsuranceService } from '../../../domains/insurance/service.js';
import { enrolmentStats } from '../../../domains/insurance/stats.js';
import { openVault } from '../../../privacy/vault.js';
import type { AdminModule, ConsoleContext, DashboardPanel } from '../../module.js';
import { insuranceRoutes } from './pages.js';
import { insuranceAdminText as t } from './text.js';


/** The enrolment panels (admins): rate by village and the year's headline figures. */
export function insurancePanels(ctx: ConsoleContext, policy: InsurancePolicy): DashboardPanel[] {
  const p = t.panel;
  const year = (now: Date) => policy.enrolmentYear(now);
  return [
    {
      id: 'insurance-figures',
      title: p.figures(year(ctx.clock()).label),
      access: ['admin'],
      load: async ({ now }) => {
        const s = await enrolmentStats(ctx.prisma, policy, year(now).coverageYear);
        return {
          kind: 'figures',
          figures: [
            { label: p.target, value: s.overall.target },
            { label: p.enrolled, value: s.overall.enrolled },
            { label: p.applied, value: s.overall.applied },
            { label: p.submitted, value: s.byStatus.submitted ?? 0 },
            { label: p.overallRate, value: `${(s.overall.rate * 100).toFixed(2)}%` },
          ],
        };
      },
    },
    {
      id: 'insurance-rate-by-village',
      title: p.title(year(ctx.clock()).label),
      access: ['admin'],
      load: async ({ now }) => {
        const s = await enrolmentStats(ctx.prisma, policy, year(now).coverageYear);
        // Villages without a target have no rate to show.
        const villages = s.villages.filter((v) => v.target > 0).sort((a, b) => b.rate - a.rate);
        return {
          kind: 'chart',
          chart: {
            type: 'bar',
            labels: villages.map((v) => v.name),
            datasets: [{ label: p.rate, data: villages.map((v) => Math.round(v.rate * 10_000) / 100) }],
          },
        };
      },
    },
  ];
}

/**
 * Build the enrolment review module. The service is built over the console's database with
 * the same PII key as the app (PII_KEY, or the development key under DATA_DIR) and the policy
 * file INSURANCE_POLICY_FILE.
 *
 * ```ts
 * await startAdminConsole({ …, modules: [domainStatsModule, insuranceModule] });
 * ```
 */
export function insuranceModule(ctx: ConsoleContext, service?: InsuranceService): AdminModule {
  const svc = service ?? defaultService(ctx);
  return {
    name: 'insurance',
    nav: [{ href: '/admin/insurance', label: t.nav, access: ['admin'] }],
    routes: insuranceRoutes(ctx, svc),
    panels: insurancePanels(ctx, svc.policy),
  };
}

function defaultService(ctx: ConsoleContext): InsuranceService {
  const vault = ctx.vault ?? openVault(ctx.config, ctx.log);
  return new InsuranceService(ctx.prisma, vault, loadPolicy(ctx.config.INSURANCE_POLICY_FILE), insuranceNotifier(ctx.bot));
}
