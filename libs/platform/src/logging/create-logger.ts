import pino, { DestinationStream, Logger } from 'pino';
import { CorrelationContext } from './correlation-context';

/** Paths pino removes from every log line: secrets never reach the logs. */
export const REDACTED_PATHS = [
  'authorization',
  'password',
  'token',
  'secret',
  '*.authorization',
  '*.password',
  '*.token',
  '*.secret',
  '*.clientSecret',
  '*.apiToken',
  '*.accessToken',
  '*.webhookSecretToken',
  '*.key',
  'headers.authorization',
  'headers["x-api-key"]',
  'req.headers.authorization',
  'req.headers["x-api-key"]',
];

/**
 * Field names that hold secrets at any depth. REDACTED_PATHS cannot reach deeper than the paths
 * it lists; this second net catches e.g. `{ integration: { credentials: { clientSecret } } }`.
 */
const SECRET_FIELD = /secret|password|passwd|token|authorization|api[-_]?key|cookie/i;
const CENSOR = '[redacted]';

export function createLogger(serviceName: string, level = process.env.LOG_LEVEL ?? 'info', destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: serviceName },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        log: (fields) => scrubSecrets(fields) as Record<string, unknown>,
      },
      redact: { paths: REDACTED_PATHS, censor: CENSOR },
      mixin: () => {
        const correlationId = CorrelationContext.currentId();
        return correlationId ? { correlationId } : {};
      },
    },
    destination,
  );
}

/** A copy of plain objects and arrays with secret-named fields censored; other values as they are. */
function scrubSecrets(value: unknown, depth = 0): unknown {
  if (depth > 8 || value === null || typeof value !== 'object') {
    return value;
  }
  if (Array.isArray(value)) {
    return value.map((item) => scrubSecrets(item, depth + 1));
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) {
    return value;
  }
  return Object.fromEntries(
    Object.entries(value).map(([field, inner]) => [field, SECRET_FIELD.test(field) ? CENSOR : scrubSecrets(inner, depth + 1)]),
  );
}
