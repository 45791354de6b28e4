import { last4Of, storedMask } from './secret-mask';

describe('secret masks', () => {
  it('keeps the last four characters of a long secret, never the rest', () => {
    const mask = storedMask({}, last4Of('abcdefghijklmnop1234'));
    expect(mask).toEqual({ set: true, last4: '1234' });
    expect(JSON.stringify(mask)).not.toContain('abcdefghijklmnop');
  });

  it('keeps nothing of a secret shorter than 12 characters, since four would be a third of it', () => {
    expect(last4Of('short-12345')).toBeNull();
    expect(last4Of('exactly-12ch')).toBe('12ch');
  });

  it('says an absent secret is not set', () => {
    expect(storedMask(null, null)).toEqual({ set: false, last4: null });
  });
});
