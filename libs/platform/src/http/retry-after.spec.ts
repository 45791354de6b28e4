import { parseRetryAfterMs } from './retry-after';

describe('parseRetryAfterMs', () => {
  const now = Date.parse('2026-11-29T10:00:00Z');

  it.each([
    ['seconds', '3', 3000],
    ['an HTTP date', 'Sun, 29 Nov 2026 10:00:05 GMT', 5000],
    ['an ISO time', '2026-11-30T00:00:00Z', 14 * 3_600_000],
    ['a time already past', '2026-11-29T09:00:00Z', 0],
  ])('reads %s', (_, header, expected) => {
    expect(parseRetryAfterMs(header, now)).toBe(expected);
  });

  it.each([null, undefined, '', 'soon'])('has nothing to say for %p', (header) => {
    expect(parseRetryAfterMs(header, now)).toBeUndefined();
  });
});
