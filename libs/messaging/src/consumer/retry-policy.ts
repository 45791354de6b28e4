import { InvalidMessageError } from '@zoom-oomnitza-sync/contracts';
import { DeadLetterReason } from '../metrics/messaging-metrics';
import { PermanentMessageError } from './permanent-message-error';

/**
 * Exponential backoff with jitter: attempt n waits between half and all of
 * min(max, base * 2^(n-1)), so replicas that failed together do not retry together.
 */
export function retryDelayMs(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** Why a failed attempt ends the message's processing, or undefined when it should be retried. */
export function deadLetterReasonFor(error: unknown, attempt: number, maxAttempts: number): DeadLetterReason | undefined {
  if (error instanceof InvalidMessageError) {
    return 'invalid-message';
  }
  if (error instanceof PermanentMessageError) {
    return 'permanent-error';
  }
  if (attempt >= maxAttempts) {
    return 'retries-exhausted';
  }
  return undefined;
}
