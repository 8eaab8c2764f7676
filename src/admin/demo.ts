/**
 * Demo console accounts, created only with the demo data (DEMO_DATA, empty database):
 * `admin` (街道管理员, linked to the duty desk's chat) and `hub` (零工之家), both with the
 * demo password printed in the README. Never use them in production.
 */
import type { DemoSeeder } from '../demo/seed.js';
import { StaffAccounts } from './accounts.js';

/** The demo accounts' password (README: "Admin console"). */
export const DEMO_ADMIN_PASSWORD = 'linli-demo';

/**
 * Seed the demo console accounts. Runs after the duty desk's seeder, whose chat identity
 * (`http:duty-desk`) the admin account is linked to for notifications.
 *
 * ```ts
 * export const demoSeeders: DemoSeeder[] = [seedDutyDesk, seedAdminConsole];
 * ```
 */
export const seedAdminConsole: DemoSeeder = async ({ prisma, now }) => {
  const accounts = new StaffAccounts(prisma, { maxFailedLogins: 5, lockoutMinutes: 15, clock: () => now });
  const desk = await prisma.channelIdentity.findUnique({ where: { channel_externalId: { channel: 'http', externalId: 'duty-desk' } } });
  await accounts.create(
    { username: 'admin', password: DEMO_ADMIN_PASSWORD, role: 'admin', displayName: '街道值班室', residentId: desk?.residentId ?? null },
    'demo',
  );
  await accounts.create({ username: 'hub', password: DEMO_ADMIN_PASSWORD, role: 'hub_staff', displayName: '零工之家' }, 'demo');
};
