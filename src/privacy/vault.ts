/**
 * Encryption of personal data at rest (ID numbers, phones): AES-256-GCM with a random IV per
 * value, plus a keyed hash (HMAC-SHA256) so a value can be found without being stored in clear.
 * Both keys are derived (HKDF) from one 32-byte master key, so the lookup hash never reveals the
 * encryption key.
 *
 * ```ts
 * const vault = new PiiVault(masterKey);
 * const cipher = vault.encrypt('13812345678'); // 'v1:…'
 * vault.decrypt(cipher);                       // '13812345678'
 * vault.lookupHash('13812345678');             // same hex for the same value, always
 * ```
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { maskPhone } from './mask.js';

const VERSION = 'v1';

export class PiiVault {
  private readonly encKey: Buffer;
  private readonly macKey: Buffer;

  constructor(masterKey: Buffer) {
    if (masterKey.length !== 32) throw new Error('PII master key must be 32 bytes');
    this.encKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'linli-pii-encrypt', 32));
    this.macKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'linli-pii-lookup', 32));
  }

  /** Encrypt a value; the result is text safe to store. */
  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encKey, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
  }

  /**
   * Decrypt what {@link encrypt} produced.
   * @throws when the value was tampered with or encrypted under another key.
   */
  decrypt(stored: string): string {
    const [version, payload] = stored.split(':');
    if (version !== VERSION || !payload) throw new Error('not an encrypted value');
    const raw = Buffer.from(payload, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.encKey, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }

  /** A keyed hash for finding a value (e.g. an ID number) without storing it in clear. */
  lookupHash(plain: string): string {
    return createHmac('sha256', this.macKey).update(plain, 'utf8').digest('hex');
  }
}

/**
 * A phone as a record keeps it: encrypted, with a masked copy for display (both null when the
 * resident gave none).
 *
 * ```ts
 * await prisma.feedback.create({ data: { topic, content, ...storedPhone(vault, '13812345678') } });
 * ```
 */
export function storedPhone(vault: PiiVault, phone: string | null): { phoneCipher: string | null; phoneMasked: string | null } {
  return phone ? { phoneCipher: vault.encrypt(phone), phoneMasked: maskPhone(phone) } : { phoneCipher: null, phoneMasked: null };
}

/**
 * The app's vault, from its configuration: `PII_KEY`, or the development key under `DATA_DIR`.
 *
 * ```ts
 * const vault = openVault(config, log);
 * ```
 */
export function openVault(config: { PII_KEY?: string; DATA_DIR: string; NODE_ENV: string }, log: Logger): PiiVault {
  return new PiiVault(loadMasterKey({ configured: config.PII_KEY, dataDir: config.DATA_DIR, production: config.NODE_ENV === 'production', log }));
}

/**
 * The master key: from configuration (`PII_KEY`, 64 hex), or in development a key generated
 * once and kept in `<dataDir>/pii.key` (with a warning: production must configure its own and
 * back it up — data encrypted under a lost key cannot be read).
 */
export function loadMasterKey(options: { configured?: string; dataDir: string; production: boolean; log: Logger }): Buffer {
  if (options.configured) return Buffer.from(options.configured, 'hex');
  if (options.production) throw new Error('PII_KEY must be set in production (64 hex characters)');
  const file = join(options.dataDir, 'pii.key');
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
  mkdirSync(options.dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, key.toString('hex'), { mode: 0o600 });
  chmodSync(file, 0o600);
  options.log.warn({ file }, 'PII_KEY not set: generated a development key; set PII_KEY in production');
  return key;
}
