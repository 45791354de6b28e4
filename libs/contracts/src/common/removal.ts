/**
 * What took a Zoom user away, as a record says it: a webhook's deactivation, deletion or
 * disassociation. The integration's removal policy governs deletions and disassociations
 * (deactivation is not a removal); the mass-removal circuit breaker counts all three.
 */
export const ZOOM_REMOVALS = ['deactivated', 'deleted', 'disassociated'] as const;
export type ZoomRemoval = (typeof ZOOM_REMOVALS)[number];

/** Removals a held batch may carry: Zoom's own, or `missing`, a user a clean full sync no longer found. */
export const HELD_REMOVAL_KINDS = [...ZOOM_REMOVALS, 'missing'] as const;
export type HeldRemovalKind = (typeof HELD_REMOVAL_KINDS)[number];

/** What an integration does when Zoom deletes or disassociates a user, or a clean full sync no longer finds one. */
export const ZOOM_REMOVAL_POLICIES = ['mark', 'ignore'] as const;
export type ZoomRemovalPolicy = (typeof ZOOM_REMOVAL_POLICIES)[number];

/**
 * The removal settings an integration has unless it chooses others (and that a snapshot from
 * before they existed stands for): mark removals, and hold more than 10 % of the synced users
 * (never fewer than 20 people) removed at once.
 */
export const REMOVAL_DEFAULTS = {
  onZoomRemoval: 'mark' as ZoomRemovalPolicy,
  removalThresholdPercent: 10,
  removalThresholdMinimum: 20,
} as const;
