/**
 * Reading Open311 input: a POST body (form-encoded as the spec says, or JSON), validated with
 * zod, and the query of GET requests. Failures become the spec's error array.
 */
import { z } from 'zod';
import { CATEGORIES } from '../../domains/hazards/categories.js';
import { MAX_DESCRIPTION } from '../../domains/hazards/service.js';

/** One error of the spec's error array. */
export interface Open311Error {
  code: number;
  description: string;
}

/** A failure answered as `[{ code, description }]` with `code` as the HTTP status. */
export class Open311Failure extends Error {
  constructor(
    readonly status: number,
    description: string,
  ) {
    super(description);
  }

  /** The response body. */
  body(): Open311Error[] {
    return [{ code: this.status, description: this.message }];
  }
}

/**
 * The fields of a POST body as strings: form-encoded (`a=1&b=2`), or a JSON object.
 * @throws {Open311Failure} 400 when the body cannot be read.
 */
export function readFields(raw: Buffer, contentType: string | undefined): Record<string, string> {
  const text = raw.toString('utf8');
  if ((contentType ?? '').includes('application/json')) {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      throw new Open311Failure(400, 'body is not valid JSON');
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new Open311Failure(400, 'body must be a JSON object');
    return Object.fromEntries(
      Object.entries(data as Record<string, unknown>)
        .filter(([, v]) => v !== null && v !== undefined)
        .map(([k, v]) => [k, String(v)]),
    );
  }
  return Object.fromEntries(new URLSearchParams(text));
}

const codes = CATEGORIES.map((c) => c.code) as [string, ...string[]];
const optionalText = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`).optional();
const coordinate = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^-?\d+(\.\d+)?$/, 'must be a decimal number')
    .transform(Number)
    .pipe(z.number().min(min, `must be between ${min} and ${max}`).max(max, `must be between ${min} and ${max}`))
    .optional();

/** The fields of POST requests.json we read. */
export const CreateRequestSchema = z
  .object({
    service_code: z.string({ error: 'service_code was not provided' }).trim().min(1, 'service_code was not provided'),
    lat: coordinate(-90, 90),
    long: coordinate(-180, 180),
    address_string: optionalText(200),
    address_id: optionalText(64),
    description: z
      .string({ error: 'description was not provided' })
      .trim()
      .min(4, 'description must be at least 4 characters')
      .max(MAX_DESCRIPTION, `description must be at most ${MAX_DESCRIPTION} characters`),
    email: optionalText(200),
    first_name: optionalText(100),
    last_name: optionalText(100),
    phone: optionalText(40),
    device_id: optionalText(200),
    account_id: optionalText(200),
    media_url: optionalText(2000),
  })
  .superRefine((v, ctx) => {
    if ((v.lat === undefined) !== (v.long === undefined)) ctx.addIssue({ code: 'custom', path: ['lat'], message: 'lat and long must be sent together' });
    if (v.lat === undefined && !v.address_string && !v.address_id) {
      ctx.addIssue({ code: 'custom', path: ['lat'], message: 'a location is required: lat & long, address_string or address_id' });
    }
  });
export type CreateRequest = z.infer<typeof CreateRequestSchema>;

/**
 * Validate a POST body's fields.
 * @throws {Open311Failure} 400 naming the field and what is wrong; 404 for an unknown service_code.
 */
export function parseCreate(fields: Record<string, string>): CreateRequest {
  const result = CreateRequestSchema.safeParse(fields);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const field = String(issue.path[0] ?? 'body');
    throw new Open311Failure(400, issue.message.startsWith(field) ? issue.message : `${field}: ${issue.message}`);
  }
  if (!codes.includes(result.data.service_code)) throw new Open311Failure(404, `service_code ${result.data.service_code} was not found`);
  return result.data;
}

/** The filters of GET requests.json. */
export interface RequestQuery {
  ids?: string[];
  serviceCodes?: string[];
  statuses?: Array<'open' | 'closed'>;
  from: Date;
  to: Date;
}

const DAY = 24 * 3600_000;
/** The longest date range one query may span (the spec's 90 days). */
export const MAX_SPAN_DAYS = 90;

const list = (v: string | null) =>
  v
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function w3Date(name: string, value: string | null): Date | undefined {
  if (value === null || value === '') return undefined;
  // w3 datetime with a zone (Z or ±hh:mm), or a bare date.
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/.test(value)) {
    throw new Open311Failure(400, `${name} must be a w3 datetime such as 2026-01-01T00:00:00Z`);
  }
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw new Open311Failure(400, `${name} is not a valid date`);
  return d;
}

/**
 * Read the query of GET requests.json. Without dates, the last 90 days; a range may not span
 * more than 90 days. `service_request_id` overrides every other filter, as the spec says.
 * @throws {Open311Failure} 400 for a bad date, status or range.
 */
export function parseQuery(query: URLSearchParams, now: Date): RequestQuery {
  const ids = list(query.get('service_request_id'));
  if (ids?.length) return { ids: ids.map((id) => id.toUpperCase()), from: new Date(0), to: new Date(8.64e15) };
  const start = w3Date('start_date', query.get('start_date'));
  const end = w3Date('end_date', query.get('end_date'));
  const to = end ?? (start ? new Date(Math.min(now.getTime(), start.getTime() + MAX_SPAN_DAYS * DAY)) : now);
  const from = start ?? new Date(to.getTime() - MAX_SPAN_DAYS * DAY);
  if (from > to) throw new Open311Failure(400, 'start_date must be before end_date');
  if (to.getTime() - from.getTime() > MAX_SPAN_DAYS * DAY) throw new Open311Failure(400, `the date range may not span more than ${MAX_SPAN_DAYS} days`);
  const statuses = list(query.get('status'));
  for (const s of statuses ?? []) if (s !== 'open' && s !== 'closed') throw new Open311Failure(400, `status must be open or closed, not ${s}`);
  const serviceCodes = list(query.get('service_code'));
  return {
    from,
    to,
    ...(statuses?.length ? { statuses: statuses as Array<'open' | 'closed'> } : {}),
    ...(serviceCodes?.length ? { serviceCodes } : {}),
  };
}
