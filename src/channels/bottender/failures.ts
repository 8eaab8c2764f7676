/**
 * Turning a failed platform API call into the outbox's {@link SendError}. The messaging-api
 * clients throw axios errors that carry the request (with the access token in a header or the
 * URL), so only the status, the retry-after header, the platform's error body and a short
 * message are kept — never the error itself, which a logger would print whole.
 */
import { SendError } from '../../core/outbox.js';

/** What is safe to keep of a failed API call. */
export interface ApiFailure {
  /** HTTP status; absent when no answer came (network error, timeout). */
  status?: number;
  /** The Retry-After header, if any. */
  retryAfter?: string;
  /** The platform's JSON error body, if any. */
  data?: unknown;
  /** A message without credentials. */
  message: string;
}

const isPlain = (v: unknown): boolean =>
  typeof v === 'string' || (typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype);

/** Read what is safe to keep from an axios (or axios-error) failure. */
export function apiFailure(err: unknown): ApiFailure {
  const e = err as { response?: { status?: number; headers?: Record<string, unknown>; data?: unknown }; message?: unknown; code?: unknown };
  const response = e?.response;
  const header = response?.headers?.['retry-after'];
  const base = typeof e?.message === 'string' ? e.message : String(err);
  return {
    ...(typeof response?.status === 'number' ? { status: response.status } : {}),
    ...(typeof header === 'string' ? { retryAfter: header } : {}),
    // A streamed body (content downloads) is a socket, not something to keep.
    ...(isPlain(response?.data) ? { data: response!.data } : {}),
    // axios messages name the status or the socket error, never the URL or headers.
    message: base.slice(0, 300),
  };
}

/**
 * A Retry-After value (seconds or an HTTP date) in milliseconds from now; undefined when
 * absent or unreadable.
 *
 * ```ts
 * retryAfterMs('7'); // 7000
 * ```
 */
export function retryAfterMs(value: string | undefined, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(at - now, 0);
}

/**
 * The outbox's verdict on a failed send: no answer, 429 and 5xx are worth retrying (after the
 * platform's Retry-After when it gives one); any other 4xx (unknown user, blocked, bad token)
 * would fail the same way again. `retryable` overrides the verdict for platform-specific cases.
 */
export function toSendError(platform: string, failure: ApiFailure, retryable?: boolean): SendError {
  const status = failure.status;
  const verdict = retryable ?? (status === undefined || status === 429 || status >= 500);
  const wait = verdict ? retryAfterMs(failure.retryAfter) : undefined;
  return new SendError(`${platform}: ${status ?? 'no answer'}: ${failure.message}`, {
    retryable: verdict,
    ...(wait !== undefined ? { retryAfterMs: wait } : {}),
  });
}
