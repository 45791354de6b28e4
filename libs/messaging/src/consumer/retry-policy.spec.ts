import { InvalidMessageError } from '@zoom-oomnitza-sync/contracts';
import { PermanentMessageError } from './permanent-message-error';
import { deadLetterReasonFor, retryDelayMs } from './retry-policy';

describe('retryDelayMs', () => {
  it('doubles the ceiling with each attempt, from the base', () => {
    const highest = (attempt: number) => retryDelayMs(attempt, 100, 100_000, () => 1);
    expect([1, 2, 3, 4].map(highest)).toEqual([100, 200, 400, 800]);
  });

  it('never exceeds the maximum, however many attempts', () => {
    expect(retryDelayMs(50, 100, 5_000, () => 1)).toBe(5_000);
    expect(retryDelayMs(5_000, 100, 5_000, () => 1)).toBe(5_000);
  });

  it('jitters between half and all of the ceiling', () => {
    expect(retryDelayMs(3, 100, 100_000, () => 0)).toBe(200);
    expect(retryDelayMs(3, 100, 100_000, () => 0.5)).toBe(300);
    for (let i = 0; i < 200; i += 1) {
      const delay = retryDelayMs(3, 100, 100_000);
      expect(delay).toBeGreaterThanOrEqual(200);
      expect(delay).toBeLessThanOrEqual(400);
    }
  });
});

describe('deadLetterReasonFor', () => {
  it('retries a transient error while attempts remain', () => {
    expect(deadLetterReasonFor(new Error('connection reset'), 1, 3)).toBeUndefined();
    expect(deadLetterReasonFor(new Error('connection reset'), 2, 3)).toBeUndefined();
  });

  it('gives up on a transient error at the last attempt', () => {
    expect(deadLetterReasonFor(new Error('connection reset'), 3, 3)).toBe('retries-exhausted');
  });

  it('dead-letters permanent errors at once', () => {
    expect(deadLetterReasonFor(new PermanentMessageError('unknown integration'), 1, 5)).toBe('permanent-error');
  });

  it('dead-letters validation failures at once', () => {
    expect(deadLetterReasonFor(new InvalidMessageError(['payload.user: must be an object']), 1, 5)).toBe('invalid-message');
  });
});
