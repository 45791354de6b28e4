import { RateLimitsMigration } from '@zoom-oomnitza-sync/platform';

/** The table the request limits are counted in, shared by the service's replicas. */
export class RateLimits1764240500000 extends RateLimitsMigration {}
