/**
 * Meta signs each webhook with the app secret twice: X-Hub-Signature (HMAC-SHA1) and
 * X-Hub-Signature-256 (HMAC-SHA256). bottender 1.5.5 checks only the SHA-1 one, so the
 * SHA-256 one is checked here when present, over the exact bytes received.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/**
 * Check X-Hub-Signature-256: `true` when it matches, `false` when it does not, `undefined`
 * when the header is absent (bottender then checks X-Hub-Signature).
 *
 * ```ts
 * verifyHubSha256(req.headers, rawBody, appSecret); // true | false | undefined
 * ```
 */
export function verifyHubSha256(headers: IncomingHttpHeaders, rawBody: Buffer, appSecret: string): boolean | undefined {
  const header = headers['x-hub-signature-256'];
  if (header === undefined) return undefined;
  const value = Array.isArray(header) ? header[0] ?? '' : header;
  const match = /^sha256=([0-9a-f]{64})$/i.exec(value.trim());
  if (!match) return false;
  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  return timingSafeEqual(Buffer.from(match[1]!, 'hex'), expected);
}
