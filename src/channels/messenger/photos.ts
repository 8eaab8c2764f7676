/**
 * Fetching a photo a resident sent on Messenger: the webhook carries a URL on Meta's CDN.
 * No token goes with the request — the CDN URL is itself the permission.
 */
import { AttachmentTooLargeError } from '../attachments.js';
import { readLimited } from '../bottender/deliver.js';

/**
 * Fetch a photo, refusing anything but HTTPS (or the one origin a test configured) and
 * anything over `maxBytes`.
 *
 * ```ts
 * const { bytes, mime } = await fetchPhoto(url, 5_000_000);
 * ```
 *
 * @throws {AttachmentTooLargeError} beyond `maxBytes`.
 */
export async function fetchPhoto(url: string, maxBytes: number, allowedOrigin?: string): Promise<{ bytes: Uint8Array; mime?: string }> {
  const target = new URL(url);
  if (target.protocol !== 'https:' && target.origin !== allowedOrigin) {
    throw new Error(`refusing to fetch a photo from ${target.protocol}//${target.host}`);
  }
  const res = await fetch(target, { signal: AbortSignal.timeout(30_000) });
  if (!res.ok || !res.body) throw new Error(`photo download answered ${res.status}`);
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) {
    await res.body.cancel();
    throw new AttachmentTooLargeError(declared, maxBytes);
  }
  const bytes = await readLimited(res.body, maxBytes);
  const mime = res.headers.get('content-type')?.split(';')[0]?.trim();
  return { bytes, ...(mime ? { mime } : {}) };
}
