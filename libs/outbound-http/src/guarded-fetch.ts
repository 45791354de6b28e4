import { Agent, fetch, RequestInit, Response } from 'undici';
import { literalAddressOf, OutboundAddressPolicy } from './address-policy';
import { guardedLookup, ResolveAll } from './guarded-lookup';
import { OutboundAddressRefused } from './outbound-address-refused';

export type GuardedFetch = (url: string, init?: Omit<RequestInit, 'dispatcher' | 'redirect'>) => Promise<Response>;

/**
 * fetch for tenant-given URLs: a host that is, or resolves to, an address the policy refuses fails
 * with OutboundAddressRefused before anything is sent, and a redirect is answered as it came (3xx),
 * never followed, so neither the request nor its headers go anywhere else.
 */
export function createGuardedFetch(policy: OutboundAddressPolicy, resolve?: ResolveAll): GuardedFetch {
  const dispatcher = new Agent({ connect: { lookup: guardedLookup(policy, resolve) } });
  return async (url, init = {}) => {
    const { hostname } = new URL(url);
    const literal = literalAddressOf(hostname);
    // A literal address is connected to without any lookup: it is checked here instead.
    if (literal !== undefined && !policy.allows(literal)) {
      throw new OutboundAddressRefused(hostname, literal);
    }
    return fetch(url, { ...init, redirect: 'manual', dispatcher });
  };
}
