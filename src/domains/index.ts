/**
 * Every domain, in the order it registers with the bot. A domain's registration adds its
 * handlers and forms, its periodic tasks, its demo data and its personal-data eraser; the
 * general dialogue registers after all of them (src/app.ts), so it only answers what no
 * domain took.
 */
import type { DomainRegistration } from '../app.js';
import { mountOpen311 } from '../api/open311/index.js';
import { eraseEventsPersonalData, eventsDemoSeeder, registerEvents } from './events/index.js';
import { registerFeedback } from './feedback/index.js';
import { insuranceDemoSeeder, registerInsurance } from './insurance/index.js';
import { eraseHazardsPersonalData, registerHazards } from './hazards/index.js';
import { seedHazardsDemo } from './hazards/demo.js';
import { eraseJobsPersonalData, registerJobs, seedJobsDemo } from './jobs/index.js';
import { registerPersonalDataEraser, registerPrivacy } from './privacy/index.js';
import { registerResidents } from './residents/index.js';

export const DOMAINS: readonly DomainRegistration[] = [
  (deps) => registerResidents(deps.bot, deps),
  (deps) => registerFeedback(deps.bot, deps),
  (deps) => {
    registerJobs(deps);
    deps.addDemoData(seedJobsDemo);
    registerPersonalDataEraser('jobs', eraseJobsPersonalData);
  },
  (deps) => {
    registerInsurance(deps);
    deps.addDemoData(insuranceDemoSeeder(deps.vault, deps.config.INSURANCE_POLICY_FILE));
  },
  async (deps) => {
    const hazards = await registerHazards(deps);
    deps.addDemoData(seedHazardsDemo);
    registerPersonalDataEraser('hazards', (prisma, residentId) => eraseHazardsPersonalData(prisma, residentId));
    if (deps.http) mountOpen311(deps.http, { ...deps, kit: hazards });
  },
  async (deps) => {
    await registerEvents(deps);
    deps.addDemoData(eventsDemoSeeder);
    registerPersonalDataEraser('events', eraseEventsPersonalData);
  },
  // Privacy last among the domains: it calls every eraser registered above.
  registerPrivacy,
];
