/**
 * Password hashing for staff accounts: argon2id with OWASP's minimum parameters (19 MiB,
 * 2 iterations, 1 lane) — strong enough for a login form and cheap enough for a 2-core box.
 */
import argon2 from 'argon2';

const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** The shortest password accepted. */
export const MIN_PASSWORD_LENGTH = 8;

/**
 * Hash a password (PHC string with salt and parameters).
 *
 * ```ts
 * const hash = await hashPassword('linli-demo'); // '$argon2id$v=19$m=19456,t=2,p=1$…'
 * ```
 */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

/** Check a password against a stored hash; false (never a throw) for a malformed hash. */
export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | null = null;

/**
 * Spend the time a real verification would, for a username that does not exist, so the
 * answer's timing does not tell which usernames do.
 */
export async function verifyNothing(password: string): Promise<false> {
  dummy ??= hashPassword('linli-no-such-account');
  await verifyPassword(await dummy, password);
  return false;
}
