import { lookup as dnsLookup, LookupAddress } from 'node:dns';
import { LookupFunction } from 'node:net';
import { OutboundAddressPolicy } from './address-policy';
import { OutboundAddressRefused } from './outbound-address-refused';

export type ResolveAll = (hostname: string) => Promise<LookupAddress[]>;

const resolveAll: ResolveAll = (hostname) =>
  new Promise((resolve, reject) => dnsLookup(hostname, { all: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))));

/**
 * The DNS lookup a connection makes: every address the name resolves to must be allowed, or the
 * connection is refused. The connection then goes to an address this lookup checked: a name that
 * resolves to a public address when saved and a private one later (DNS rebinding) is refused then.
 */
export function guardedLookup(policy: OutboundAddressPolicy, resolve: ResolveAll = resolveAll): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (addresses) => {
        const refused = addresses.find((entry) => !policy.allows(entry.address));
        if (refused || addresses.length === 0) {
          callback(new OutboundAddressRefused(hostname, refused?.address ?? 'no address'), '', 0);
          return;
        }
        const wanted =
          options.family === 4 || options.family === 6 ? addresses.filter((entry) => entry.family === options.family) : addresses;
        const usable = wanted.length > 0 ? wanted : addresses;
        if (options.all) {
          (callback as unknown as (error: null, addresses: LookupAddress[]) => void)(null, usable);
        } else {
          callback(null, usable[0].address, usable[0].family);
        }
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };
}
