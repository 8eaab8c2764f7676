/**
 * GET /admin/files/hazards/:code/:name — a photo of a case, for staff who may see the case.
 * Served only when `name` is one of that case's photos AND the file really lies under
 * `DATA_DIR/attachments` (symlinks resolved): a stored path such as `../pii.key` or a name
 * such as `..%2F..%2Fpii.key` gets a 404. The content type comes from the file's own bytes,
 * and only images are served.
 */
import { open, realpath } from 'node:fs/promises';
import { basename, resolve, sep } from 'node:path';
import { sniffImage } from '../../../channels/attachments.js';
import { photosOf } from '../../../domains/hazards/service.js';
import type { AdminResponse, StaffRequest } from '../../http.js';
import type { HazardPagesDeps } from './context.js';
import { caseFor, notFound } from './detail-page.js';

/** Largest photo served (the channels keep photos well under this). */
const MAX_BYTES = 20 * 1024 * 1024;
const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** The real path of `path` if it is a regular file inside `root`, else null. */
export async function fileInside(root: string, path: string): Promise<string | null> {
  try {
    const realRoot = await realpath(root);
    const real = await realpath(resolve(path));
    return real.startsWith(realRoot + sep) ? real : null;
  } catch {
    return null;
  }
}

/** Serve one photo of a case. */
export async function servePhoto(req: StaffRequest, deps: HazardPagesDeps): Promise<AdminResponse> {
  const found = await caseFor(req, deps);
  if ('response' in found) return found.response;
  const name = req.params.name ?? '';
  if (!SAFE_NAME.test(name)) return notFound();
  const photo = photosOf(found.report).find((p) => basename(p.path) === name);
  if (!photo) return notFound();
  const real = await fileInside(deps.attachmentsDir, photo.path);
  if (!real) return notFound();
  const file = await open(real, 'r').catch(() => null);
  if (!file) return notFound();
  try {
    const stats = await file.stat();
    if (!stats.isFile() || stats.size > MAX_BYTES) return notFound();
    const body = await file.readFile();
    const contentType = sniffImage(body);
    if (!contentType) return notFound();
    return { status: 200, body, contentType, headers: { 'content-disposition': `inline; filename="${name}"` } };
  } finally {
    await file.close();
  }
}
