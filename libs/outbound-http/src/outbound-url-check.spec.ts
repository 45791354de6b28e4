import { OutboundAddressPolicy } from './address-policy';
import { refusalOfUrl } from './outbound-url-check';

describe('refusalOfUrl: a tenant-given URL checked when it is saved', () => {
  const strict = OutboundAddressPolicy.fromAllowList('');
  const resolvesTo =
    (...addresses: string[]) =>
    async () =>
      addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

  it('refuses a literal private or metadata address, in our words', async () => {
    expect(await refusalOfUrl('http://169.254.169.254/latest/meta-data', strict)).toBe(
      '169.254.169.254 is not a public address: calls to private, loopback, link-local and similar addresses are refused',
    );
    expect(await refusalOfUrl('https://[::1]:8443', strict)).toMatch(/^::1 is not a public address/);
  });

  it('refuses a name that resolves to a private address, even when another of its addresses is public', async () => {
    expect(await refusalOfUrl('https://acme.oomnitza.com', strict, resolvesTo('93.184.216.34', '10.0.0.7'))).toBe(
      'acme.oomnitza.com resolves to 10.0.0.7, which is not a public address: calls to private, loopback, link-local and similar addresses are refused',
    );
  });

  it('accepts a name that resolves to public addresses only, and leaves a name that does not resolve to the connection test', async () => {
    expect(await refusalOfUrl('https://acme.oomnitza.com', strict, resolvesTo('93.184.216.34'))).toBeUndefined();
    const unresolvable = async () => Promise.reject(Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }));
    expect(await refusalOfUrl('https://nowhere.invalid', strict, unresolvable)).toBeUndefined();
  });

  it('accepts what the allow-list names', async () => {
    expect(await refusalOfUrl('http://127.0.0.1:9302', OutboundAddressPolicy.fromAllowList('127.0.0.0/8'))).toBeUndefined();
  });
});
