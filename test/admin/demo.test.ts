/**
 * The demo console accounts: created with the demo data, the admin linked to the duty desk's
 * chat, both logging in with the README's demo password.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { StaffAccounts } from '../../src/admin/accounts.js';
import { DEMO_ADMIN_PASSWORD, seedAdminConsole } from '../../src/admin/demo.js';
import { openDatabase, type Database } from '../../src/db/client.js';
import { foundationSeeders } from '../../src/demo/seed.js';

let dir: string;
let db: Database;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'linli-admin-demo-'));
  db = await openDatabase({ url: `file:${join(dir, 'linli.db')}` });
});
afterEach(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

it('creates admin (linked to the duty desk) and hub, both with the demo password', async () => {
  const now = new Date();
  // The foundation's seeders (the duty desk) run first, as in loadDemoData.
  for (const seed of foundationSeeders) await seed({ prisma: db.prisma, now });
  await seedAdminConsole({ prisma: db.prisma, now });
  const desk = await db.prisma.channelIdentity.findUniqueOrThrow({ where: { channel_externalId: { channel: 'http', externalId: 'duty-desk' } } });
  const admin = await db.prisma.staffAccount.findUniqueOrThrow({ where: { username: 'admin' } });
  expect(admin.role).toBe('admin');
  expect(admin.residentId).toBe(desk.residentId);
  const accounts = new StaffAccounts(db.prisma, { maxFailedLogins: 5, lockoutMinutes: 15, clock: () => new Date() });
  expect(DEMO_ADMIN_PASSWORD).toBe('linli-demo');
  expect((await accounts.authenticate('admin', 'linli-demo')).ok).toBe(true);
  const hub = await accounts.authenticate('hub', 'linli-demo');
  expect(hub.ok && hub.account.role).toBe('hub_staff');
});
