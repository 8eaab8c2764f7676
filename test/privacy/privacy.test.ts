import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { maskText } from '../../src/privacy/mask.js';
import { PiiVault } from '../../src/privacy/vault.js';
import { memoryLog } from '../helpers/app.js';

describe('PII vault', () => {
  const vault = new PiiVault(randomBytes(32));

  it('round-trips and never stores the plain value', () => {
    const stored = vault.encrypt('330802199001011234');
    expect(stored).not.toContain('330802199001011234');
    expect(vault.decrypt(stored)).toBe('330802199001011234');
    expect(vault.encrypt('330802199001011234')).not.toBe(stored); // random IV
  });

  it('finds a value by keyed hash without decrypting', () => {
    expect(vault.lookupHash('13812345678')).toBe(vault.lookupHash('13812345678'));
    expect(vault.lookupHash('13812345678')).not.toBe(new PiiVault(randomBytes(32)).lookupHash('13812345678'));
  });

  it('refuses a tampered value or another key', () => {
    const stored = vault.encrypt('13812345678');
    const tampered = stored.slice(0, -2) + (stored.endsWith('A') ? 'B' : 'A') + stored.slice(-1);
    expect(() => vault.decrypt(tampered)).toThrow();
    expect(() => new PiiVault(randomBytes(32)).decrypt(stored)).toThrow();
  });
});

describe('masking', () => {
  it('masks ID numbers and phones in free text', () => {
    expect(maskText('电话13812345678，身份证33080219900101123X')).toBe('电话138****5678，身份证3308**********123X');
    expect(maskText('订单号 123456789012345678901234')).toBe('订单号 123456789012345678901234');
  });

  it('masks personal data in every log line, messages and fields alike', () => {
    const { log, raw } = memoryLog();
    log.info({ phone: '13812345678', nested: { text: '我的身份证是330802199001011234' } }, '联系 13912345678');
    log.error({ err: new Error('bad id 330802199001011234') }, 'failed');
    const all = raw.join('\n');
    expect(all).not.toMatch(/13812345678|13912345678|330802199001011234/);
    expect(all).toContain('138****5678');
    expect(all).toContain('3308**********1234');
  });
});
