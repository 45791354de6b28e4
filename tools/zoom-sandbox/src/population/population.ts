import { USER_STATUSES, UserStatus, ZoomUser } from './zoom-user';

/** A user and its place in Zoom's listing order (creation order). */
export interface UserRecord {
  readonly seq: number;
  readonly user: Readonly<ZoomUser>;
}

export interface UsersSummary {
  licensed_users_count: number;
  basic_users_count: number;
  on_prem_users_count: number;
  room_users_count: number;
  pending_users_count: number;
  join_only_users_count: number;
  total_users_count: number;
}

export class UserNotFoundError extends Error {}
export class EmailTakenError extends Error {}

/**
 * One Zoom account's users, indexed the ways the API reads them: by id, by e-mail and per status
 * in creation order. Listings are live arrays; `revision` moves on every change so callers can
 * cache what they derive from them.
 */
export class Population {
  private readonly listings: Record<UserStatus, UserRecord[]> = { active: [], inactive: [], pending: [] };
  private readonly byId = new Map<string, UserRecord>();
  private readonly byEmail = new Map<string, UserRecord>();
  private readonly roleListings = new Map<string, UserRecord[]>();
  private cachedSummary: UsersSummary | undefined;
  private nextSeq = 0;
  private currentRevision = 0;

  constructor(users: readonly ZoomUser[]) {
    for (const user of users) {
      this.index({ seq: this.nextSeq++, user });
    }
  }

  get revision(): number {
    return this.currentRevision;
  }

  get size(): number {
    return this.byId.size;
  }

  /** By id, or by e-mail (any case) when the key contains "@", as GET /users/{userId} does. */
  find(idOrEmail: string): Readonly<ZoomUser> | undefined {
    const record = idOrEmail.includes('@') ? this.byEmail.get(idOrEmail.toLowerCase()) : this.byId.get(idOrEmail);
    return record?.user;
  }

  /** The users of one status in listing order, optionally of one role. Do not modify. */
  listing(status: UserStatus, roleId?: string): readonly UserRecord[] {
    if (roleId === undefined) {
      return this.listings[status];
    }
    const key = `${status}\u0000${roleId}`;
    let listing = this.roleListings.get(key);
    if (!listing) {
      listing = this.listings[status].filter((record) => record.user.role_id === roleId);
      this.roleListings.set(key, listing);
    }
    return listing;
  }

  /** A copy of the users (of one status, or all) in listing order. */
  users(status?: UserStatus): Readonly<ZoomUser>[] {
    const records = status ? this.listings[status] : USER_STATUSES.flatMap((each) => this.listings[each]).sort((a, b) => a.seq - b.seq);
    return records.map((record) => record.user);
  }

  add(user: ZoomUser): Readonly<ZoomUser> {
    if (this.byEmail.has(user.email.toLowerCase())) {
      throw new EmailTakenError(user.email);
    }
    const record = { seq: this.nextSeq++, user };
    this.index(record);
    this.changed();
    return user;
  }

  /** Puts `next` in place of the user with next.id; returns the previous version. */
  replace(next: ZoomUser): Readonly<ZoomUser> {
    const current = this.byId.get(next.id);
    if (!current) {
      throw new UserNotFoundError(next.id);
    }
    const emailOwner = this.byEmail.get(next.email.toLowerCase());
    if (emailOwner && emailOwner !== current) {
      throw new EmailTakenError(next.email);
    }
    this.unindex(current);
    this.index({ seq: current.seq, user: next });
    this.changed();
    return current.user;
  }

  remove(id: string): Readonly<ZoomUser> {
    const current = this.byId.get(id);
    if (!current) {
      throw new UserNotFoundError(id);
    }
    this.unindex(current);
    this.changed();
    return current.user;
  }

  /**
   * Counts by kind. Licensed, basic and join-only (type 4) count active and inactive users;
   * pending users count once, whatever their type, so total = everyone the three passes list.
   */
  summary(): UsersSummary {
    if (!this.cachedSummary) {
      const summary: UsersSummary = {
        licensed_users_count: 0,
        basic_users_count: 0,
        on_prem_users_count: 0,
        room_users_count: 0,
        pending_users_count: this.listings.pending.length,
        join_only_users_count: 0,
        total_users_count: this.byId.size,
      };
      for (const record of [...this.listings.active, ...this.listings.inactive]) {
        if (record.user.type === 2) {
          summary.licensed_users_count += 1;
        } else if (record.user.type === 1) {
          summary.basic_users_count += 1;
        } else {
          summary.join_only_users_count += 1;
        }
      }
      this.cachedSummary = summary;
    }
    return { ...this.cachedSummary };
  }

  private index(record: UserRecord): void {
    this.byId.set(record.user.id, record);
    this.byEmail.set(record.user.email.toLowerCase(), record);
    const listing = this.listings[record.user.status];
    listing.splice(insertionPoint(listing, record.seq), 0, record);
  }

  private unindex(record: UserRecord): void {
    this.byId.delete(record.user.id);
    this.byEmail.delete(record.user.email.toLowerCase());
    const listing = this.listings[record.user.status];
    listing.splice(insertionPoint(listing, record.seq), 1);
  }

  private changed(): void {
    this.currentRevision += 1;
    this.roleListings.clear();
    this.cachedSummary = undefined;
  }
}

/** Index of the first record whose seq is not below `seq` (listings are sorted by seq). */
function insertionPoint(listing: readonly UserRecord[], seq: number): number {
  let low = 0;
  let high = listing.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (listing[middle].seq < seq) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return low;
}
