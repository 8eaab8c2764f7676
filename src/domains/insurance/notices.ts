/**
 * Telling a resident that their enrolment application changed (approved, returned, enrolled),
 * the same way whoever made the change: staff in the admin console, or the chat.
 */
import type { Bot } from '../../core/bot.js';
import type { ApplicationNotifier } from './service.js';
import { insuranceText as t } from './text.js';

/**
 * The notifier the InsuranceService calls on every status change: a chat message through the
 * outbox.
 *
 * ```ts
 * const service = new InsuranceService(prisma, vault, policy, insuranceNotifier(bot));
 * ```
 */
export function insuranceNotifier(bot: Bot): ApplicationNotifier {
  return (residentId, event) => {
    const a = event.application;
    const text =
      event.kind === 'approved'
        ? t.notify.approved(a.id, a.nameMasked, event.personalShare)
        : event.kind === 'returned'
          ? t.notify.returned(a.id, a.nameMasked, a.returnReason ?? '')
          : t.notify.enrolled(a.id, a.nameMasked, a.coverageYear);
    return bot.notify([{ residentId }], { text });
  };
}
