/**
 * Our records in Open311 GeoReport v2 shape: the service list (one service per hazard
 * category) and service requests with the spec's fields. Public: nothing that identifies the
 * reporter is ever included (no resident, no contact; phones and ID numbers in free text masked;
 * no photos, which may show people).
 */
import type { HazardReport } from '../../generated/prisma/client.js';
import { CATEGORIES, categoryName } from '../../domains/hazards/categories.js';
import type { GridDirectory } from '../../domains/hazards/grids.js';
import { placeById } from '../../nlu/entities/places.js';
import { maskText } from '../../privacy/mask.js';

/** A service in the service list. */
export interface Open311Service {
  service_code: string;
  service_name: string;
  description: string;
  metadata: false;
  type: 'realtime';
  keywords: string;
  group: string;
}

/** A service request as GET requests returns it, with every field of the spec. */
export interface Open311Request {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string | null;
  service_name: string;
  service_code: string;
  description: string;
  agency_responsible: string;
  service_notice: string | null;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  address: string | null;
  address_id: string | null;
  zipcode: string | null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
}

/** The fields every service request carries, in the spec's order (tests check against it). */
export const REQUEST_FIELDS = [
  'service_request_id',
  'status',
  'status_notes',
  'service_name',
  'service_code',
  'description',
  'agency_responsible',
  'service_notice',
  'requested_datetime',
  'updated_datetime',
  'expected_datetime',
  'address',
  'address_id',
  'zipcode',
  'lat',
  'long',
  'media_url',
] as const;

/** Kecheng District's postal code: the whole sub-district shares it. */
export const ZIPCODE = '324000';

/** Group of a category in the service list. */
const GROUPS: Record<string, string> = {
  ebike_charging: '安全隐患',
  gas: '安全隐患',
  fire_safety: '安全隐患',
  buildings: '安全隐患',
  straw_burning: '环境',
  environment: '环境',
  roads_facilities: '公共设施',
  disputes: '矛盾纠纷',
  other: '其他',
};

/** The service list: one realtime service per hazard category. */
export function services(): Open311Service[] {
  return CATEGORIES.map((c) => ({
    service_code: c.code,
    service_name: c.name,
    description: c.description,
    metadata: false,
    type: 'realtime',
    keywords: c.description.split(/[、，]/).join(','),
    group: GROUPS[c.code] ?? '其他',
  }));
}

/** open while staff still have it; closed once resolved, returned or merged as a duplicate. */
export function open311Status(status: string): 'open' | 'closed' {
  return status === 'resolved' || status === 'rejected' || status === 'duplicate' ? 'closed' : 'open';
}

const w3 = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * A report as an Open311 service request. `expected_datetime` stays null: staff promise an
 * answer within HAZARD_ACK_HOURS, not a fix by a date.
 *
 * @example
 * ```ts
 * toServiceRequest(report, grids);
 * // { service_request_id: 'A2B3C', status: 'open', service_code: 'gas', agency_responsible: '五湖村第1网格', … }
 * ```
 */
export function toServiceRequest(report: HazardReport, grids: GridDirectory): Open311Request {
  const village = report.placeId ? (placeById(report.placeId)?.name ?? null) : null;
  const address = [report.address ? maskText(report.address) : null, village].filter(Boolean).join('，') || null;
  const notes =
    report.status === 'duplicate' && report.duplicateOf
      ? `duplicate of ${report.duplicateOf}`
      : report.statusNote
        ? maskText(report.statusNote)
        : null;
  return {
    service_request_id: report.code,
    status: open311Status(report.status),
    status_notes: notes,
    service_name: categoryName(report.category),
    service_code: report.category,
    description: maskText(report.description),
    agency_responsible: (grids.get(report.gridId) ?? grids.dutyDesk).name,
    service_notice: report.urgent ? 'urgent' : null,
    requested_datetime: w3(report.createdAt),
    updated_datetime: w3(report.closedAt ?? report.updatedAt),
    expected_datetime: null,
    address,
    address_id: report.placeId,
    zipcode: ZIPCODE,
    lat: report.latitude,
    long: report.longitude,
    media_url: null,
  };
}
