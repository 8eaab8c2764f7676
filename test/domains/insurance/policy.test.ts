import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPolicy, parsePolicy, PolicyFileError } from '../../../src/domains/insurance/policy.js';
import { startInsuranceApp } from './helpers.js';

const shipped = () => JSON.parse(readFileSync('seed/insurance-policy.json', 'utf8'));

describe('the insurance policy file', () => {
  it('ships 2027 (enrolment in 2026) and 2026 coverage, marked as demo values', () => {
    const policy = loadPolicy('seed/insurance-policy.json');
    expect(policy.years.map((y) => y.coverageYear)).toEqual([2027, 2026]);
    expect(policy.file.demo).toBe(true);
    expect(policy.file.$comment).toContain('演示数据');
    const y2027 = policy.year(2027)!;
    expect(y2027.enrolment).toEqual({ start: '2026-09-01', end: '2026-12-31' });
    expect(y2027.subsidisedCategories.map((c) => c.id)).toEqual(['tekun', 'dibao', 'dibian', 'disabled', 'other']);
    expect(y2027.paymentChannels.map((c) => c.name)).toEqual(expect.arrayContaining(['浙里办', '支付宝', '银行', '村社代收']));
  });

  it('knows which coverage year residents enrol for, and what each pays', () => {
    const policy = loadPolicy('seed/insurance-policy.json');
    expect(policy.enrolmentYear(new Date('2026-11-29T10:00:00+08:00')).coverageYear).toBe(2027);
    expect(policy.enrolmentYear(new Date('2025-10-01T10:00:00+08:00')).coverageYear).toBe(2026);
    // Between windows the next one to open; after the last one the newest year.
    expect(policy.enrolmentYear(new Date('2026-03-01T10:00:00+08:00')).coverageYear).toBe(2027);
    expect(policy.enrolmentYear(new Date('2027-03-01T10:00:00+08:00')).coverageYear).toBe(2027);
    const y = policy.year(2027)!;
    expect(policy.personalShare(y, 'adult', 'none')).toBe(650);
    expect(policy.personalShare(y, 'senior', 'dibian')).toBe(325);
    expect(policy.personalShare(y, 'minor', 'dibao')).toBe(0);
    // The deadline day itself is inside the window (Shanghai calendar).
    expect(policy.windowState(y, new Date('2026-12-31T23:30:00+08:00'))).toBe('open');
    expect(policy.windowState(y, new Date('2027-01-01T00:10:00+08:00'))).toBe('after');
  });

  it.each([
    ['an amount written as text', (d: any) => (d.years[0].contributions.adult.amount = '650元'), 'years[0].contributions.adult.amount', 'must be a number of yuan'],
    ['a deadline before the start', (d: any) => (d.years[1].enrolment.end = '2025-08-01'), 'years[1].enrolment.end', 'end must not be before start'],
    ['a date in another format', (d: any) => (d.years[0].enrolment.start = '2026/9/1'), 'years[0].enrolment.start', 'YYYY-MM-DD'],
    ['a village that does not exist', (d: any) => (d.years[0].targetPopulation.atlantis = 5), 'years[0].targetPopulation.atlantis', 'not a place id'],
    ['a missing rule', (d: any) => delete d.years[0].rules.newborn, 'years[0].rules.newborn', ''],
    ['a misspelt field', (d: any) => (d.years[0].materails = []), 'years[0]', 'materails'],
    ['a subsidy over 100%', (d: any) => (d.years[0].subsidisedCategories[0].subsidyPercent = 120), 'years[0].subsidisedCategories[0].subsidyPercent', ''],
    ['the same year twice', (d: any) => (d.years[1].coverageYear = 2027), 'years[1].coverageYear', 'duplicate coverage year 2027'],
  ])('rejects %s with an error naming the field', (_case, spoil, path, words) => {
    const data = shipped();
    spoil(data);
    let error: unknown;
    try {
      parsePolicy(data, 'policy.json');
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(PolicyFileError);
    const message = (error as Error).message;
    expect(message).toContain('insurance policy file policy.json is invalid');
    expect(message).toContain(`at ${path}`);
    expect(message).toContain(words);
  });

  it('stops the start-up when the configured file is malformed or missing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linli-policy-'));
    try {
      const bad = shipped();
      bad.years[0].contributions.minor.amount = -5;
      writeFileSync(join(dir, 'policy.json'), JSON.stringify(bad));
      await expect(startInsuranceApp({ INSURANCE_POLICY_FILE: join(dir, 'policy.json') })).rejects.toThrow(
        /years\[0\]\.contributions\.minor\.amount/,
      );
      writeFileSync(join(dir, 'broken.json'), '{ "years": [');
      await expect(startInsuranceApp({ INSURANCE_POLICY_FILE: join(dir, 'broken.json') })).rejects.toThrow(/cannot read insurance policy file .*broken\.json/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
