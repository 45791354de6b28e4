/** A tenant-given URL that leads to an address the policy does not let calls reach. */
export class OutboundAddressRefused extends Error {
  readonly code = 'OUTBOUND_ADDRESS_REFUSED';

  constructor(
    readonly hostname: string,
    readonly address: string,
  ) {
    super(
      hostname.replace(/^\[(.*)\]$/, '$1') === address
        ? `${address} is not a public address: calls to private, loopback, link-local and similar addresses are refused`
        : `${hostname} resolves to ${address}, which is not a public address: calls to private, loopback, link-local and similar addresses are refused`,
    );
    this.name = 'OutboundAddressRefused';
  }
}
