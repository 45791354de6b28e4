import { RateLimitsMigration } from '@zoom-oomnitza-sync/platform';

/** The table the request limits are counted in, shared by the service's replicas. */
export class RateLimits1764240700000 extends RateLimitsMigration {}
