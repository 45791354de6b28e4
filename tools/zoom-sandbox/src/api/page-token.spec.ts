import { ManualClock } from '../clock';
import { PageTokenCodec } from './page-token';

describe('PageTokenCodec', () => {
  const clock = new ManualClock(Date.UTC(2025, 0, 1));
  const codec = new PageTokenCodec(clock, 15 * 60_000);

  it('reads back what it issued, with and without a role filter', () => {
    expect(codec.read(codec.issue({ accountOrdinal: 3, status: 'inactive', offset: 600 }))).toEqual({
      accountOrdinal: 3,
      status: 'inactive',
      offset: 600,
      roleId: undefined,
    });
    expect(codec.read(codec.issue({ accountOrdinal: 0, status: 'pending', offset: 30, roleId: 'RcDm5w0kTSyVx3d8KUSDpSg' }))).toEqual({
      accountOrdinal: 0,
      status: 'pending',
      offset: 30,
      roleId: 'RcDm5w0kTSyVx3d8KUSDpSg',
    });
  });

  it('refuses a token once its lifetime is over', () => {
    const token = codec.issue({ accountOrdinal: 0, status: 'active', offset: 300 });
    clock.advance(15 * 60_000 - 1);
    expect(codec.read(token)).toBeDefined();
    clock.advance(1);
    expect(codec.read(token)).toBeUndefined();
  });

  it('refuses edited, truncated and foreign tokens', () => {
    const token = codec.issue({ accountOrdinal: 0, status: 'active', offset: 300 });
    const bytes = Buffer.from(token, 'base64url');
    bytes[bytes.length - 1] ^= 1;
    expect(codec.read(bytes.toString('base64url'))).toBeUndefined();
    expect(codec.read(token.slice(0, 20))).toBeUndefined();
    expect(codec.read('IAfJX3jsOLW7w3dokmFl84zOa0MAVGyMEB2')).toBeUndefined();
    expect(new PageTokenCodec(clock, 60_000).read(token)).toBeUndefined();
  });

  it('gives tokens that do not show the position they carry', () => {
    const first = codec.issue({ accountOrdinal: 0, status: 'active', offset: 300 });
    const second = codec.issue({ accountOrdinal: 0, status: 'active', offset: 600 });
    expect(first.slice(0, 8)).not.toBe(second.slice(0, 8));
    expect(first).toMatch(/^[A-Za-z0-9_-]+$/);
  });
});
