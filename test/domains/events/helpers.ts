/**
 * An app with the events domain over a fresh database, a controlled clock, and helpers to
 * create events and read sign-ups.
 */
import { startTestApp, type TestApp } from '../../helpers/app.js';
import { registerEvents, type EventsDomain, type NewEvent } from '../../../src/domains/events/index.js';

export interface EventsTestApp {
  app: TestApp;
  domain: EventsDomain;
  /** The clock the app reads; move it with `clock.now = …`. */
  clock: { now: Date };
  event(partial?: Partial<NewEvent>): Promise<number>;
  signupsOf(eventId: number): Promise<Array<{ residentId: number | null; partySize: number; status: string; checkInCode: string }>>;
  /** The resident behind an HTTP user id. */
  residentOf(userId: string): Promise<number>;
}

/** Monday 2026-11-30 10:00 in Shanghai. */
export const MONDAY = new Date('2026-11-30T10:00:00+08:00');
export const at = (iso: string) => new Date(`${iso}+08:00`);

export async function startEventsApp(
  options: { nlu?: NonNullable<Parameters<typeof startTestApp>[0]>['nlu']; hasJobApplications?: (residentId: number) => Promise<boolean> } = {},
): Promise<EventsTestApp> {
  const clock = { now: MONDAY };
  let domain: EventsDomain | undefined;
  const app = await startTestApp({
    env: { DEMO_DATA: 'false' },
    scheduler: false,
    clock: () => clock.now,
    domains: [async (deps) => (domain = await registerEvents(deps, options.hasJobApplications ? { hasJobApplications: options.hasJobApplications } : {}))],
    ...(options.nlu ? { nlu: options.nlu } : {}),
  });
  return {
    app,
    domain: domain!,
    clock,
    event: (partial = {}) =>
      domain!.events.createEvent(
        {
          title: '乡村音乐唱想生活',
          description: '村民乐队露天音乐会',
          hallId: 'wangcun-hall',
          startsAt: at('2026-12-05T19:00:00'),
          endsAt: at('2026-12-05T21:00:00'),
          capacity: 40,
          tags: ['文艺'],
          ...partial,
        },
        'test',
        clock.now,
      ),
    signupsOf: (eventId) => app.db.prisma.eventSignup.findMany({ where: { eventId }, orderBy: { id: 'asc' } }),
    async residentOf(userId) {
      const identity = await app.db.prisma.channelIdentity.findUniqueOrThrow({ where: { channel_externalId: { channel: 'http', externalId: userId } } });
      return identity.residentId;
    },
  };
}
