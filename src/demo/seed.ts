/**
 * Demo data, loaded into an empty database so a newcomer can try every service at once.
 * Each domain adds its own seeder when it registers (`DomainDeps.addDemoData`); the foundation's seeds the duty desk,
 * the office account that receives hand-over requests and feedback.
 */
import type { PrismaClient } from '../generated/prisma/client.js';

/** The duty desk's HTTP user id: read its notifications at GET /api/users/duty-desk/inbox. */
export const DUTY_DESK_USER = 'duty-desk';

export interface DemoContext {
  prisma: PrismaClient;
  now: Date;
}

/** A domain's demo data loader. */
export type DemoSeeder = (ctx: DemoContext) => Promise<void>;

const seedDutyDesk: DemoSeeder = async ({ prisma, now }) => {
  await prisma.resident.create({
    data: {
      displayName: '街道值班室',
      role: 'admin',
      createdAt: now,
      updatedAt: now,
      identities: { create: { channel: 'http', externalId: DUTY_DESK_USER, createdAt: now, lastSeenAt: now } },
    },
  });
};

/** The foundation's demo seeders; domains add theirs when they register (`DomainDeps.addDemoData`). */
export const foundationSeeders: DemoSeeder[] = [seedDutyDesk];

/**
 * Load the demo data when the database has no residents yet.
 * @returns true when it loaded, false when the database already had data.
 */
export async function loadDemoData(prisma: PrismaClient, seeders: readonly DemoSeeder[], now = new Date()): Promise<boolean> {
  if ((await prisma.resident.count()) > 0) return false;
  for (const seed of seeders) await seed({ prisma, now });
  return true;
}
