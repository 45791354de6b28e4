import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ZOOM_USER_STATUSES, ZoomUserDto } from '@zoom-oomnitza-sync/contracts';
import { preparedStatement, qualifiedTable } from '@zoom-oomnitza-sync/platform';
import { DataSource, EntityManager } from 'typeorm';
import { DirectoryCensusEntity } from './directory-census.entity';
import { KnownUserEntity, KnownUserStatus } from './known-user.entity';
import { kindOf, NO_USERS, subtractCounts, UserCounts } from './user-counts';

/** How long a removed user's tombstone outlives the full sync that last confirmed it. */
const TOMBSTONE_DAYS = 30;

/** A row another table keeps once (its unique key decides), written in the statement that learns a user. */
export interface Receipt {
  table: string;
  row: Record<string, unknown>;
}

export interface KnownUser {
  email: string | null;
  status: KnownUserStatus | null;
}

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
   * Records one user as `record` does and answers, in the same statement, what was known of them
   * before: the user with this id, or the pending user with this e-mail, if ever seen. With a
   * `receipt`, its row is inserted too unless it exists (ON CONFLICT DO NOTHING), and `fresh` says
   * whether it was new. Written for one user, with plain parameters: it runs for every webhook event.
   */
  async learn(
    manager: EntityManager,
    zoomCredentialId: string,
    user: ZoomUserDto,
    observedAt: Date,
    status?: KnownUserStatus,
    receipt?: Receipt,
  ): Promise<{ fresh: boolean; known?: KnownUser }> {
    const table = qualifiedTable(manager.connection, KnownUserEntity);
    const [row] = rowsOf([user], status);
    const pendingKey = user.email ? `email:${user.email.toLowerCase()}` : null;
    const parameters = [
      zoomCredentialId,
      row?.user_key ?? null,
      pendingKey,
      observedAt,
      row?.email ?? null,
      row?.status ?? null,
      row?.type ?? null,
    ];
    const receiptColumns = Object.keys(receipt?.row ?? {});
    const receiptSql = receipt
      ? `receipt AS (
           INSERT INTO ${receipt.table} (${receiptColumns.join(', ')})
           VALUES (${receiptColumns.map((_, index) => `$${parameters.length + index + 1}`).join(', ')})
           ON CONFLICT DO NOTHING RETURNING 1
         ),`
      : '';
    const [answer] = (await manager.query(
      preparedStatement(`WITH ${receiptSql} previous AS (
         SELECT email, status FROM ${table}
         WHERE zoom_credential_id = $1 AND user_key IN ($2, $3) ORDER BY user_key LIKE 'email:%' LIMIT 1
       ), replaced_pending AS (
         DELETE FROM ${table}
         WHERE zoom_credential_id = $1 AND $2 NOT LIKE 'email:%' AND user_key = $3 AND observed_at <= $4
       ), recorded AS (
         ${upsertSql(table, 'SELECT $1, $2, $5, $6, $7::int, $4 WHERE $2 IS NOT NULL')}
       )
       SELECT ${receipt ? 'EXISTS (SELECT 1 FROM receipt)' : 'true'} AS fresh, EXISTS (SELECT 1 FROM previous) AS known,
         (SELECT email FROM previous) AS email, (SELECT status FROM previous) AS status`),
      [...parameters, ...Object.values(receipt?.row ?? {})],
    )) as { fresh: boolean; known: boolean; email: string | null; status: KnownUserStatus | null }[];
    return { fresh: answer.fresh, known: answer.known ? { email: answer.email, status: answer.status } : undefined };
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

  async census(zoomCredentialId: string): Promise<DirectoryCensusEntity | null> {
    return this.dataSource.getRepository(DirectoryCensusEntity).findOneBy({ zoomCredentialId });
  }
}
