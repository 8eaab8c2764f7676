/**
 * The insurance policy data file (seed/insurance-policy.json, `INSURANCE_POLICY_FILE`): one
 * entry per coverage year with contributions, subsidised categories, the enrolment window,
 * payment channels, materials, rules and a reimbursement overview. Validated with zod at
 * start-up so a typo stops the bot with a message naming the field, never on a resident's
 * question. Admins edit it for next year by copying the last entry.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ageOn } from '../../nlu/entities/idNumber.js';
import { placeById } from '../../nlu/entities/places.js';
import { shanghaiDate } from '../../nlu/entities/shanghai-time.js';

const text = z.string().trim().min(1, 'must not be empty');
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD');
const money = z.number({ error: 'must be a number of yuan' }).int('must be whole yuan').min(0, 'must not be negative');

const windowSchema = z
  .object({ start: day, end: day })
  .strict()
  .refine((w) => w.start <= w.end, { message: 'end must not be before start', path: ['end'] });

const categorySchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be a lowercase id such as "dibao"'),
    label: text,
    /** Words residents use for it (低保户, 五保…). */
    aliases: z.array(text).default([]),
    /** Share of the contribution the government pays: 100 = free for the resident. */
    subsidyPercent: z.number().int().min(1).max(100),
    /** The proof to bring. */
    proof: text,
    note: z.string().optional(),
  })
  .strict();

const yearSchema = z
  .object({
    coverageYear: z.number().int().min(2000).max(2100),
    label: text,
    enrolment: windowSchema,
    coverage: windowSchema,
    contributions: z
      .object({ adult: z.object({ label: text, amount: money }).strict(), minor: z.object({ label: text, amount: money }).strict() })
      .strict(),
    governmentSubsidyPerPerson: money,
    subsidisedCategories: z.array(categorySchema).min(1),
    paymentChannels: z.array(z.object({ name: text, how: text }).strict()).min(1),
    materials: z.array(text).min(1),
    rules: z.object({ newborn: text, student: text, nonLocal: text, lapsed: text }).strict(),
    reimbursement: z.object({ outpatient: text, inpatient: text, seriousIllness: text, note: text }).strict(),
    /** People expected to enrol, per village or community id (seed/places.json). */
    targetPopulation: z.record(z.string(), z.number().int().min(0)),
  })
  .strict();

const policyFileSchema = z
  .object({
    $comment: z.string().optional(),
    /** True while the figures are demo values the office has not confirmed. */
    demo: z.boolean(),
    /** Said under answers with figures (e.g. “以当年公布为准”). */
    notice: text,
    office: z.object({ name: text, hours: text }).strict(),
    years: z.array(yearSchema).min(1),
  })
  .strict()
  .superRefine((file, ctx) => {
    const seen = new Set<number>();
    file.years.forEach((y, i) => {
      if (seen.has(y.coverageYear)) {
        ctx.addIssue({ code: 'custom', path: ['years', i, 'coverageYear'], message: `duplicate coverage year ${y.coverageYear}` });
      }
      seen.add(y.coverageYear);
      const ids = new Set<string>();
      y.subsidisedCategories.forEach((c, j) => {
        if (ids.has(c.id) || c.id === NO_SUBSIDY) {
          ctx.addIssue({ code: 'custom', path: ['years', i, 'subsidisedCategories', j, 'id'], message: `duplicate or reserved id "${c.id}"` });
        }
        ids.add(c.id);
      });
      for (const village of Object.keys(y.targetPopulation)) {
        if (!placeById(village)) {
          ctx.addIssue({ code: 'custom', path: ['years', i, 'targetPopulation', village], message: `"${village}" is not a place id in seed/places.json` });
        }
      }
    });
  });

/** The category id of residents who pay the full contribution. */
export const NO_SUBSIDY = 'none';

/** One coverage year of the policy file. */
export type PolicyYear = z.output<typeof yearSchema>;
/** A subsidised category (低保, 特困…). */
export type SubsidisedCategory = PolicyYear['subsidisedCategories'][number];
/** The whole policy file. */
export type PolicyFile = z.output<typeof policyFileSchema>;
/** Age groups, derived from the birth date: minors pay the minor rate, adults and seniors the adult rate. */
export type AgeGroup = 'minor' | 'adult' | 'senior';

/** Raised when the policy file is missing, not JSON or does not validate. */
export class PolicyFileError extends Error {}

/**
 * Validate the parsed contents of a policy file.
 *
 * ```ts
 * parsePolicy(JSON.parse(raw), 'seed/insurance-policy.json');
 * // PolicyFileError: insurance policy file seed/insurance-policy.json is invalid:
 * // ✖ must be a number of yuan
 * //   → at years[0].contributions.adult.amount
 * ```
 * @throws {PolicyFileError} naming the file and every field that is wrong
 */
export function parsePolicy(data: unknown, source = 'insurance policy file'): InsurancePolicy {
  const result = policyFileSchema.safeParse(data);
  if (!result.success) {
    throw new PolicyFileError(`insurance policy file ${source} is invalid:\n${z.prettifyError(result.error)}`);
  }
  return new InsurancePolicy(result.data);
}

/**
 * Read and validate the policy file.
 *
 * ```ts
 * const policy = loadPolicy(config.INSURANCE_POLICY_FILE);
 * ```
 * @throws {PolicyFileError} when the file cannot be read, is not JSON or is invalid
 */
export function loadPolicy(file: string): InsurancePolicy {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new PolicyFileError(`cannot read insurance policy file ${file}: ${(err as Error).message}`);
  }
  return parsePolicy(data, file);
}

/**
 * The validated policy with the questions the domain asks of it.
 *
 * ```ts
 * const year = policy.enrolmentYear(new Date()); // the coverage year residents enrol for now
 * policy.personalShare(year, 'adult', 'dibian'); // 325
 * ```
 */
export class InsurancePolicy {
  constructor(readonly file: PolicyFile) {}

  /** Every coverage year, newest first. */
  get years(): PolicyYear[] {
    return [...this.file.years].sort((a, b) => b.coverageYear - a.coverageYear);
  }

  /** The entry of a coverage year, if the file has one. */
  year(coverageYear: number): PolicyYear | undefined {
    return this.file.years.find((y) => y.coverageYear === coverageYear);
  }

  /**
   * The coverage year residents enrol for at `now`: the one whose enrolment window is open;
   * otherwise the next window to open; otherwise the newest year in the file.
   */
  enrolmentYear(now: Date): PolicyYear {
    const today = shanghaiDate(now);
    const open = this.years.find((y) => y.enrolment.start <= today && today <= y.enrolment.end);
    if (open) return open;
    const upcoming = this.years.filter((y) => y.enrolment.start > today).sort((a, b) => a.enrolment.start.localeCompare(b.enrolment.start));
    return upcoming[0] ?? this.years[0]!;
  }

  /** Whether the enrolment window of `year` is open at `now`, not yet open, or closed. */
  windowState(year: PolicyYear, now: Date): 'open' | 'before' | 'after' {
    const today = shanghaiDate(now);
    if (today < year.enrolment.start) return 'before';
    return today > year.enrolment.end ? 'after' : 'open';
  }

  /** A subsidised category by id (undefined for {@link NO_SUBSIDY} or an unknown id). */
  category(year: PolicyYear, id: string): SubsidisedCategory | undefined {
    return year.subsidisedCategories.find((c) => c.id === id);
  }

  /** The full contribution for an age group. */
  contribution(year: PolicyYear, group: AgeGroup): number {
    return group === 'minor' ? year.contributions.minor.amount : year.contributions.adult.amount;
  }

  /** What the person pays after the category's subsidy (whole yuan, rounded). */
  personalShare(year: PolicyYear, group: AgeGroup, categoryId: string): number {
    const full = this.contribution(year, group);
    const category = this.category(year, categoryId);
    return category ? Math.round((full * (100 - category.subsidyPercent)) / 100) : full;
  }
}

/**
 * The age group for a birth date in a coverage year, by age on the first day of coverage:
 * under 18 a minor, 60 and over a senior.
 *
 * ```ts
 * ageGroupFor('2015-06-01', '2027-01-01'); // 'minor'
 * ```
 */
export function ageGroupFor(birthDate: string, coverageStart: string): { group: AgeGroup; age: number } {
  const age = Math.max(0, ageOn(birthDate, coverageStart));
  return { group: age < 18 ? 'minor' : age >= 60 ? 'senior' : 'adult', age };
}
