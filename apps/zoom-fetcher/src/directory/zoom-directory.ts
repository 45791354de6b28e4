import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ZOOM_USER_STATUSES, ZoomUserDto } from '@zoom-oomnitza-sync/contracts';
import { preparedStatement, qualifiedTable, SqlParameters } from '@zoom-oomnitza-sync/platform';
import { DataSource, EntityManager } from 'typeorm';
import { DirectoryCensusEntity } from './directory-census.entity';
import { KnownUserEntity, KnownUserStatus } from './known-user.entity';
import { kindOf, NO_USERS, subtractCounts, UserCounts } from './user-counts';

/** How long a removed user's tombstone outlives the full sync that last confirmed it. */
const TOMBSTONE_DAYS = 30;

function keyOf(user: ZoomUserDto): string | undefined {
  if (user.id) {
    return user.id;
  }
  return user.email ? `email:${user.email.toLowerCase()}` : undefined;
}

function rowsOf(users: readonly ZoomUserDto[], status?: KnownUserStatus) {
  return users.flatMap((user) => {
    const key = keyOf(user);
    const own =
      typeof user.status === 'string' && (ZOOM_USER_STATUSES as readonly string[]).includes(user.status)
        ? (user.status as KnownUserStatus)
        : null;
    return key ? [{ user_key: key, email: user.email ?? null, status: status ?? own, type: user.type ?? null }] : [];
  });
}

/** The common table expressions that record users ($1 credential, $2 the rows as JSON, $3 observed at), the last one `recorded`. */
function recordingSql(table: string): string {
  return `incoming AS (
      SELECT DISTINCT ON (user_key) * FROM jsonb_to_recordset($2::jsonb) AS u(user_key text, email text, status text, type int)
    ), replaced_pending AS (
      DELETE FROM ${table} pending USING incoming
      WHERE pending.zoom_credential_id = $1 AND incoming.user_key NOT LIKE 'email:%' AND incoming.email IS NOT NULL
        AND pending.user_key = 'email:' || lower(incoming.email) AND pending.observed_at <= $3
    ), recorded AS (
      ${upsertSql(table, 'SELECT $1, user_key, email, status, type, $3 FROM incoming')}
    )`;
}

/** Inserts the users `source` selects; one already known takes the newer observation, a field left out keeping its value. */
function upsertSql(table: string, source: string): string {
  return `INSERT INTO ${table} AS known (zoom_credential_id, user_key, email, status, type, observed_at)
    ${source}
    ON CONFLICT (zoom_credential_id, user_key) DO UPDATE SET
      email = COALESCE(EXCLUDED.email, known.email), status = COALESCE(EXCLUDED.status, known.status),
      type = COALESCE(EXCLUDED.type, known.type), observed_at = EXCLUDED.observed_at
    WHERE known.observed_at <= EXCLUDED.observed_at
    RETURNING 1`;
}

/**
 * The Zoom users the fetcher saw, per credential, newest observation wins: from full-sync pages,
 * webhook events (partial: a field the event lacks keeps its value) and user reads. It answers
 * two questions cheaply: who is this user (their e-mail, for a change that does not carry it),
 * and how many users of each kind there are (the reconcile's side of `GET /users/summary`).
 */
@Injectable()
export class ZoomDirectory {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Inside the caller's transaction. `status` overrides the users' own (a page's pass, a removal).
   * A user with an id replaces the pending entry (keyed by e-mail) it came from.
   */
  async record(
    manager: EntityManager,
    zoomCredentialId: string,
    users: readonly ZoomUserDto[],
    observedAt: Date,
    status?: KnownUserStatus,
  ): Promise<void> {
    const rows = rowsOf(users, status);
    if (rows.length > 0) {
      await manager.query(
        preparedStatement(`WITH ${recordingSql(qualifiedTable(manager.connection, KnownUserEntity))} SELECT count(*) FROM recorded`),
        [zoomCredentialId, JSON.stringify(rows), observedAt],
      );
    }
  }

  /**
   * The CTEs that record one user as `record` does, for a caller's statement of its own (a webhook
   * event's whole intake is one statement): `previous`, what was known of the user before (the user
   * with this id, or the pending user with this e-mail: `email`, `status`), then the writes.
   * `credential` is the placeholder of the Zoom credential id. Plain parameters, for one user.
   */
  learningSql(
    dataSource: DataSource,
    parameters: SqlParameters,
    credential: string,
    user: ZoomUserDto,
    observedAt: Date,
    status?: KnownUserStatus,
  ): string {
    const table = qualifiedTable(dataSource, KnownUserEntity);
    const [row] = rowsOf([user], status);
    const key = `${parameters.add(row?.user_key ?? null)}::text`;
    const pendingKey = `${parameters.add(user.email ? `email:${user.email.toLowerCase()}` : null)}::text`;
    const observed = `${parameters.add(observedAt)}::timestamptz`;
    const values = [row?.email ?? null, row?.status ?? null].map((value) => `${parameters.add(value)}::text`);
    const type = `${parameters.add(row?.type ?? null)}::int`;
    return `previous AS (
         SELECT email, status FROM ${table}
         WHERE zoom_credential_id = ${credential} AND user_key IN (${key}, ${pendingKey}) ORDER BY user_key LIKE 'email:%' LIMIT 1
       ), replaced_pending AS (
         DELETE FROM ${table}
         WHERE zoom_credential_id = ${credential} AND ${key} NOT LIKE 'email:%' AND user_key = ${pendingKey} AND observed_at <= ${observed}
       ), recorded AS (
         ${upsertSql(table, `SELECT ${credential}, ${key}, ${values.join(', ')}, ${type}, ${observed} WHERE ${key} IS NOT NULL`)}
       )`;
  }

  /**
   * After a clean full sync, inside its last page's transaction: whoever it did not list, and no
   * event showed since it started, is gone from Zoom.
   */
  async removeUnlisted(manager: EntityManager, zoomCredentialId: string, listingStartedAt: Date): Promise<void> {
    const table = qualifiedTable(manager.connection, KnownUserEntity);
    await manager.query(
      `UPDATE ${table} SET status = 'removed', observed_at = $2
       WHERE zoom_credential_id = $1 AND observed_at < $2 AND status IS DISTINCT FROM 'removed'`,
      [zoomCredentialId, listingStartedAt],
    );
    await manager.query(
      `DELETE FROM ${table} WHERE zoom_credential_id = $1 AND status = 'removed' AND observed_at < now() - make_interval(days => $2)`,
      [zoomCredentialId, TOMBSTONE_DAYS],
    );
  }

  /** Users seen and not removed, by kind, as `GET /users/summary` counts them. */
  async counts(zoomCredentialId: string): Promise<UserCounts> {
    const groups = (await this.dataSource.query(
      `SELECT status, type, count(*)::int AS users FROM ${qualifiedTable(this.dataSource, KnownUserEntity)}
       WHERE zoom_credential_id = $1 AND status IS DISTINCT FROM 'removed' GROUP BY status, type`,
      [zoomCredentialId],
    )) as { status: string | null; type: number | null; users: number }[];
    const counts = { ...NO_USERS };
    for (const group of groups) {
      counts[kindOf(group.status, group.type)] += group.users;
    }
    return counts;
  }

  /** Right after a clean full sync: by how much Zoom's counts differ from the users it listed. */
  async takeCensus(zoomCredentialId: string, zoomCounts: UserCounts): Promise<UserCounts> {
    const offsets = subtractCounts(zoomCounts, await this.counts(zoomCredentialId));
    await this.dataSource
      .getRepository(DirectoryCensusEntity)
      .upsert({ zoomCredentialId, offsets, takenAt: new Date() }, ['zoomCredentialId']);
    return offsets;
  }

  /** An SQL condition for a caller's statement: a clean full sync took the credential's census (`credential`, a placeholder). */
  censusTakenSql(dataSource: DataSource, credential: string): string {
    return `EXISTS (SELECT 1 FROM ${qualifiedTable(dataSource, DirectoryCensusEntity)} WHERE zoom_credential_id = ${credential})`;
  }

  async census(zoomCredentialId: string): Promise<DirectoryCensusEntity | null> {
    return this.dataSource.getRepository(DirectoryCensusEntity).findOneBy({ zoomCredentialId });
  }
}
