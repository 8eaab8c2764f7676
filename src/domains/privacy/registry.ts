/**
 * The personal-data erasers: one function per domain that deletes or anonymises a resident's
 * personal data in that domain's tables, keeping what aggregate statistics need. The privacy
 * flow (“删除我的信息”) calls every registered eraser in one go. A domain joins with one line:
 *
 * ```ts
 * registerPersonalDataEraser('jobs', eraseJobsPersonalData);
 * ```
 */
import type { PrismaClient } from '../../generated/prisma/client.js';

/**
 * Deletes or anonymises one resident's personal data in one domain. Must be idempotent (a
 * second run changes nothing) and must not delete rows that statistics count. May return a
 * count of rows touched (recorded in the audit entry).
 */
export type PersonalDataEraser = (prisma: PrismaClient, residentId: number) => Promise<unknown>;

const erasers = new Map<string, PersonalDataEraser>();

/**
 * Register (or replace) the eraser of a domain. Registering the same name again replaces the
 * earlier function, so an app built twice in one process (tests) keeps one eraser per name.
 *
 * ```ts
 * registerPersonalDataEraser('hazards', eraseHazardsPersonalData);
 * ```
 */
export function registerPersonalDataEraser(name: string, eraser: PersonalDataEraser): void {
  erasers.set(name, eraser);
}

/** The registered erasers, in registration order. */
export function personalDataErasers(): ReadonlyArray<readonly [string, PersonalDataEraser]> {
  return [...erasers];
}
