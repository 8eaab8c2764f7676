/**
 * Demo data for 随手拍: grid workers with HTTP identities so the whole flow can be tried from
 * the HTTP API (report as any user, act as `grid-wuhu-1` / `grid-wuhu-leader`, read the grid's
 * group chat at `grid-wuhu-group`), and a demo resident `laoli` with two earlier reports.
 */
import type { DemoSeeder } from '../../demo/seed.js';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { GridDirectory } from './grids.js';
import { newCaseCode } from './service.js';
import { GRID_WORKER_ROLE } from './staff.js';

/** Demo staff: HTTP user id → worker key in seed/grids.json. */
export const DEMO_STAFF: Readonly<Record<string, string>> = {
  'grid-wuhu-leader': 'wuhu-1-leader',
  'grid-wuhu-1': 'wuhu-1-m1',
  'grid-meijia-1': 'meijia-1-leader',
  'grid-duty': 'duty-desk-m1',
};

async function resident(prisma: PrismaClient, userId: string, name: string, role: string, now: Date): Promise<number> {
  const r = await prisma.resident.create({
    data: {
      displayName: name,
      role,
      createdAt: now,
      updatedAt: now,
      identities: { create: { channel: 'http', externalId: userId, displayName: name, createdAt: now, lastSeenAt: now } },
    },
  });
  return r.id;
}

/**
 * Load the hazard demo data (for `demoSeeders` in src/demo/seed.ts).
 *
 * @example
 * ```ts
 * await seedHazardsDemo({ prisma, now: new Date() });
 * // curl -d '{"userId":"grid-wuhu-1","text":"受理 #…"}' http://127.0.0.1:3000/api/messages
 * ```
 */
export const seedHazardsDemo: DemoSeeder = async ({ prisma, now }) => {
  const grids = GridDirectory.load();
  for (const [userId, key] of Object.entries(DEMO_STAFF)) {
    const grid = grids.all().find((g) => g.workers.some((w) => w.key === key))!;
    const entry = grid.workers.find((w) => w.key === key)!;
    const residentId = await resident(prisma, userId, `${entry.name}（${grid.name}）`, GRID_WORKER_ROLE, now);
    await prisma.gridWorker.upsert({
      where: { key },
      create: { key, gridId: grid.id, role: entry.role, name: entry.name, residentId, boundAt: now, createdAt: now, updatedAt: now },
      update: { residentId, boundAt: now, updatedAt: now },
    });
  }

  const laoli = await resident(prisma, 'laoli', '老李', 'resident', now);
  const day = 24 * 3600_000;
  const at = (daysAgo: number, hours = 0) => new Date(now.getTime() - daysAgo * day + hours * 3600_000);
  const worker = (await prisma.gridWorker.findUniqueOrThrow({ where: { key: 'wuhu-1-m1' } })).id;
  const resolved = await prisma.hazardReport.create({
    data: {
      code: newCaseCode(), residentId: laoli, source: 'chat', category: 'ebike_charging',
      description: '3组老年活动室门口有人从二楼窗户拉电线下来给电瓶车充电，晚上一直插着', placeId: 'wuhu', address: '3组老年活动室门口',
      gridId: 'wuhu-1', status: 'resolved', statusNote: '已上门劝导，电线已拆除，告知到集中充电棚充电', createdAt: at(6), updatedAt: at(5),
      assignedAt: at(6), acknowledgedAt: at(6, 1), closedAt: at(5), rating: 5, ratedAt: at(5, 2),
    },
  });
  const open = await prisma.hazardReport.create({
    data: {
      code: newCaseCode(), residentId: laoli, source: 'chat', category: 'roads_facilities',
      description: '莱利田铺村口那盏路灯坏了一个星期了，晚上黑乎乎的', placeId: 'wuhu', address: '莱利田铺村口',
      gridId: 'wuhu-2', status: 'acknowledged', createdAt: at(1), updatedAt: at(1, 2), assignedAt: at(1), acknowledgedAt: at(1, 2),
    },
  });
  const actor = `staff:${worker}`;
  const wuhu2Leader = (await prisma.gridWorker.findUnique({ where: { key: 'wuhu-2-leader' } }))?.id ?? worker;
  await prisma.hazardUpdate.createMany({
    data: [
      { reportId: resolved.id, at: at(6), kind: 'submitted', status: 'submitted', actor: `resident:${laoli}`, note: '五湖村第1网格' },
      { reportId: resolved.id, at: at(6, 1), kind: 'acknowledged', status: 'acknowledged', actor },
      { reportId: resolved.id, at: at(5), kind: 'resolved', status: 'resolved', actor, note: resolved.statusNote },
      { reportId: resolved.id, at: at(5, 2), kind: 'rated', status: 'resolved', actor: `resident:${laoli}`, note: '5' },
      { reportId: open.id, at: at(1), kind: 'submitted', status: 'submitted', actor: `resident:${laoli}`, note: '五湖村第2网格' },
      { reportId: open.id, at: at(1, 2), kind: 'acknowledged', status: 'acknowledged', actor: `staff:${wuhu2Leader}` },
    ],
  });
};
