/**
 * What the console's 随手拍 pages share: the hazard services, the bot for notices, and how a
 * logged-in console account becomes the domain's actor.
 */
import type { Bot } from '../../../core/bot.js';
import type { ConsoleActor } from '../../../domains/hazards/actor.js';
import type { HazardsKit } from '../../../domains/hazards/kit.js';
import type { PrismaClient } from '../../../generated/prisma/client.js';
import { html, type SafeHtml } from '../../html.js';
import type { StaffContext } from '../../http.js';

/** Dependencies of the pages. */
export interface HazardPagesDeps {
  prisma: PrismaClient;
  bot: Bot;
  clock: () => Date;
  kit: HazardsKit;
  /** Where attachments live: `DATA_DIR/attachments`. */
  attachmentsDir: string;
  /** The module's stylesheet link, put at the top of each page's content. */
  stylesheet: SafeHtml;
}

/** The module's stylesheet, served by the module itself (see `styles.ts`). */
export const STYLESHEET_PATH = '/admin/hazards/static/hazards.css';

/** The `<link>` to the module's stylesheet (allowed in the body; the CSP allows 'self'). */
export const stylesheetLink = (): SafeHtml => html`<link rel="stylesheet" href="${STYLESHEET_PATH}">`;

/**
 * The hazard domain's actor for a console account.
 *
 * ```ts
 * consoleActorOf(req.staff); // { kind: 'console', username: 'li', role: 'grid_worker', gridId: 'wuhu-1' }
 * ```
 */
export function consoleActorOf(staff: StaffContext): ConsoleActor {
  const { account } = staff;
  return { kind: 'console', username: account.username, role: account.role, gridId: account.gridId };
}
