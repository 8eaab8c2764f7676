/**
 * Shared set-up of the jobs tests: a fresh migrated database in a temp folder, a vault, and
 * the demo postings loaded at the demo file's reference day.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from '../../../src/db/client.js';
import { demoRecords } from '../../../src/domains/jobs/demo.js';
import { JOBS_DEMO_REFERENCE } from '../../../src/domains/jobs/demo-reference.js';
import { JobsService } from '../../../src/domains/jobs/service.js';
import { PiiVault } from '../../../src/privacy/vault.js';

/** The demo file's reference instant: searches at this time see the file as written. */
export const REFERENCE = new Date(JOBS_DEMO_REFERENCE);

export interface TestDb {
  db: Database;
  prisma: Database['prisma'];
  vault: PiiVault;
  dir: string;
  close(): Promise<void>;
}

/** A new empty (migrated) database. */
export async function openTestDb(): Promise<TestDb> {
  const dir = mkdtempSync(join(tmpdir(), 'linli-jobs-'));
  const db = await openDatabase({ url: `file:${join(dir, 'jobs.db')}` });
  return {
    db,
    prisma: db.prisma,
    vault: new PiiVault(randomBytes(32)),
    dir,
    async close() {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Load seed/jobs-demo.csv as the demo seeder does, at `now` (default: the reference day). */
export async function loadDemoPostings(prisma: Database['prisma'], now = REFERENCE) {
  return new JobsService(prisma).importPostings(demoRecords(now), now, { source: 'demo' });
}

/** A resident row, for services that need one. */
export async function makeResident(prisma: Database['prisma'], name: string, now = REFERENCE, village: string | null = null): Promise<number> {
  const r = await prisma.resident.create({ data: { displayName: name, village, createdAt: now, updatedAt: now } });
  return r.id;
}
