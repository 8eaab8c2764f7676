/**
 * Errors as they may be written to the log. A grammY error carries the payload of the call that
 * failed — a webhook secret, a resident's text — and a BotError carries the whole context, so
 * only names, codes and descriptions are logged.
 */
import { BotError, GrammyError, HttpError } from 'grammy';

/**
 * A log-safe summary of an error.
 *
 * ```ts
 * log.warn({ ...loggable(err) }, 'telegram: setWebhook failed');
 * // {"error":"Call to 'setWebhook' failed! (401: Unauthorized)","code":401,…}
 * ```
 */
export function loggable(err: unknown): { error: string; code?: number; errorName?: string; stack?: string } {
  const inner = err instanceof BotError ? err.error : err;
  if (inner instanceof GrammyError) return { error: inner.message, code: inner.error_code, errorName: inner.name };
  if (inner instanceof HttpError) return { error: inner.message, errorName: inner.name };
  // Our own failures (the pipeline, the disk) carry nothing of the API: keep the stack.
  if (inner instanceof Error) return { error: inner.message, errorName: inner.name, ...(inner.stack ? { stack: inner.stack } : {}) };
  return { error: String(inner) };
}
