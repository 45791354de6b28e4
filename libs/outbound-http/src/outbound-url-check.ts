import { literalAddressOf, OutboundAddressPolicy } from './address-policy';
import { ResolveAll } from './guarded-lookup';
import { OutboundAddressRefused } from './outbound-address-refused';
import { lookup as dnsLookup } from 'node:dns/promises';

const resolveAll: ResolveAll = (hostname) => dnsLookup(hostname, { all: true });

/**
 * Checks a tenant-given URL when it is saved: its host must be, or resolve only to, addresses the
 * policy allows. Answers why not (our words), or undefined; a name that does not resolve is left
 * to the connection test, which says so.
 */
export async function refusalOfUrl(
  url: string,
  policy: OutboundAddressPolicy,
  resolve: ResolveAll = resolveAll,
): Promise<string | undefined> {
  const { hostname } = new URL(url);
  const literal = literalAddressOf(hostname);
  if (literal !== undefined) {
    return policy.allows(literal) ? undefined : new OutboundAddressRefused(hostname, literal).message;
  }
  const addresses = await resolve(hostname).catch(() => []);
  const refused = addresses.find((entry) => !policy.allows(entry.address));
  return refused ? new OutboundAddressRefused(hostname, refused.address).message : undefined;
}
