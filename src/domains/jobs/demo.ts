/**
 * Demo data of the gig-work hub: a hub staff account (HTTP user `hub-staff`, who receives
 * applications and labour-rights cases) and the postings of seed/jobs-demo.csv, their dates
 * moved so that the file's reference day is today.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DemoSeeder } from '../../demo/seed.js';
import { shanghaiDate } from '../../nlu/entities/shanghai-time.js';
import { JOBS_DEMO_REFERENCE } from './demo-reference.js';
import { readPostingsFile } from './import-file.js';
import { JobsService, type ImportRecord } from './service.js';

/** The hub staff's HTTP user id: read their notifications at GET /api/users/hub-staff/inbox. */
export const HUB_STAFF_USER = 'hub-staff';

/** Where the demo postings live in a checkout. */
export const JOBS_DEMO_FILE = fileURLToPath(new URL('../../../seed/jobs-demo.csv', import.meta.url));

const DAY = 86_400_000;
const DATE_COLUMNS = ['发布日期', '有效期至'];

/**
 * The demo file's records with every date moved by whole days so that its reference day
 * ({@link JOBS_DEMO_REFERENCE}) falls on `now`'s day.
 */
export function demoRecords(now: Date): ImportRecord[] {
  const { records } = readPostingsFile(readFileSync(JOBS_DEMO_FILE), JOBS_DEMO_FILE);
  const ref = new Date(`${shanghaiDate(new Date(JOBS_DEMO_REFERENCE))}T00:00:00+08:00`).getTime();
  const today = new Date(`${shanghaiDate(now)}T00:00:00+08:00`).getTime();
  const shift = Math.round((today - ref) / DAY);
  return records.map(({ line, record }) => {
    const moved = { ...record };
    for (const column of DATE_COLUMNS) {
      const value = String(moved[column] ?? '');
      if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
        moved[column] = new Date(new Date(`${value}T00:00:00Z`).getTime() + shift * DAY).toISOString().slice(0, 10);
      }
    }
    return { line, record: moved };
  });
}

/** The jobs demo seeder, for `demoSeeders` in src/demo/seed.ts. */
export const seedJobsDemo: DemoSeeder = async ({ prisma, now }) => {
  await prisma.resident.create({
    data: {
      displayName: '零工之家工作人员',
      role: 'hub_staff',
      createdAt: now,
      updatedAt: now,
      identities: { create: { channel: 'http', externalId: HUB_STAFF_USER, createdAt: now, lastSeenAt: now } },
    },
  });
  await new JobsService(prisma).importPostings(demoRecords(now), now, { source: 'demo', actor: 'demo' });
};
