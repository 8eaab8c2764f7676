/**
 * The Open311 GeoReport v2 API over 随手拍, so civic apps can list services, submit reports and
 * follow them (JSON format only):
 *
 * - `GET  /open311/v2/services.json`          the hazard categories as services
 * - `POST /open311/v2/requests.json`          submit a report (api_key from OPEN311_API_KEYS)
 * - `GET  /open311/v2/requests.json`          reports, by service_code, status, start_date, end_date
 * - `GET  /open311/v2/requests/{id}.json`     one report
 *
 * Errors are the spec's array `[{ "code": 400, "description": "…" }]` with that HTTP status.
 * Reports go through the same service as the chat: routed to their grid, staff notified.
 */
import { timingSafeEqual } from 'node:crypto';
import type { DomainDeps } from '../../app.js';
import type { JsonResponse, HttpServer } from '../../channels/http/server.js';
import { buildHazardsKit, type HazardsKit } from '../../domains/hazards/kit.js';
import { gridRecipients, staffNotice, toTargets } from '../../domains/hazards/notices.js';
import type { CategoryCode } from '../../domains/hazards/categories.js';
import { hazardsText } from '../../domains/hazards/text.js';
import { findPlaces, placeById } from '../../nlu/entities/places.js';
import { detectUrgent } from '../../nlu/urgent.js';
import { services, toServiceRequest } from './format.js';
import { Open311Failure, parseCreate, parseQuery, readFields } from './input.js';

/** What the API needs: the domain's dependencies (and, optionally, the hazard services already built). */
export type Open311Deps = Pick<DomainDeps, 'bot' | 'prisma' | 'vault' | 'config' | 'clock' | 'log'> & { kit?: HazardsKit };

/** The API's path prefix. */
export const OPEN311_PREFIX = '/open311/v2';
/** Most requests one GET returns. */
export const MAX_RESULTS = 1000;

const ok = (body: unknown, status = 200): JsonResponse => ({ status, body });

/** Compare keys in constant time so response timing does not leak a valid key. */
function keyAllowed(given: string | undefined, keys: readonly string[]): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  return keys.some((k) => {
    const b = Buffer.from(k);
    return a.length === b.length && timingSafeEqual(a, b);
  });
}

/** Run a handler, answering an {@link Open311Failure} as the spec's error array. */
async function guarded(run: () => Promise<JsonResponse> | JsonResponse, log: Open311Deps['log']): Promise<JsonResponse> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof Open311Failure) return { status: err.status, body: err.body() };
    log.error({ err }, 'open311: request failed');
    return { status: 500, body: [{ code: 500, description: 'internal error' }] };
  }
}

/**
 * Add the Open311 routes to a server.
 *
 * @example
 * ```ts
 * // app.ts, after the domains are registered:
 * if (http) mountOpen311(http, domainDeps);
 * // curl http://127.0.0.1:3000/open311/v2/services.json
 * ```
 */
export function mountOpen311(server: HttpServer, deps: Open311Deps): HazardsKit {
  const kit =
    deps.kit ??
    buildHazardsKit({
      prisma: deps.prisma,
      vault: deps.vault,
      limits: { ackHours: deps.config.HAZARD_ACK_HOURS, urgentAckMinutes: deps.config.HAZARD_URGENT_ACK_MINUTES },
    });
  const present = (report: Parameters<typeof toServiceRequest>[0]) => toServiceRequest(report, kit.grids);

  server.route({
    method: 'GET',
    path: `${OPEN311_PREFIX}/services.json`,
    handle: () => ok(services()),
  });

  server.route({
    method: 'POST',
    path: `${OPEN311_PREFIX}/requests.json`,
    handle: (req) =>
      guarded(async () => {
        const fields = readFields(req.rawBody, req.headers['content-type']);
        if (!keyAllowed(fields.api_key, deps.config.OPEN311_API_KEYS)) throw new Open311Failure(403, 'api_key is missing or invalid');
        const input = parseCreate(fields);
        const named = input.address_string ? findPlaces(input.address_string)[0] : undefined;
        const placeId = input.address_id && placeById(input.address_id) ? input.address_id : (named?.value.id ?? null);
        if (input.address_id && !placeById(input.address_id)) throw new Open311Failure(400, `address_id ${input.address_id} is not a village or community id`);
        const contact = Object.fromEntries(
          (['email', 'first_name', 'last_name', 'phone', 'device_id', 'account_id'] as const).flatMap((k) => (input[k] ? [[k, input[k]!]] : [])),
        );
        const { report, grid } = await kit.reports.submit({
          residentId: null,
          source: 'open311',
          anonymous: true,
          category: input.service_code as CategoryCode,
          description: input.description,
          placeId,
          via: named?.value.via ?? null,
          address: input.address_string ?? null,
          latitude: input.lat ?? null,
          longitude: input.long ?? null,
          urgentKind: detectUrgent(input.description)?.kind ?? null,
          photos: [],
          contact,
          at: deps.clock(),
        });
        await deps.bot.notify(toTargets(await gridRecipients(kit.staff, grid)), staffNotice(report, null));
        return ok([
          {
            service_request_id: report.code,
            service_notice: hazardsText.open311Notice(grid.name, kit.limits.ackHours),
            account_id: input.account_id ?? null,
          },
        ]);
      }, deps.log),
  });

  server.route({
    method: 'GET',
    path: `${OPEN311_PREFIX}/requests.json`,
    handle: (req) =>
      guarded(async () => {
        const q = parseQuery(req.query, deps.clock());
        const rows = await deps.prisma.hazardReport.findMany({
          where: q.ids
            ? { code: { in: q.ids } }
            : {
                createdAt: { gte: q.from, lte: q.to },
                ...(q.serviceCodes ? { category: { in: q.serviceCodes } } : {}),
                ...(q.statuses?.length === 1
                  ? { status: q.statuses[0] === 'open' ? { in: ['submitted', 'acknowledged', 'in_progress'] } : { in: ['resolved', 'rejected', 'duplicate'] } }
                  : {}),
              },
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          take: MAX_RESULTS,
        });
        return ok(rows.map(present));
      }, deps.log),
  });

  server.route({
    method: 'GET',
    path: `${OPEN311_PREFIX}/requests/:file`,
    handle: (req) =>
      guarded(async () => {
        const m = /^([A-Za-z0-9]+)\.json$/.exec(req.params.file ?? '');
        if (!m) throw new Open311Failure(400, 'only the json format is supported: /requests/{id}.json');
        const report = await deps.prisma.hazardReport.findUnique({ where: { code: m[1]!.toUpperCase() } });
        if (!report) throw new Open311Failure(404, `service_request_id ${m[1]} was not found`);
        return ok([present(report)]);
      }, deps.log),
  });

  return kit;
}
