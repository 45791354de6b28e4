/**
 * Healing what Zoom drops: an integration with webhooks on has its Zoom user counts compared with
 * what the platform saw every `reconcileIntervalMinutes`, and a difference starts a full sync.
 * A snapshot from before these settings existed stands for RECONCILE_DEFAULTS.
 */
export const RECONCILE_DEFAULTS = {
  webhooksEnabled: true,
  reconcileIntervalMinutes: 60,
} as const;

/** The shortest and longest time between two reconciles of one integration. */
export const RECONCILE_INTERVAL_MINUTES = { min: 5, max: 1440 } as const;
