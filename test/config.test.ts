import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import { OfficeHoursSchema, isOfficeOpen } from '../src/domains/general/office-hours.js';

describe('configuration', () => {
  it('has defaults for everything', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 3000, HOST: '127.0.0.1', DATABASE_URL: 'file:./data/linli.db', NLU_CLASSIFIER: 'ngram' });
    expect(config.CHANNELS).toBeUndefined();
  });

  it('fails naming each bad variable and what is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty', CHANNELS: 'http,fax', PII_KEY: 'short' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'eighty', CHANNELS: 'http,fax', PII_KEY: 'short' });
    } catch (err) {
      const message = (err as Error).message;
      expect(message).toContain('PORT');
      expect(message).toContain('CHANNELS: unknown channel "fax"');
      expect(message).toContain('PII_KEY: must be 64 hex characters');
    }
  });

  it('parses office hours and tells whether the office is open (Asia/Shanghai)', () => {
    const hours = OfficeHoursSchema.parse('1-5 08:30-12:00,14:30-17:30');
    expect(hours.label).toBe('周一至周五 8:30-12:00、14:30-17:30');
    expect(isOfficeOpen(hours, new Date('2026-11-30T02:00:00Z'))).toBe(true); // Mon 10:00
    expect(isOfficeOpen(hours, new Date('2026-11-30T05:00:00Z'))).toBe(false); // Mon 13:00
    expect(isOfficeOpen(hours, new Date('2026-11-29T02:00:00Z'))).toBe(false); // Sun 10:00
    expect(() => OfficeHoursSchema.parse('weekdays 9-5')).toThrow(/expected e.g./);
  });
});
