/**
 * The insurance domain (城乡居民医保): answers from the policy file (insurance.info), the
 * enrolment form (insurance.enroll), the status list (insurance.status), reminders before the
 * deadline (scheduler task `insurance.reminders`) and the staff transitions the admin console
 * calls (approve / return / mark enrolled), each told to the resident.
 */
import { insuranceNotifier } from './notices.js';
import type { DomainDeps } from '../../app.js';
import { registerPersonalDataEraser } from '../privacy/registry.js';
import { InboundRedactor } from '../privacy/redact.js';
import { registerInsuranceDialogue } from './dialogue.js';
import { enrolForm } from './form.js';
import { loadPolicy, type InsurancePolicy } from './policy.js';
import { sendEnrolmentReminders } from './reminders.js';
import { eraseInsurancePersonalData, InsuranceService } from './service.js';
import { insuranceText as t } from './text.js';

export { loadPolicy, parsePolicy, PolicyFileError, InsurancePolicy } from './policy.js';
export { eraseInsurancePersonalData, InsuranceService } from './service.js';
export { enrolmentStats } from './stats.js';
export { sendEnrolmentReminders, optOutOfReminders } from './reminders.js';
export { insuranceDemoSeeder } from './demo.js';
export { insuranceNotifier } from './notices.js';

/** The scheduler task that sends enrolment reminders. */
export const REMINDER_TASK = 'insurance.reminders';
/** How often the reminder task looks for residents to remind. */
const REMINDER_INTERVAL_MS = 6 * 3600_000;

/** What {@link registerInsurance} gives back: the service (for the admin console) and a reminder run. */
export interface InsuranceDomain {
  service: InsuranceService;
  policy: InsurancePolicy;
  /** Send the reminders due at `now` (what the scheduler task runs). */
  sendReminders(now: Date): Promise<{ sent: number; coverageYear: number | null }>;
}

/**
 * Register the insurance domain. Loads and validates the policy file first: a broken file
 * stops the start-up with a message naming the field.
 *
 * ```ts
 * const insurance = await registerInsurance(domainDeps);
 * await insurance.service.approve(12, 'staff:3', new Date()); // the resident is told
 * ```
 * @throws {PolicyFileError} when INSURANCE_POLICY_FILE is missing or invalid
 */
export function registerInsurance(deps: DomainDeps): InsuranceDomain {
  const { bot, prisma, vault, config, scheduler, log, clock } = deps;
  const policy = loadPolicy(config.INSURANCE_POLICY_FILE);
  const service = new InsuranceService(prisma, vault, policy, insuranceNotifier(bot));
  const redactor = new InboundRedactor(prisma, log);
  bot.form(enrolForm({ service, vault, redactor }));
  registerInsuranceDialogue(bot, { service, vault, prisma, redactor });
  registerPersonalDataEraser('insurance', eraseInsurancePersonalData);

  const sendReminders = (now: Date) =>
    sendEnrolmentReminders(
      prisma,
      policy,
      (residentId, year, daysLeft) =>
        bot.notify([{ residentId }], {
          text: t.reminder.text(year.label, year.enrolment.end, daysLeft),
          options: [{ label: t.reminder.enrolOption, intent: 'insurance.enroll' }, t.reminder.optOutOption],
        }),
      now,
      config.INSURANCE_REMINDER_DAYS,
    );
  scheduler.every(REMINDER_TASK, REMINDER_INTERVAL_MS, () => sendReminders(clock()));
  return { service, policy, sendReminders };
}
