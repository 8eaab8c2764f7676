/**
 * The console's 随手拍 module: the hazard queue, a case's detail with photos and timeline,
 * and the transitions (受理 / 处理 / 办结 / 退回 / 转派 / 重复) as CSRF-checked POST forms.
 * Admins see every case; a grid worker only their grid's (a duty-desk worker every grid, as in
 * chat); hub staff none. Changes go through the hazard domain, which writes the timeline and
 * the audit row; the reporter is told through the same function as for a chat action.
 */
import { join } from 'node:path';
import { buildHazardsKit, type HazardsKit } from '../../../domains/hazards/kit.js';
import { openVault, type PiiVault } from '../../../privacy/vault.js';
import { staffRoute } from '../../http.js';
import type { AdminModule, ConsoleContext } from '../../module.js';
import { actOnCase } from './actions.js';
import { STYLESHEET_PATH, stylesheetLink, type HazardPagesDeps } from './context.js';
import { detailPage } from './detail-page.js';
import { servePhoto } from './files.js';
import { queuePage } from './queue-page.js';
import { HAZARDS_CSS } from './styles.js';
import { hazardConsoleText as t } from './text.js';

/** Who may open the module: grid workers (their grid) and admins (everything; always allowed). */
const WHO = ['grid_worker'] as const;

/**
 * The PII vault of the app: the console context carries none, so it is loaded the way the app
 * loads it (PII_KEY, or the development key file under DATA_DIR, which the app created).
 */
function vaultFor(ctx: ConsoleContext): PiiVault {
  return ctx.vault ?? openVault(ctx.config, ctx.log);
}

/**
 * Build the 随手拍 module. Pass `kit` to share the hazard services the app already built
 * (tests do); otherwise the module builds its own over the same database.
 *
 * @example
 * ```ts
 * import { hazardsModule } from './admin/modules/hazards/index.js';
 * await startAdminConsole({ prisma, config, log, bot, clock, modules: [domainStatsModule, hazardsModule] });
 * ```
 */
export function hazardsModule(ctx: ConsoleContext, kit?: HazardsKit): AdminModule {
  const deps: HazardPagesDeps = {
    prisma: ctx.prisma,
    bot: ctx.bot,
    clock: ctx.clock,
    kit:
      kit ??
      buildHazardsKit({
        prisma: ctx.prisma,
        vault: vaultFor(ctx),
        limits: { ackHours: ctx.config.HAZARD_ACK_HOURS, urgentAckMinutes: ctx.config.HAZARD_URGENT_ACK_MINUTES },
      }),
    attachmentsDir: join(ctx.config.DATA_DIR, 'attachments'),
    stylesheet: stylesheetLink(),
  };
  return {
    name: 'hazards',
    nav: [{ href: '/admin/hazards', label: t.nav, access: WHO }],
    routes: [
      staffRoute('GET', STYLESHEET_PATH, WHO, () => ({ status: 200, body: HAZARDS_CSS, contentType: 'text/css; charset=utf-8' })),
      staffRoute('GET', '/admin/hazards', WHO, (req) => queuePage(req, deps)),
      staffRoute('GET', '/admin/hazards/:code', WHO, (req) => detailPage(req, deps)),
      staffRoute('POST', '/admin/hazards/:code/:action', WHO, (req) => actOnCase(req, deps)),
      staffRoute('GET', '/admin/files/hazards/:code/:name', WHO, (req) => servePhoto(req, deps)),
    ],
  };
}
