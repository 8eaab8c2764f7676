/**
 * Enrolment applications (参保登记): business rules over Prisma, no chat. Usable from the chat,
 * the admin console and the CLI. Names, ID numbers and phones are encrypted with the vault;
 * duplicates are found by the ID number's keyed hash; every status change writes an audit row
 * (ids and statuses only, never personal data) and tells the applicant through the notifier.
 */
import type { EnrolmentApplication, PrismaClient } from '../../generated/prisma/client.js';
import { checkIdNumber, type IdNumberProblem } from '../../nlu/entities/idNumber.js';
import { placeById } from '../../nlu/entities/places.js';
import { maskIdNumber, maskPhone } from '../../privacy/mask.js';
import type { PiiVault } from '../../privacy/vault.js';
import { ageGroupFor, NO_SUBSIDY, type InsurancePolicy } from './policy.js';

/** Application statuses. */
export type ApplicationStatus = 'submitted' | 'approved' | 'returned' | 'enrolled';

/** Statuses that block a second application for the same person and year. */
export const ACTIVE_STATUSES: readonly ApplicationStatus[] = ['submitted', 'approved', 'enrolled'];

/** Which status may follow which (staff transitions). */
const NEXT: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  submitted: ['approved', 'returned'],
  approved: ['enrolled', 'returned'],
  returned: [],
  enrolled: [],
};

/** The relations an applicant may have to the insured person. */
export const RELATIONS = ['本人', '配偶', '子女', '父母', '其他'] as const;

/** What happened to an application, for the notifier. */
export type ApplicationEvent = { kind: 'approved' | 'returned' | 'enrolled'; application: EnrolmentApplication; personalShare: number };

/** Tells the applicant about a change (the domain wires it to `bot.notify`). */
export type ApplicationNotifier = (residentId: number, event: ApplicationEvent) => Promise<unknown>;

/** A new application, in plain values (the service encrypts them). */
export interface NewApplication {
  residentId: number;
  relation: (typeof RELATIONS)[number];
  name: string;
  idNumber: string;
  /** Village or community id from seed/places.json. */
  village: string;
  /** A subsidised category id from the policy, or `none`. */
  category: string;
  phone: string | null;
  now: Date;
}

export type ApplyResult =
  | { ok: true; application: EnrolmentApplication; personalShare: number }
  | { ok: false; reason: 'duplicate'; existing: EnrolmentApplication }
  | { ok: false; reason: 'id_number'; problem: IdNumberProblem }
  | { ok: false; reason: 'village' | 'category' | 'relation' | 'name' };

export type TransitionResult =
  | { ok: true; application: EnrolmentApplication }
  | { ok: false; reason: 'not_found' | 'not_allowed' | 'reason_required' };

/**
 * Mask a name for display: the first and last characters stay (王*明, 欧阳**华, 李*).
 *
 * ```ts
 * maskName('王小明'); // '王*明'
 * ```
 */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars.at(-1)}`;
}

/** Names as on an ID card: 2–20 Chinese characters (with ·) or letters. */
export const NAME_PATTERN = /^(?:[\p{Script=Han}·]{2,20}|[A-Za-z][A-Za-z .'-]{1,39})$/u;

export class InsuranceService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly vault: PiiVault,
    readonly policy: InsurancePolicy,
    private readonly notifier: ApplicationNotifier = async () => {},
  ) {}

  /**
   * Create an application for the coverage year residents enrol for now. Refuses a second
   * active application for the same ID number and year, naming the existing one.
   *
   * ```ts
   * const r = await insurance.apply({ residentId: 1, relation: '子女', name: '王小明',
   *   idNumber: '330802201501011236', village: 'meijia', category: 'none', phone: null, now: new Date() });
   * if (!r.ok && r.reason === 'duplicate') console.log(r.existing.id);
   * ```
   */
  async apply(input: NewApplication): Promise<ApplyResult> {
    const year = this.policy.enrolmentYear(input.now);
    const checked = checkIdNumber(input.idNumber, { today: input.now });
    if (!checked.ok) return { ok: false, reason: 'id_number', problem: checked.reason };
    if (!RELATIONS.includes(input.relation)) return { ok: false, reason: 'relation' };
    if (!NAME_PATTERN.test(input.name.trim())) return { ok: false, reason: 'name' };
    if (!placeById(input.village)) return { ok: false, reason: 'village' };
    if (input.category !== NO_SUBSIDY && !this.policy.category(year, input.category)) return { ok: false, reason: 'category' };

    const id = checked.normalised;
    const idHash = this.vault.lookupHash(`id:${id}`);
    const { group } = ageGroupFor(checked.birthDate, year.coverage.start);
    const personalShare = this.policy.personalShare(year, group, input.category);
    return this.prisma.$transaction(async (tx) => {
      const existing = await tx.enrolmentApplication.findFirst({
        where: { idHash, coverageYear: year.coverageYear, status: { in: [...ACTIVE_STATUSES] } },
        orderBy: { id: 'asc' },
      });
      if (existing) return { ok: false as const, reason: 'duplicate' as const, existing };
      const application = await tx.enrolmentApplication.create({
        data: {
          residentId: input.residentId,
          coverageYear: year.coverageYear,
          relation: input.relation,
          nameCipher: this.vault.encrypt(input.name.trim()),
          nameMasked: maskName(input.name.trim()),
          idCipher: this.vault.encrypt(id),
          idHash,
          idMasked: maskIdNumber(id),
          ageGroup: group,
          village: input.village,
          category: input.category,
          phoneCipher: input.phone ? this.vault.encrypt(input.phone) : null,
          phoneHash: input.phone ? this.vault.lookupHash(`phone:${input.phone}`) : null,
          phoneMasked: input.phone ? maskPhone(input.phone) : null,
          status: 'submitted',
          createdAt: input.now,
          updatedAt: input.now,
        },
      });
      await tx.auditLog.create({
        data: {
          at: input.now,
          actor: `resident:${input.residentId}`,
          action: 'insurance.apply',
          entity: 'enrolment_application',
          entityId: String(application.id),
          after: JSON.stringify({ status: 'submitted', coverageYear: year.coverageYear, village: input.village, category: input.category }),
        },
      });
      return { ok: true as const, application, personalShare };
    });
  }

  /** The active application for an ID number in a coverage year, if any. */
  async findActive(idNumber: string, coverageYear: number): Promise<EnrolmentApplication | null> {
    const id = checkIdNumber(idNumber);
    const hash = this.vault.lookupHash(`id:${id.ok ? id.normalised : idNumber}`);
    return this.prisma.enrolmentApplication.findFirst({ where: { idHash: hash, coverageYear, status: { in: [...ACTIVE_STATUSES] } } });
  }

  /** A resident's applications (for themselves and family members), newest first. */
  async listForResident(residentId: number): Promise<EnrolmentApplication[]> {
    return this.prisma.enrolmentApplication.findMany({ where: { residentId }, orderBy: [{ coverageYear: 'desc' }, { id: 'desc' }] });
  }

  /** Applications by status, for the admin console's review queue. */
  async list(filter: { status?: ApplicationStatus; coverageYear?: number } = {}): Promise<EnrolmentApplication[]> {
    return this.prisma.enrolmentApplication.findMany({ where: filter, orderBy: { id: 'asc' } });
  }

  /**
   * The personal data of an application in clear, for staff reviewing it (admin console).
   * Never log the result.
   */
  async reveal(id: number): Promise<{ name: string; idNumber: string; phone: string | null } | null> {
    const a = await this.prisma.enrolmentApplication.findUnique({ where: { id } });
    if (!a || a.anonymisedAt) return null;
    return {
      name: this.vault.decrypt(a.nameCipher),
      idNumber: this.vault.decrypt(a.idCipher),
      phone: a.phoneCipher ? this.vault.decrypt(a.phoneCipher) : null,
    };
  }

  /**
   * Staff approve an application (submitted → approved).
   *
   * ```ts
   * await insurance.approve(12, 'staff:3', new Date());
   * ```
   */
  approve(id: number, actor: string, now: Date): Promise<TransitionResult> {
    return this.transition(id, 'approved', actor, now);
  }

  /** Staff return an application with the reason the resident reads (submitted|approved → returned). */
  returnApplication(id: number, reason: string, actor: string, now: Date): Promise<TransitionResult> {
    if (reason.trim().length === 0) return Promise.resolve({ ok: false, reason: 'reason_required' });
    return this.transition(id, 'returned', actor, now, reason.trim().slice(0, 200));
  }

  /** Staff record the person as enrolled once paid (approved → enrolled). */
  markEnrolled(id: number, actor: string, now: Date): Promise<TransitionResult> {
    return this.transition(id, 'enrolled', actor, now);
  }

  private async transition(id: number, to: ApplicationStatus, actor: string, now: Date, returnReason?: string): Promise<TransitionResult> {
    const result = await this.prisma.$transaction(async (tx) => {
      const before = await tx.enrolmentApplication.findUnique({ where: { id } });
      if (!before) return { ok: false as const, reason: 'not_found' as const };
      if (!NEXT[before.status as ApplicationStatus]?.includes(to)) return { ok: false as const, reason: 'not_allowed' as const };
      const application = await tx.enrolmentApplication.update({
        where: { id },
        data: { status: to, updatedAt: now, returnReason: returnReason ?? null },
      });
      await tx.auditLog.create({
        data: {
          at: now,
          actor,
          action: `insurance.${to}`,
          entity: 'enrolment_application',
          entityId: String(id),
          before: JSON.stringify({ status: before.status }),
          // The reason is staff's own words about documents, not the resident's data.
          after: JSON.stringify({ status: to, ...(returnReason ? { reason: returnReason } : {}) }),
        },
      });
      return { ok: true as const, application };
    });
    if (result.ok && result.application.residentId !== null) {
      const a = result.application;
      const year = this.policy.year(a.coverageYear) ?? this.policy.enrolmentYear(now);
      const personalShare = this.policy.personalShare(year, a.ageGroup as 'minor' | 'adult' | 'senior', a.category);
      await this.notifier(a.residentId!, { kind: to as 'approved' | 'returned' | 'enrolled', application: a, personalShare });
    }
    return result;
  }
}

/**
 * Erase one resident's personal data from the insurance tables: names, ID numbers and phones
 * of the applications they made are overwritten and their lookup hashes cleared, the link to
 * the resident is cut. Year, village, category, age group and status stay, so the enrolment
 * statistics are unchanged. Idempotent.
 *
 * ```ts
 * registerPersonalDataEraser('insurance', eraseInsurancePersonalData);
 * ```
 * @returns how many applications were anonymised
 */
export async function eraseInsurancePersonalData(prisma: PrismaClient, residentId: number): Promise<number> {
  const now = new Date();
  const { count } = await prisma.enrolmentApplication.updateMany({
    where: { residentId },
    data: {
      residentId: null,
      nameCipher: '',
      nameMasked: '[已删除]',
      idCipher: '',
      idHash: null,
      idMasked: '[已删除]',
      phoneCipher: null,
      phoneHash: null,
      phoneMasked: null,
      returnReason: null,
      anonymisedAt: now,
    },
  });
  return count;
}
