/**
 * The logger: pino, JSON lines, with personal data masked in every message and field.
 */
import pino, { type Logger } from 'pino';
import { maskText } from './privacy/mask.js';

function maskDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskText(value);
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return value;
  if (Array.isArray(value)) return value.map((v) => maskDeep(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = maskDeep(v, depth + 1);
  return out;
}

/**
 * Create the application logger.
 *
 * ```ts
 * const log = createLogger({ level: 'info' });
 * log.info({ phone: '13812345678' }, 'saved'); // {"phone":"138****5678","msg":"saved",…}
 * ```
 */
export function createLogger(options: { level?: string; destination?: pino.DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: undefined,
      formatters: { log: (obj) => maskDeep(obj) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((a) => (typeof a === 'string' ? maskText(a) : a)) as never);
        },
      },
      serializers: {
        err: (err: unknown) => {
          if (!(err instanceof Error)) return maskDeep(err);
          const s = pino.stdSerializers.err(err);
          return { ...s, message: maskText(s.message), stack: s.stack ? maskText(s.stack) : s.stack };
        },
      },
    },
    options.destination ?? pino.destination(2),
  );
}
