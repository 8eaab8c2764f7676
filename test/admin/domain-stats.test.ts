/**
 * The domains' dashboard panels show the domains' own figures, to the right roles.
 */
import { afterEach, expect, it } from 'vitest';
import { domainStatsModule } from '../../src/admin/modules/domain-stats.js';
import { adminText } from '../../src/admin/text.js';
import { DOMAINS } from '../../src/domains/index.js';
import { hazardStats } from '../../src/domains/hazards/stats.js';
import { PASSWORD, startConsoleApp, type ConsoleTestApp } from './helpers.js';

let t: ConsoleTestApp;
afterEach(async () => {
  await t?.dispose();
});

it('shows 随手拍 figures to admins and the hub chart to hub staff, from the demo data', async () => {
  t = await startConsoleApp({ domains: [...DOMAINS], env: { DEMO_DATA: 'true' }, modules: [domainStatsModule] });
  await t.staff('wang', 'admin');
  await t.staff('hub1', 'hub_staff');
  const admin = t.client();
  await admin.login('wang', PASSWORD);

  const expected = await hazardStats(t.app.db.prisma);
  expect(expected.total).toBeGreaterThan(0);
  const byStatus = JSON.parse((await admin.get('/admin/api/stats/hazards-by-status')).text);
  const shown = Object.fromEntries(byStatus.chart.labels.map((l: string, i: number) => [l, byStatus.chart.datasets[0].data[i]]));
  expect(shown).toEqual(Object.fromEntries(Object.entries(expected.byStatus).map(([k, v]) => [adminText.status[k] ?? k, v])));

  const dashboard = await admin.get('/admin');
  for (const id of ['hazards-figures', 'hazards-by-status', 'hazards-by-category', 'hazards-by-grid', 'hazards-per-month', 'jobs-per-month']) {
    expect(dashboard.text).toContain(`id="panel-${id}"`);
  }
  expect(dashboard.text).not.toContain(adminText.dashboard.moreLater);

  const hub = t.client();
  await hub.login('hub1', PASSWORD);
  const hubHome = await hub.get('/admin');
  expect(hubHome.text).toContain('id="panel-jobs-per-month"');
  expect(hubHome.text).not.toContain('panel-hazards');
  const jobs = JSON.parse((await hub.get('/admin/api/stats/jobs-per-month')).text);
  expect(jobs.chart.labels).toHaveLength(12);
  expect(jobs.chart.datasets.map((d: { label: string }) => d.label)).toEqual([
    adminText.domainPanels.postings,
    adminText.domainPanels.seekers,
    adminText.domainPanels.recommendations,
  ]);
  expect((await hub.get('/admin/api/stats/hazards-by-status')).status).toBe(404);
});
