/**
 * Job seekers (求职登记): one profile per resident, phone encrypted with a keyed hash to find it
 * and a masked copy to show. Editable; recommendations can be switched off (停止推荐).
 */
import type { PrismaClient } from '../../generated/prisma/client.js';
import { maskPhone } from '../../privacy/mask.js';
import type { PiiVault } from '../../privacy/vault.js';

/** How a seeker wants to work. */
export type Availability = 'fulltime' | 'daywork' | 'parttime' | 'any';

/** What the registration form collects. */
export interface SeekerInput {
  name: string;
  phone: string;
  skills: string[];
  categories: string[];
  /** Village ids; empty means anywhere. */
  areas: string[];
  availability: Availability;
  notify: boolean;
}

/** A stored seeker profile (phone masked). */
export interface SeekerProfile extends Omit<SeekerInput, 'phone'> {
  id: number;
  residentId: number | null;
  phoneMasked: string | null;
  createdAt: Date;
}

const list = (s: string): string[] => {
  const v = JSON.parse(s) as unknown;
  return Array.isArray(v) ? v.map(String) : [];
};

type SeekerRow = Awaited<ReturnType<PrismaClient['jobSeeker']['findFirstOrThrow']>>;

/** A stored row as a profile. */
export function profileOf(row: SeekerRow): SeekerProfile {
  return {
    id: row.id,
    residentId: row.residentId,
    name: row.name,
    phoneMasked: row.phoneMasked,
    skills: list(row.skills),
    categories: list(row.categories),
    areas: list(row.areas),
    availability: row.availability as Availability,
    notify: row.notify,
    createdAt: row.createdAt,
  };
}

export class SeekerService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly vault: PiiVault,
  ) {}

  /** The resident's profile, or null when not registered (or erased). */
  async get(residentId: number): Promise<SeekerProfile | null> {
    const row = await this.prisma.jobSeeker.findUnique({ where: { residentId } });
    return row && !row.erasedAt ? profileOf(row) : null;
  }

  /** The resident's phone in clear, for prefilling the edit form only. */
  async phoneOf(residentId: number): Promise<string | null> {
    const row = await this.prisma.jobSeeker.findUnique({ where: { residentId }, select: { phoneCipher: true } });
    return row?.phoneCipher ? this.vault.decrypt(row.phoneCipher) : null;
  }

  /** Find a seeker by phone number (through the keyed hash). */
  async findByPhone(phone: string): Promise<SeekerProfile | null> {
    const row = await this.prisma.jobSeeker.findFirst({ where: { phoneHash: this.vault.lookupHash(phone), erasedAt: null } });
    return row ? profileOf(row) : null;
  }

  /**
   * Register or update the resident's profile.
   *
   * ```ts
   * const { profile, created } = await seekers.save(12, { name: '王秀英', phone: '13857012345', skills: [], categories: ['保洁'], areas: ['wuhu'], availability: 'daywork', notify: true }, new Date());
   * profile.phoneMasked; // '138****2345'
   * ```
   */
  async save(residentId: number, input: SeekerInput, now: Date): Promise<{ profile: SeekerProfile; created: boolean }> {
    const data = {
      name: input.name,
      phoneCipher: this.vault.encrypt(input.phone),
      phoneHash: this.vault.lookupHash(input.phone),
      phoneMasked: maskPhone(input.phone),
      skills: JSON.stringify(input.skills),
      categories: JSON.stringify(input.categories),
      areas: JSON.stringify(input.areas),
      availability: input.availability,
      notify: input.notify,
      erasedAt: null,
      updatedAt: now,
    };
    const existing = await this.prisma.jobSeeker.findUnique({ where: { residentId } });
    const row = existing
      ? await this.prisma.jobSeeker.update({ where: { id: existing.id }, data })
      : await this.prisma.jobSeeker.create({ data: { ...data, residentId, createdAt: now } });
    await this.prisma.auditLog.create({
      data: {
        at: now,
        actor: `resident:${residentId}`,
        action: existing ? 'job_seeker.update' : 'job_seeker.register',
        entity: 'job_seeker',
        entityId: String(row.id),
        before: existing ? JSON.stringify({ notify: existing.notify }) : null,
        after: JSON.stringify({ notify: row.notify }),
      },
    });
    return { profile: profileOf(row), created: !existing || existing.erasedAt !== null };
  }

  /**
   * Stop recommendations for a resident (停止推荐).
   * @returns false when they were not receiving any.
   */
  async stopRecommendations(residentId: number, now: Date): Promise<boolean> {
    const row = await this.prisma.jobSeeker.findUnique({ where: { residentId } });
    if (!row || !row.notify || row.erasedAt) return false;
    await this.prisma.jobSeeker.update({ where: { id: row.id }, data: { notify: false, updatedAt: now } });
    await this.prisma.auditLog.create({
      data: {
        at: now,
        actor: `resident:${residentId}`,
        action: 'job_seeker.stop_recommendations',
        entity: 'job_seeker',
        entityId: String(row.id),
        before: JSON.stringify({ notify: true }),
        after: JSON.stringify({ notify: false }),
      },
    });
    return true;
  }
}
