/**
 * Console sessions. The browser holds a random 32-byte token in an HttpOnly cookie; the
 * database holds only its SHA-256, so a leaked database gives no usable session. Each session
 * has its own CSRF token. Expiry slides: every request moves it ADMIN_SESSION_HOURS ahead.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { PrismaClient } from '../generated/prisma/client.js';

/** A live session and its account. */
export interface SessionInfo {
  id: number;
  accountId: number;
  csrfToken: string;
  expiresAt: Date;
}

/** SHA-256 of a session token, hex. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** A new random token (32 bytes, base64url). */
export const newToken = (): string => randomBytes(32).toString('base64url');

/**
 * Compare a submitted token with the expected one in constant time; false for a missing or
 * differently sized one.
 */
export function tokensMatch(expected: string, submitted: string | null | undefined): boolean {
  if (typeof submitted !== 'string' || submitted === '') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(submitted);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The session table.
 *
 * ```ts
 * const sessions = new AdminSessions(prisma, { hours: 8, clock: () => new Date() });
 * const { token } = await sessions.create(account.id); // put `token` in the cookie
 * const session = await sessions.resume(token);       // null when unknown or expired
 * ```
 */
export class AdminSessions {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly options: { hours: number; clock: () => Date },
  ) {}

  private expiry(now: Date): Date {
    return new Date(now.getTime() + this.options.hours * 3_600_000);
  }

  /** Start a session; returns the token for the cookie (never stored). */
  async create(accountId: number): Promise<{ token: string; session: SessionInfo }> {
    const token = newToken();
    const now = this.options.clock();
    const row = await this.prisma.adminSession.create({
      data: { tokenHash: hashToken(token), accountId, csrfToken: newToken(), createdAt: now, lastSeenAt: now, expiresAt: this.expiry(now) },
    });
    return { token, session: { id: row.id, accountId, csrfToken: row.csrfToken, expiresAt: row.expiresAt } };
  }

  /**
   * The session of a cookie token, its expiry moved ahead; null (and the row deleted) when it
   * has expired, null when unknown.
   */
  async resume(token: string): Promise<SessionInfo | null> {
    const row = await this.prisma.adminSession.findUnique({ where: { tokenHash: hashToken(token) } });
    if (!row) return null;
    const now = this.options.clock();
    if (row.expiresAt <= now) {
      await this.prisma.adminSession.deleteMany({ where: { id: row.id } });
      return null;
    }
    const expiresAt = this.expiry(now);
    await this.prisma.adminSession.update({ where: { id: row.id }, data: { lastSeenAt: now, expiresAt } });
    return { id: row.id, accountId: row.accountId, csrfToken: row.csrfToken, expiresAt };
  }

  /** End a session (logout). */
  async end(id: number): Promise<void> {
    await this.prisma.adminSession.deleteMany({ where: { id } });
  }

  /** Delete expired sessions; returns how many. */
  async sweep(): Promise<number> {
    const { count } = await this.prisma.adminSession.deleteMany({ where: { expiresAt: { lte: this.options.clock() } } });
    return count;
  }
}
