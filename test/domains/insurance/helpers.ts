/**
 * A Linli app with the insurance and privacy domains, the real NLU and a controlled clock
 * (29 November 2026, 10:00 in Quzhou: the 2027 enrolment window is open until 31 December).
 */
import { registerInsurance, type InsuranceDomain } from '../../../src/domains/insurance/index.js';
import { registerPrivacy } from '../../../src/domains/privacy/index.js';
import { registerFeedback } from '../../../src/domains/feedback/index.js';
import { startTestApp, type TestApp } from '../../helpers/app.js';

export const NOW = new Date('2026-11-29T10:00:00+08:00');

/** Made-up ID numbers with valid check characters (Kecheng district code 330802). */
export const IDS = {
  adult: '330802199001011232',
  child: '330802201508022248',
  senior: '330802195803161285',
  xCheck: '33080219881020104X',
  baby: '330802202409153087',
} as const;

export type InsuranceTestApp = TestApp & { clock: { now: Date }; insurance: InsuranceDomain };

/** Start the app; `clock.now` can be moved by the test; `insurance` is what the domain registered. */
export async function startInsuranceApp(env: Record<string, string> = {}): Promise<InsuranceTestApp> {
  const clock = { now: NOW };
  let insurance: InsuranceDomain | undefined;
  const app = await startTestApp({
    // Feedback too: the privacy tests erase a resident's feedback.
    domains: [(deps) => registerFeedback(deps.bot, deps), (deps) => (insurance = registerInsurance(deps)), registerPrivacy],
    scheduler: false,
    clock: () => clock.now,
    env: { INSURANCE_POLICY_FILE: 'seed/insurance-policy.json', ...env },
  });
  return Object.assign(app, { clock, insurance: insurance! });
}

/** The text of every reply in a `say` response, joined. */
export const textOf = (res: { body: { replies: Array<{ text: string }> } }) => res.body.replies.map((r) => r.text).join('\n');
/** The option labels of the last reply. */
export const optionsOf = (res: { body: { replies: Array<{ options?: string[] }> } }) => res.body.replies.at(-1)?.options ?? [];
