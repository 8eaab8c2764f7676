/**
 * Staff accounts of the console: creation, listing, disabling, and login with lockout after
 * repeated failures. Used by the console and the admin CLI alike; every change and every login
 * attempt leaves an audit row (never with the password).
 */
import type { PrismaClient } from '../generated/prisma/client.js';
import { consoleActor, writeAudit } from './audit.js';
import { hashPassword, MIN_PASSWORD_LENGTH, verifyNothing, verifyPassword } from './passwords.js';
import { isStaffRole, STAFF_ROLES, type StaffRole } from './roles.js';

/** A username: 2–32 of a-z 0-9 . _ - (stored lower-case). */
export const USERNAME_PATTERN = /^[a-z0-9._-]{2,32}$/;

/** A staff account as the console and the CLI show it (no hash). */
export interface StaffAccountView {
  id: number;
  username: string;
  role: StaffRole;
  displayName: string;
  residentId: number | null;
  gridId: string | null;
  createdAt: Date;
  lastLoginAt: Date | null;
  disabledAt: Date | null;
  lockedUntil: Date | null;
}

/** What a new account needs. */
export interface NewStaffAccount {
  username: string;
  password: string;
  role: string;
  displayName: string;
  residentId?: number | null;
  gridId?: string | null;
}

/** A request the account rules refuse; `message` says why, for the CLI or a form. */
export class StaffAccountError extends Error {
  override name = 'StaffAccountError';
  constructor(
    readonly code: 'invalid_username' | 'weak_password' | 'invalid_role' | 'grid_required' | 'grid_not_allowed' | 'duplicate' | 'not_found' | 'invalid_name',
    message: string,
  ) {
    super(message);
  }
}

/** The outcome of a login attempt. `invalid` is the same for unknown users and wrong passwords. */
export type LoginResult =
  | { ok: true; account: StaffAccountView }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'locked'; minutes: number };

export interface StaffAccountsOptions {
  maxFailedLogins: number;
  lockoutMinutes: number;
  clock: () => Date;
}

type Row = Awaited<ReturnType<PrismaClient['staffAccount']['findUniqueOrThrow']>>;

function view(row: Row): StaffAccountView {
  return {
    id: row.id,
    username: row.username,
    role: isStaffRole(row.role) ? row.role : 'hub_staff',
    displayName: row.displayName,
    residentId: row.residentId,
    gridId: row.gridId,
    createdAt: row.createdAt,
    lastLoginAt: row.lastLoginAt,
    disabledAt: row.disabledAt,
    lockedUntil: row.lockedUntil,
  };
}

/**
 * Check and normalise an account's fields (all but the password), so the CLI can refuse a
 * bad role before asking for a password.
 * @throws {StaffAccountError}
 */
export function checkAccountFields(input: Omit<NewStaffAccount, 'password'>): { username: string; displayName: string; gridId: string | null } {
  const username = input.username.trim().toLowerCase();
  if (!USERNAME_PATTERN.test(username)) {
    throw new StaffAccountError('invalid_username', 'username must be 2-32 characters of a-z, 0-9, ".", "_" or "-"');
  }
  if (!isStaffRole(input.role)) throw new StaffAccountError('invalid_role', `role must be one of: ${STAFF_ROLES.join(', ')}`);
  const displayName = input.displayName.trim();
  if (displayName === '' || displayName.length > 40) throw new StaffAccountError('invalid_name', 'name must be 1-40 characters');
  const gridId = input.gridId?.trim() || null;
  if (input.role === 'grid_worker' && !gridId) throw new StaffAccountError('grid_required', 'a grid_worker needs --grid <grid id>');
  if (input.role !== 'grid_worker' && gridId) throw new StaffAccountError('grid_not_allowed', 'only a grid_worker has a grid');
  return { username, displayName, gridId };
}

/** Most unknown usernames tracked for lockout at once (a flood of made-up names cannot grow memory). */
const MAX_TRACKED_UNKNOWN = 10_000;

/**
 * Staff accounts.
 *
 * ```ts
 * const accounts = new StaffAccounts(prisma, { maxFailedLogins: 5, lockoutMinutes: 15, clock: () => new Date() });
 * await accounts.create({ username: 'wang', password: 's3cret-pass', role: 'hub_staff', displayName: '王芳' }, 'cli');
 * const result = await accounts.authenticate('wang', 's3cret-pass'); // { ok: true, account }
 * ```
 */
export class StaffAccounts {
  /**
   * Failures for usernames that do not exist, kept in memory so they lock exactly like real
   * ones: otherwise "locked" would tell an attacker which usernames exist.
   */
  private readonly unknown = new Map<string, { failures: number; lockedUntil: number }>();

  constructor(
    private readonly prisma: PrismaClient,
    private readonly options: StaffAccountsOptions,
  ) {}

  /**
   * Create an account.
   * @param actor who does it, for the audit log (`cli`, `console:<username>`, `demo`)
   * @throws {StaffAccountError} on an invalid username, role, grid or weak password, or a taken username.
   */
  async create(input: NewStaffAccount, actor: string): Promise<StaffAccountView> {
    const { username, displayName, gridId } = checkAccountFields(input);
    if (input.password.length < MIN_PASSWORD_LENGTH) {
      throw new StaffAccountError('weak_password', `password must be at least ${MIN_PASSWORD_LENGTH} characters`);
    }
    if (await this.prisma.staffAccount.findUnique({ where: { username } })) {
      throw new StaffAccountError('duplicate', `username "${username}" is taken`);
    }
    const now = this.options.clock();
    const row = await this.prisma.staffAccount.create({
      data: {
        username,
        passwordHash: await hashPassword(input.password),
        role: input.role,
        displayName,
        residentId: input.residentId ?? null,
        gridId,
        createdAt: now,
      },
    });
    const account = view(row);
    await writeAudit(this.prisma, {
      at: now,
      actor,
      action: 'staff.create',
      entity: 'staff_account',
      entityId: row.id,
      after: { username, role: row.role, displayName, residentId: row.residentId, gridId },
    });
    return account;
  }

  /** Every account, enabled first, then by username. */
  async list(): Promise<StaffAccountView[]> {
    const rows = await this.prisma.staffAccount.findMany({ orderBy: [{ username: 'asc' }] });
    return rows.map(view).sort((a, b) => Number(a.disabledAt !== null) - Number(b.disabledAt !== null));
  }

  /** The account with this id, when it exists and is enabled. */
  async active(id: number): Promise<StaffAccountView | null> {
    const row = await this.prisma.staffAccount.findUnique({ where: { id } });
    return row && !row.disabledAt ? view(row) : null;
  }

  /**
   * Disable an account: it can no longer log in and its sessions end at once.
   * @throws {StaffAccountError} `not_found` for an unknown username.
   * @returns false when it was already disabled.
   */
  async disable(username: string, actor: string): Promise<boolean> {
    const row = await this.prisma.staffAccount.findUnique({ where: { username: username.trim().toLowerCase() } });
    if (!row) throw new StaffAccountError('not_found', `no account "${username}"`);
    if (row.disabledAt) return false;
    const now = this.options.clock();
    await this.prisma.$transaction([
      this.prisma.staffAccount.update({ where: { id: row.id }, data: { disabledAt: now } }),
      this.prisma.adminSession.deleteMany({ where: { accountId: row.id } }),
    ]);
    await writeAudit(this.prisma, {
      at: now,
      actor,
      action: 'staff.disable',
      entity: 'staff_account',
      entityId: row.id,
      before: { disabledAt: null },
      after: { disabledAt: now.toISOString() },
    });
    return true;
  }

  /**
   * Check a login. After `maxFailedLogins` failures in a row the account is locked for
   * `lockoutMinutes`; while locked even the right password is refused. Writes an audit row
   * for each success, failure and lockout.
   */
  async authenticate(usernameInput: string, password: string): Promise<LoginResult> {
    const username = usernameInput.trim().toLowerCase().slice(0, 64);
    const now = this.options.clock();
    const row = USERNAME_PATTERN.test(username) ? await this.prisma.staffAccount.findUnique({ where: { username } }) : null;
    if (!row || row.disabledAt) return this.unknownUser(username, password, now);

    if (row.lockedUntil && row.lockedUntil > now) {
      await this.audit(now, 'staff.login.failure', row.id, username, { reason: 'locked' });
      return { ok: false, reason: 'locked', minutes: minutesLeft(row.lockedUntil, now) };
    }
    if (await verifyPassword(row.passwordHash, password)) {
      const updated = await this.prisma.staffAccount.update({
        where: { id: row.id },
        data: { failedLogins: 0, lockedUntil: null, lastLoginAt: now },
      });
      await this.audit(now, 'staff.login.success', row.id, username);
      return { ok: true, account: view(updated) };
    }
    const { failedLogins } = await this.prisma.staffAccount.update({
      where: { id: row.id },
      data: { failedLogins: { increment: 1 } },
      select: { failedLogins: true },
    });
    await this.audit(now, 'staff.login.failure', row.id, username, { reason: 'wrong_password', failedLogins });
    if (failedLogins < this.options.maxFailedLogins) return { ok: false, reason: 'invalid' };
    const lockedUntil = new Date(now.getTime() + this.options.lockoutMinutes * 60_000);
    await this.prisma.staffAccount.update({ where: { id: row.id }, data: { failedLogins: 0, lockedUntil } });
    await this.audit(now, 'staff.login.lockout', row.id, username, { lockedUntil: lockedUntil.toISOString() });
    return { ok: false, reason: 'locked', minutes: minutesLeft(lockedUntil, now) };
  }

  private async unknownUser(username: string, password: string, now: Date): Promise<LoginResult> {
    await verifyNothing(password);
    const t = now.getTime();
    const entry = this.unknown.get(username) ?? { failures: 0, lockedUntil: 0 };
    if (entry.lockedUntil > t) {
      await this.audit(now, 'staff.login.failure', null, username, { reason: 'locked' });
      return { ok: false, reason: 'locked', minutes: minutesLeft(new Date(entry.lockedUntil), now) };
    }
    entry.failures += 1;
    await this.audit(now, 'staff.login.failure', null, username, { reason: 'unknown_user' });
    if (entry.failures >= this.options.maxFailedLogins) {
      entry.failures = 0;
      entry.lockedUntil = t + this.options.lockoutMinutes * 60_000;
      await this.audit(now, 'staff.login.lockout', null, username, { lockedUntil: new Date(entry.lockedUntil).toISOString() });
    }
    if (!this.unknown.has(username) && this.unknown.size >= MAX_TRACKED_UNKNOWN) this.prune(t);
    this.unknown.set(username, entry);
    return entry.lockedUntil > t ? { ok: false, reason: 'locked', minutes: minutesLeft(new Date(entry.lockedUntil), now) } : { ok: false, reason: 'invalid' };
  }

  private prune(t: number): void {
    for (const [name, e] of this.unknown) if (e.lockedUntil <= t) this.unknown.delete(name);
    if (this.unknown.size >= MAX_TRACKED_UNKNOWN) this.unknown.clear();
  }

  private audit(at: Date, action: string, id: number | null, username: string, after: Record<string, unknown> = {}): Promise<void> {
    return writeAudit(this.prisma, { at, actor: consoleActor(username), action, entity: 'staff_account', entityId: id, after: { username, ...after } });
  }
}

function minutesLeft(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
}
