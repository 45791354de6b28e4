import ipaddr from 'ipaddr.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/**
 * Which addresses a call to a tenant-given URL may reach: public unicast addresses only, never
 * loopback, private, link-local (cloud metadata at 169.254.169.254 included), carrier-grade NAT,
 * multicast, unique-local or reserved ones; IPv4-mapped IPv6 addresses count as their IPv4
 * address. Ranges listed in the allow-list (sandboxes and tests, never by default) may be reached
 * whatever they are.
 */
export class OutboundAddressPolicy {
  private constructor(private readonly allowed: ReadonlyArray<[Address, number]>) {}

  /** From a comma-separated list of CIDR ranges (`127.0.0.0/8,::1/128`); throws, naming it, on one that is not. */
  static fromAllowList(list: string): OutboundAddressPolicy {
    const ranges = list
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry.length > 0)
      .map((entry) => {
        try {
          return ipaddr.parseCIDR(entry);
        } catch {
          throw new Error(`OUTBOUND_ALLOWED_ADDRESSES: "${entry}" is not a CIDR range such as 127.0.0.0/8 or ::1/128`);
        }
      });
    return new OutboundAddressPolicy(ranges);
  }

  allows(address: string): boolean {
    if (!ipaddr.isValid(address)) {
      return false;
    }
    const parsed = ipaddr.process(address);
    return parsed.range() === 'unicast' || this.allowed.some(([base, bits]) => base.kind() === parsed.kind() && parsed.match(base, bits));
  }
}

/** The address a URL's host names literally (`10.0.0.1`, `[::1]`), if it is one. */
export function literalAddressOf(hostname: string): string | undefined {
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return ipaddr.isValid(bare) ? bare : undefined;
}
