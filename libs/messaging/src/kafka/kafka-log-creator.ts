import { logCreator, logLevel } from 'kafkajs';
import { Logger } from 'pino';

/** The kafkajs log fields worth keeping; anything else (which could hold message data) is dropped. */
const SAFE_FIELDS = ['broker', 'clientId', 'groupId', 'memberId', 'topic', 'partition', 'offset', 'retryCount', 'retryTime', 'error'];

type PinoLevel = 'error' | 'warn' | 'info' | 'debug';

function pinoLevelOf(level: logLevel, namespace: string, message: string): PinoLevel {
  // kafkajs logs every failed broker response as an error although it retries them itself.
  if (level === logLevel.ERROR && namespace === 'Connection' && message.startsWith('Response ')) {
    return 'warn';
  }
  if (level === logLevel.ERROR || level === logLevel.NOTHING) {
    return 'error';
  }
  if (level === logLevel.WARN) {
    return 'warn';
  }
  return level === logLevel.INFO ? 'info' : 'debug';
}

/** Routes kafkajs logs into pino. kafkajs is asked for warn and above only. */
export function pinoLogCreator(logger: Logger): logCreator {
  return () =>
    ({ namespace, level, log }) => {
      const fields: Record<string, unknown> = { namespace };
      for (const field of SAFE_FIELDS) {
        if (log[field] !== undefined) {
          fields[field] = log[field];
        }
      }
      const message = String(log.message ?? '');
      logger[pinoLevelOf(level, namespace, message)](fields, message);
    };
}
