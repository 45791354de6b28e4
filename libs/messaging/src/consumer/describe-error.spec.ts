import { InvalidMessageError } from '@zoom-oomnitza-sync/contracts';
import { describeError } from './describe-error';

describe('describeError', () => {
  it('lists every validation problem', () => {
    expect(describeError(new InvalidMessageError(['tenantId: must be a string', 'payload.user: must be an object']))).toBe(
      'tenantId: must be a string; payload.user: must be an object',
    );
  });

  it('names the error class and keeps one line', () => {
    expect(describeError(new TypeError('bad\n  value'))).toBe('TypeError: bad value');
  });

  it('bounds the length', () => {
    expect(describeError(new Error('x'.repeat(5_000))).length).toBeLessThanOrEqual(1_000);
  });
});
