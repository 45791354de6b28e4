import { literalAddressOf, OutboundAddressPolicy } from './address-policy';

describe('OutboundAddressPolicy', () => {
  const strict = OutboundAddressPolicy.fromAllowList('');

  it.each([
    ['loopback', '127.0.0.1'],
    ['loopback, elsewhere in 127/8', '127.8.9.10'],
    ['IPv6 loopback', '::1'],
    ['private 10/8', '10.1.2.3'],
    ['private 172.16/12', '172.20.0.5'],
    ['private 192.168/16', '192.168.1.1'],
    ['link-local: cloud metadata', '169.254.169.254'],
    ['carrier-grade NAT (a metadata address too)', '100.100.100.200'],
    ['unspecified', '0.0.0.0'],
    ['multicast', '224.0.0.1'],
    ['broadcast', '255.255.255.255'],
    ['IPv6 unique-local (AWS metadata over IPv6)', 'fd00:ec2::254'],
    ['IPv6 link-local', 'fe80::1'],
    ['IPv6 multicast', 'ff02::1'],
    ['IPv4-mapped loopback', '::ffff:127.0.0.1'],
    ['IPv4-mapped metadata', '::ffff:169.254.169.254'],
    ['not an address at all', 'localhost'],
  ])('refuses %s (%s)', (_, address) => {
    expect(strict.allows(address)).toBe(false);
  });

  it.each([['93.184.216.34'], ['8.8.8.8'], ['2606:2800:220:1:248:1893:25c8:1946'], ['::ffff:93.184.216.34']])(
    'allows the public address %s',
    (address) => {
      expect(strict.allows(address)).toBe(true);
    },
  );

  it('allows what the allow-list names, of its family, and nothing more', () => {
    const sandboxes = OutboundAddressPolicy.fromAllowList(' 127.0.0.0/8 , ::1/128');

    expect(['127.0.0.1', '127.0.0.53', '::1', '::ffff:127.0.0.1'].every((address) => sandboxes.allows(address))).toBe(true);
    expect(['10.0.0.1', '169.254.169.254', 'fe80::1'].some((address) => sandboxes.allows(address))).toBe(false);
  });

  it('refuses an allow-list entry that is not a CIDR range, naming it', () => {
    expect(() => OutboundAddressPolicy.fromAllowList('127.0.0.1/8,localhost')).toThrow(/"localhost" is not a CIDR range/);
    expect(() => OutboundAddressPolicy.fromAllowList('10.0.0.1')).toThrow(/"10.0.0.1" is not a CIDR range/);
  });

  it('tells literal addresses in URL hosts from names', () => {
    expect(literalAddressOf('10.0.0.1')).toBe('10.0.0.1');
    expect(literalAddressOf('[::1]')).toBe('::1');
    expect(literalAddressOf('acme.oomnitza.com')).toBeUndefined();
  });
});
