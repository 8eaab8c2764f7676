/**
 * How the console is extended: an {@link AdminModule} brings routes, navigation links and
 * dashboard panels. The core module (dashboard, feedback, hand-overs, audit log) is one; each
 * domain's pages (hazards, jobs, insurance, events) are another, built from that domain's
 * service and handed to `startAdminConsole` in `modules`.
 */
import type { PiiVault } from '../privacy/vault.js';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Bot } from '../core/bot.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import type { StaffAccounts } from './accounts.js';
import type { Access, AdminRoute, StaffContext } from './http.js';
import type { NavItem } from './layout.js';

/** A chart drawn by chart.js in the browser (colours are chosen there). */
export interface ChartSpec {
  type: 'bar' | 'line' | 'doughnut' | 'pie';
  labels: string[];
  /** `colors`: one per label (round charts) or one for the dataset; the palette otherwise. */
  datasets: Array<{ label: string; data: number[]; colors?: string[] }>;
  /** Stack the datasets (bar charts). */
  stacked?: boolean;
}

/** What a panel shows: a chart, or a few headline figures. */
export type PanelData = { kind: 'chart'; chart: ChartSpec } | { kind: 'figures'; figures: Array<{ label: string; value: number | string }> };

/**
 * A dashboard panel. Its data is rendered into the page and also served as JSON at
 * `/admin/api/stats/<id>` (for the same roles).
 */
export interface DashboardPanel {
  /** URL-safe id, unique across modules. */
  id: string;
  title: string;
  access: Exclude<Access, 'public'>;
  load(input: { now: Date; staff: StaffContext }): Promise<PanelData>;
}

/** A part of the console. */
export interface AdminModule {
  name: string;
  nav?: NavItem[];
  routes?: AdminRoute[];
  panels?: DashboardPanel[];
}

/** What a module is built from. */
export interface ConsoleContext {
  prisma: PrismaClient;
  config: Config;
  log: Logger;
  bot: Bot;
  clock: () => Date;
  accounts: StaffAccounts;
  /** The app's PII vault (a module opens one from the configuration when absent). */
  vault?: PiiVault;
}

/** Builds a module once the console's context exists. */
export type AdminModuleFactory = (ctx: ConsoleContext) => AdminModule;
