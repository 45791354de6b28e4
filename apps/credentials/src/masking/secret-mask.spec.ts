import { maskSecret } from './secret-mask';

describe('maskSecret', () => {
  it('shows that a long secret is set and its last four characters, never the rest', () => {
    const mask = maskSecret('abcdefghijklmnop1234');
    expect(mask).toEqual({ set: true, last4: '1234' });
    expect(JSON.stringify(mask)).not.toContain('abcdefghijklmnop');
  });

  it('shows nothing of a secret shorter than 12 characters, since four would be a third of it', () => {
    expect(maskSecret('short-12345')).toEqual({ set: true, last4: null });
    expect(maskSecret('exactly-12ch')).toEqual({ set: true, last4: '12ch' });
  });

  it('says an absent secret is not set', () => {
    expect(maskSecret(null)).toEqual({ set: false, last4: null });
  });
});
