/**
 * DNS resolution that refuses what webhooks may not reach (domain/webhooks/endpointUrl.ts): used
 * at registration and, as the socket's own `lookup`, at every delivery — so the address checked
 * is the address connected to (no second resolution a rebinding DNS server could change).
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { addressAllowed } from '../../domain/webhooks/endpointUrl';

export class AddressRefusedError extends Error {
  constructor(readonly address: string) {
    super(`address refused: ${address}`);
    this.name = 'AddressRefusedError';
  }
}

/** Every address the host resolves to; refused when any is not allowed (a mixed answer is suspect). */
export function resolveAllowed(hostname: string, localMode: boolean): Promise<LookupAddress[]> {
  const host = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  if (isIP(host)) {
    if (!addressAllowed(host, localMode)) return Promise.reject(new AddressRefusedError(host));
    return Promise.resolve([{ address: host, family: isIP(host) }]);
  }
  return new Promise((resolve, reject) => {
    dnsLookup(host, { all: true, verbatim: true }, (error, addresses) => {
      if (error) return reject(error);
      const refused = addresses.find((entry) => !addressAllowed(entry.address, localMode));
      if (refused) return reject(new AddressRefusedError(refused.address));
      resolve(addresses);
    });
  });
}

/** A `lookup` for http(s).request that only ever hands the socket allowed addresses. */
export function guardedLookup(localMode: boolean): LookupFunction {
  return (hostname, options, callback) => {
    resolveAllowed(hostname, localMode).then(
      (addresses) => {
        if (options.all) (callback as unknown as (error: null, addresses: LookupAddress[]) => void)(null, addresses);
        else callback(null, addresses[0]!.address, addresses[0]!.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };
}
