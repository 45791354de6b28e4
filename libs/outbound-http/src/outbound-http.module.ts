import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { OutboundAddressPolicy } from './address-policy';
import { createGuardedFetch } from './guarded-fetch';

/** The injection token of the service's GuardedFetch. */
export const GUARDED_FETCH = Symbol('GUARDED_FETCH');

/**
 * The address policy from OUTBOUND_ALLOWED_ADDRESSES (refused at startup when malformed) and the
 * fetch every call to a tenant-given URL goes through.
 */
@Module({
  providers: [
    {
      provide: OutboundAddressPolicy,
      inject: [ConfigService],
      useFactory: (config: ConfigService) => OutboundAddressPolicy.fromAllowList(config.get<string>('OUTBOUND_ALLOWED_ADDRESSES') ?? ''),
    },
    { provide: GUARDED_FETCH, inject: [OutboundAddressPolicy], useFactory: (policy: OutboundAddressPolicy) => createGuardedFetch(policy) },
  ],
  exports: [OutboundAddressPolicy, GUARDED_FETCH],
})
export class OutboundHttpModule {}
