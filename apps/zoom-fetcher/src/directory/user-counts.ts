const KINDS = ['licensed', 'basic', 'joinOnly', 'pending'] as const;

/** Users by kind (the fields of zoom.drift.detected's UserCountsDto). */
export type UserCounts = Record<(typeof KINDS)[number], number>;

/** Zoom's type: 2 licensed, 1 basic, anything else (4, 99) without a license. */
export function kindOf(status: string | null, type: number | null): keyof UserCounts {
  if (status === 'pending') {
    return 'pending';
  }
  return type === 2 ? 'licensed' : type === 1 ? 'basic' : 'joinOnly';
}

/** `GET /users/summary` as counts by kind; a count Zoom leaves out is 0. */
export function countsOfSummary(summary: Record<string, unknown>): UserCounts {
  const count = (field: string) => (typeof summary[field] === 'number' ? summary[field] : 0);
  return {
    licensed: count('licensed_users_count'),
    basic: count('basic_users_count'),
    joinOnly: count('join_only_users_count'),
    pending: count('pending_users_count'),
  };
}

export function subtractCounts(from: UserCounts, counts: UserCounts): UserCounts {
  return Object.fromEntries(KINDS.map((kind) => [kind, from[kind] - counts[kind]])) as UserCounts;
}

export function sameCounts(a: UserCounts, b: UserCounts): boolean {
  return KINDS.every((kind) => a[kind] === b[kind]);
}

export const NO_USERS: UserCounts = { licensed: 0, basic: 0, joinOnly: 0, pending: 0 };
