/**
 * What staff receive about a case, and where it goes: the bound workers of the case's grid and
 * the grid's staff group chat (the duty desk: its workers, every admin and its chat).
 */
import { statSync } from 'node:fs';
import type { Attachment, NotifyTarget, Reply } from '../../core/types.js';
import type { HazardReport } from '../../generated/prisma/client.js';
import { placeById } from '../../nlu/entities/places.js';
import { maskText } from '../../privacy/mask.js';
import { categoryName } from './categories.js';
import { dutyDeskRecipients, type Recipients } from './escalation.js';
import type { Grid } from './grids.js';
import { photosOf } from './service.js';
import type { StaffService } from './staff.js';
import { hazardsText as t } from './text.js';

/** Who hears about a new case of a grid. */
export async function gridRecipients(staff: StaffService, grid: Grid): Promise<Recipients> {
  if (grid.id === staff.grids.dutyDesk.id) return dutyDeskRecipients(staff);
  return { residentIds: await staff.residentsOf(grid.id), chats: grid.staffChat ? [grid.staffChat] : [] };
}

/** Recipients as the bot's notify targets. */
export function toTargets(recipients: Recipients): NotifyTarget[] {
  return [...recipients.residentIds.map((residentId) => ({ residentId })), ...recipients.chats];
}

/** Where a case is, as a person reads it: village, address, or the shared location. */
export function placeLabel(report: Pick<HazardReport, 'placeId' | 'address' | 'latitude' | 'longitude'>): string {
  const village = report.placeId ? (placeById(report.placeId)?.name ?? report.placeId) : null;
  const parts = [village, report.address].filter(Boolean);
  if (report.latitude !== null && report.longitude !== null) parts.push(t.place.location(report.latitude, report.longitude));
  return parts.length > 0 ? parts.join(' ') : t.place.unplaced;
}

/** A short summary for lists and escalations: category, place and the start of the text. */
export function summaryOf(report: HazardReport): string {
  const text = report.description.length > 40 ? `${report.description.slice(0, 40)}…` : report.description;
  return `${categoryName(report.category)}·${placeLabel(report)}：${maskText(text)}`;
}

/**
 * The message a grid's staff receive about a case: id, category, place, summary, photo count,
 * the reporter's name (or 匿名) and the commands to act. Phones and ID numbers in the text are
 * masked: staff call back through the bot, never from a number in a chat log.
 */
export function staffNotice(report: HazardReport, reporterName: string | null, transferredFrom?: Grid): Reply {
  const reporter = report.anonymous ? t.anonymousReporter : report.source === 'open311' ? t.open311Reporter : (reporterName ?? t.unnamedReporter);
  const description = maskText(report.description) + (transferredFrom ? t.transferredNotice(transferredFrom.name) : '');
  const photos = photoAttachments(report);
  const text = t.staffNotice({
    code: report.code,
    urgent: report.urgent,
    category: categoryName(report.category),
    place: placeLabel(report),
    description,
    photos: photos.length,
    reporter,
  });
  return photos.length > 0 ? { text, attachments: photos } : { text };
}

/** A case's photos as attachments the channels can send (those still on disk). */
export function photoAttachments(report: Pick<HazardReport, 'photos'>): Attachment[] {
  return photosOf(report).flatMap((photo) => {
    const size = statSync(photo.path, { throwIfNoEntry: false })?.size;
    return size === undefined ? [] : [{ kind: 'image' as const, path: photo.path, sha256: photo.sha256, size, ...(photo.mime ? { mime: photo.mime } : {}) }];
  });
}
