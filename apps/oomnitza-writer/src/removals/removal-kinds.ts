import { HeldRemovalKind } from '@zoom-oomnitza-sync/contracts';

/** Removals that take a user away from Zoom for good; a deactivated user is still there. */
const REMOVED = ['deleted', 'disassociated', 'missing'] as const;
export type Removed = (typeof REMOVED)[number];

export function removedBy(removal: HeldRemovalKind | null): Removed | null {
  return REMOVED.find((kind) => kind === removal) ?? null;
}

/** Zoom Status of a user gone from a clean full sync: Zoom does not say whether it was deleted or disassociated. */
export const MISSING_USER_STATUS = 'deleted';
