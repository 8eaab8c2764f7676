/**
 * Demo data for the insurance domain: two residents (HTTP users `demo-insurance-wang` and
 * `demo-insurance-li`) with applications in every status, so the status list, the admin
 * review queue and the statistics have something to show. Every ID number is made up (valid
 * checksum, fictitious sequence) and stored encrypted like real data.
 */
import type { DemoSeeder } from '../../demo/seed.js';
import { idCheckCharacter } from '../../nlu/entities/idNumber.js';
import type { PiiVault } from '../../privacy/vault.js';
import { loadPolicy } from './policy.js';
import { InsuranceService } from './service.js';

/** A made-up but valid 18-digit ID number (Kecheng district code 330802). */
export function demoIdNumber(birth: string, sequence: number): string {
  const first17 = `330802${birth}${String(sequence).padStart(3, '0')}`;
  return first17 + idCheckCharacter(first17);
}

/**
 * The insurance demo seeder. Needs the vault (the core's `DemoContext` has none), hence a
 * factory.
 *
 * ```ts
 * demoSeeders.push(insuranceDemoSeeder(vault, config.INSURANCE_POLICY_FILE));
 * ```
 */
export function insuranceDemoSeeder(vault: PiiVault, policyFile = 'seed/insurance-policy.json'): DemoSeeder {
  return async ({ prisma, now }) => {
    const service = new InsuranceService(prisma, vault, loadPolicy(policyFile));
    const resident = (userId: string, name: string, village: string) =>
      prisma.resident.create({
        data: {
          displayName: name,
          village,
          createdAt: now,
          updatedAt: now,
          identities: { create: { channel: 'http', externalId: userId, createdAt: now, lastSeenAt: now } },
        },
      });
    const wang = await resident('demo-insurance-wang', '王阿姨', 'meijia');
    const li = await resident('demo-insurance-li', '李师傅', 'lixian');
    const people = [
      { r: wang.id, relation: '本人', name: '王秀英', id: demoIdNumber('19580316', 128), village: 'meijia', category: 'none', then: 'enrolled' },
      { r: wang.id, relation: '子女', name: '周小雨', id: demoIdNumber('20150802', 224), village: 'meijia', category: 'none', then: 'approved' },
      { r: wang.id, relation: '配偶', name: '周建国', id: demoIdNumber('19560909', 317), village: 'meijia', category: 'disabled', then: 'submitted' },
      { r: li.id, relation: '父母', name: '李桂花', id: demoIdNumber('19470521', 426), village: 'lixian', category: 'dibao', then: 'returned' },
      { r: li.id, relation: '本人', name: '李明', id: demoIdNumber('19850112', 511), village: 'lixian', category: 'none', then: 'submitted' },
    ] as const;
    for (const p of people) {
      const made = await service.apply({ residentId: p.r, relation: p.relation, name: p.name, idNumber: p.id, village: p.village, category: p.category, phone: null, now });
      if (!made.ok) continue;
      const id = made.application.id;
      if (p.then === 'approved' || p.then === 'enrolled') await service.approve(id, 'system:demo', now);
      if (p.then === 'enrolled') await service.markEnrolled(id, 'system:demo', now);
      if (p.then === 'returned') await service.returnApplication(id, '低保证复印件不清楚，请带原件到村社便民服务中心', 'system:demo', now);
    }
  };
}
