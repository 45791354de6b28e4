import { AccountRateLimiter } from './rate-limiter';

const midnight = Date.UTC(2025, 0, 10);

describe('AccountRateLimiter', () => {
  it('allows a category its per-second limit within one second, then rejects with QPS headers', () => {
    const limiter = new AccountRateLimiter('pro');
    const at = midnight + 5_000;
    for (let call = 1; call <= 20; call += 1) {
      const decision = limiter.take('Medium', at);
      expect(decision).toMatchObject({
        allowed: true,
        headers: {
          'X-RateLimit-Category': 'Medium',
          'X-RateLimit-Type': 'QPS',
          'X-RateLimit-Limit': '20',
          'X-RateLimit-Remaining': String(20 - call),
        },
      });
    }
    expect(limiter.take('Medium', at + 999)).toEqual({
      allowed: false,
      limitType: 'QPS',
      headers: {
        'X-RateLimit-Category': 'Medium',
        'X-RateLimit-Type': 'QPS',
        'X-RateLimit-Limit': '20',
        'X-RateLimit-Remaining': '0',
        'Retry-After': '1',
      },
    });
    expect(limiter.take('Medium', at + 1000).allowed).toBe(true);
  });

  it('keeps a separate budget per category', () => {
    const limiter = new AccountRateLimiter('free');
    expect(limiter.take('Medium', midnight).allowed).toBe(true);
    expect(limiter.take('Medium', midnight).allowed).toBe(true);
    expect(limiter.take('Medium', midnight).allowed).toBe(false);
    for (let call = 0; call < 4; call += 1) {
      expect(limiter.take('Light', midnight).allowed).toBe(true);
    }
    expect(limiter.take('Light', midnight).allowed).toBe(false);
    expect(limiter.take('Heavy', midnight).allowed).toBe(true);
    expect(limiter.take('Heavy', midnight).allowed).toBe(false);
  });

  it('enforces a daily limit until 00:00 UTC and reports it with the reset time', () => {
    const limiter = new AccountRateLimiter('free');
    for (let call = 0; call < 1000; call += 1) {
      const decision = limiter.take('Heavy', midnight + call * 1000);
      expect(decision.allowed).toBe(true);
      expect(decision.headers['X-RateLimit-Type']).toBe('Daily-limit');
    }
    expect(limiter.take('Heavy', midnight + 2_000_000)).toEqual({
      allowed: false,
      limitType: 'Daily-limit',
      headers: {
        'X-RateLimit-Category': 'Heavy',
        'X-RateLimit-Type': 'Daily-limit',
        'X-RateLimit-Limit': '1000',
        'X-RateLimit-Remaining': '0',
        'Retry-After': '2025-01-11T00:00:00Z',
      },
    });
    expect(limiter.take('Heavy', midnight + 86_400_000).allowed).toBe(true);
  });

  it('has daily limits on Heavy calls only for paid plans', () => {
    const limiter = new AccountRateLimiter('business');
    expect(limiter.take('Light', midnight).headers).toMatchObject({ 'X-RateLimit-Type': 'QPS', 'X-RateLimit-Limit': '80' });
    expect(limiter.take('Heavy', midnight).headers).toMatchObject({
      'X-RateLimit-Type': 'Daily-limit',
      'X-RateLimit-Limit': '60000',
      'X-RateLimit-Remaining': '59999',
    });
  });

  it('never limits the unlimited plan', () => {
    const limiter = new AccountRateLimiter('unlimited');
    for (let call = 0; call < 10_000; call += 1) {
      expect(limiter.take('Medium', midnight).allowed).toBe(true);
    }
  });

  it('starts afresh when the plan changes', () => {
    const limiter = new AccountRateLimiter('free');
    limiter.take('Medium', midnight);
    limiter.take('Medium', midnight);
    limiter.changePlan('pro');
    expect(limiter.take('Medium', midnight).headers['X-RateLimit-Remaining']).toBe('19');
  });

  it('counts what it let through and refused per category, and the busiest second, to measure callers by', () => {
    const limiter = new AccountRateLimiter('pro');
    for (let call = 0; call < 25; call += 1) {
      limiter.take('Medium', midnight);
    }
    for (let call = 0; call < 3; call += 1) {
      limiter.take('Medium', midnight + 1000);
      limiter.take('Light', midnight + 1000);
    }

    expect(limiter.stats()).toEqual({
      Medium: { accepted: 23, rejected: 5, peakPerSecond: 20 },
      Light: { accepted: 3, rejected: 0, peakPerSecond: 3 },
    });
  });
});
