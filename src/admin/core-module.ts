/**
 * The console's core module: the dashboard's core panels (messages, outbox, residents,
 * feedback, hand-overs), the feedback and hand-over desks and the audit log.
 */
import { OfficeDesk } from './desk.js';
import type { AdminModule, ChartSpec, ConsoleContext, DashboardPanel } from './module.js';
import { auditRoutes } from './pages/audit.js';
import { deskRoutes } from './pages/desk.js';
import { coreFigures, feedbackByStatus, handoffsByStatus, messagesPerDay, outboxByStatus, residentsByChannel, type Counts } from './stats/core.js';
import { adminText, channelLabel, statusLabel } from './text.js';

const d = adminText.dashboard;

/** Status colours that read right: done is green, waiting amber, failed red. */
const STATUS_COLORS: Record<string, string> = {
  sent: '#3a9d5d',
  delivered: '#2f6fb0',
  answered: '#3a9d5d',
  closed: '#7a7a7a',
  pending: '#e0a030',
  sending: '#8a63b8',
  new: '#e07b39',
  open: '#e07b39',
  failed: '#c2453d',
};

function countsChart(type: ChartSpec['type'], label: string, counts: Counts, name: (key: string) => string, byStatus = false): ChartSpec {
  const keys = Object.keys(counts).sort();
  const colors = byStatus ? keys.map((k) => STATUS_COLORS[k] ?? '#7a7a7a') : undefined;
  return { type, labels: keys.map(name), datasets: [{ label, data: keys.map((k) => counts[k]!), ...(colors ? { colors } : {}) }] };
}

/** The core panels, in dashboard order. */
export function corePanels(ctx: ConsoleContext): DashboardPanel[] {
  const { prisma } = ctx;
  return [
    {
      id: 'core-figures',
      title: d.figuresTitle,
      access: ['admin'],
      load: async ({ now }) => {
        const f = await coreFigures(prisma, now);
        return {
          kind: 'figures',
          figures: [
            { label: d.figures.residents, value: f.residents },
            { label: d.figures.messagesToday, value: f.messagesToday },
            { label: d.figures.feedbackNew, value: f.feedbackNew },
            { label: d.figures.handoffsOpen, value: f.handoffsOpen },
          ],
        };
      },
    },
    {
      id: 'messages-per-day',
      title: d.messagesByDay,
      access: ['admin'],
      load: async ({ now }) => {
        const { days, byChannel } = await messagesPerDay(prisma, now, 14);
        const channels = Object.keys(byChannel).sort();
        return {
          kind: 'chart',
          chart: {
            type: 'bar',
            stacked: true,
            labels: days.map((day) => day.slice(5)),
            datasets: channels.map((c) => ({ label: channelLabel(c), data: byChannel[c]! })),
          },
        };
      },
    },
    {
      id: 'outbox-status',
      title: d.outboxStatus,
      access: ['admin'],
      load: async () => ({ kind: 'chart', chart: countsChart('doughnut', d.outboxStatus, await outboxByStatus(prisma), statusLabel, true) }),
    },
    {
      id: 'residents-by-channel',
      title: d.residentsByChannel,
      access: ['admin'],
      load: async () => ({ kind: 'chart', chart: countsChart('bar', d.residentsByChannel, await residentsByChannel(prisma), channelLabel) }),
    },
    {
      id: 'feedback-status',
      title: d.feedbackByStatus,
      access: ['admin'],
      load: async () => ({ kind: 'chart', chart: countsChart('pie', d.feedbackByStatus, await feedbackByStatus(prisma), statusLabel, true) }),
    },
    {
      id: 'handoff-status',
      title: d.handoffsByStatus,
      access: ['admin'],
      load: async () => ({ kind: 'chart', chart: countsChart('pie', d.handoffsByStatus, await handoffsByStatus(prisma), statusLabel, true) }),
    },
  ];
}

/** Build the core module. */
export function coreModule(ctx: ConsoleContext): AdminModule {
  const desk = new OfficeDesk(ctx.prisma, ctx.bot, ctx.clock);
  const n = adminText.nav;
  return {
    name: 'core',
    nav: [
      { href: '/admin', label: n.dashboard, access: 'any' },
      { href: '/admin/feedback', label: n.feedback, access: ['admin'] },
      { href: '/admin/handoffs', label: n.handoffs, access: ['admin'] },
      { href: '/admin/audit', label: n.audit, access: ['admin'] },
    ],
    routes: [...deskRoutes(desk), ...auditRoutes(ctx.prisma)],
    panels: corePanels(ctx),
  };
}
