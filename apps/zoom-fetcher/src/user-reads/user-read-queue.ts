import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ZoomUserDto, ZoomUserEvent } from '@zoom-oomnitza-sync/contracts';
import { notificationChannelOf } from '@zoom-oomnitza-sync/messaging';
import { preparedStatement, qualifiedTable, schemaOf, SqlParameters } from '@zoom-oomnitza-sync/platform';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { UserReadEntity } from './user-read.entity';

/** What a webhook event asks to be read. */
export interface ReadRequest {
  tenantId: string;
  zoomCredentialId: string;
  zoomAccountId: string;
  userId: string;
  event: ZoomUserEvent;
  eventTs: number;
  webhookUser: ZoomUserDto;
  previous?: ZoomUserDto;
}

/** A read this replica holds, as claimed. */
export interface ClaimedRead extends ReadRequest {
  id: string;
  events: number;
  attempts: number;
  claimId: string;
}

interface UserReadRow {
  id: string;
  tenant_id: string;
  zoom_credential_id: string;
  zoom_account_id: string;
  user_id: string;
  event: ZoomUserEvent;
  event_ts: string;
  webhook_user: ZoomUserDto;
  previous: ZoomUserDto | null;
  events: number;
  attempts: number;
  claim_id: string;
}

/** Named, not `*`: a prepared statement whose result gains a column (a migration) fails until its connection ends. */
const CLAIMED_COLUMNS =
  'id, tenant_id, zoom_credential_id, zoom_account_id, user_id, event, event_ts, webhook_user, previous, events, attempts, claim_id';

/** The LISTEN/NOTIFY channel on which a schema's read loops hear that a user waits to be read. */
export function userReadsChannelOf(schema: string): string {
  return notificationChannelOf('user_reads', schema);
}

/**
 * The users waiting to be read from Zoom, one pending read per Zoom credential and user: a burst
 * of events for one user costs one read. Claimed with SKIP LOCKED and a lease, like fetch jobs.
 */
@Injectable()
export class UserReadQueue {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * A new pending read, or the event joins the one pending, as one part of the webhook intake's
   * statement: an `INSERT ... RETURNING 1` for a CTE named `cte`, made only where `when` (an SQL
   * condition) holds. The newest event names the read; the user merges newer values over older,
   * `previous` the reverse. The `announcement` column lets the read loops hear of it (NOTIFY) at commit.
   */
  requestInStatement(
    parameters: SqlParameters,
    read: ReadRequest,
    part: { cte: string; when: string },
  ): { sql: string; announcement: string } {
    const sql = `INSERT INTO ${this.table} AS pending
         (zoom_credential_id, user_id, zoom_account_id, state, event, event_ts, webhook_user, previous, tenant_id)
       SELECT ${[read.zoomCredentialId, read.userId, read.zoomAccountId].map((value) => `${parameters.add(value)}::text`).join(', ')},
         'pending', ${parameters.add(read.event)}::text, ${parameters.add(read.eventTs)}::bigint,
         ${parameters.add(JSON.stringify(read.webhookUser))}::jsonb, ${parameters.add(read.previous ? JSON.stringify(read.previous) : null)}::jsonb,
         ${parameters.add(read.tenantId)}::text
       WHERE ${part.when}
       ON CONFLICT (zoom_credential_id, user_id) WHERE state = 'pending' DO UPDATE SET
         event = CASE WHEN EXCLUDED.event_ts >= pending.event_ts THEN EXCLUDED.event ELSE pending.event END,
         event_ts = GREATEST(EXCLUDED.event_ts, pending.event_ts),
         webhook_user = CASE WHEN EXCLUDED.event_ts >= pending.event_ts
           THEN pending.webhook_user || EXCLUDED.webhook_user ELSE EXCLUDED.webhook_user || pending.webhook_user END,
         previous = NULLIF(CASE WHEN EXCLUDED.event_ts >= pending.event_ts
           THEN COALESCE(EXCLUDED.previous, '{}') || COALESCE(pending.previous, '{}')
           ELSE COALESCE(pending.previous, '{}') || COALESCE(EXCLUDED.previous, '{}') END, '{}'),
         events = pending.events + 1
       RETURNING 1`;
    const channel = parameters.add(userReadsChannelOf(schemaOf(this.dataSource, UserReadEntity)));
    return { sql, announcement: `CASE WHEN EXISTS (SELECT 1 FROM ${part.cte}) THEN pg_notify(${channel}, '') END` };
  }

  /**
   * The oldest read that is due: a pending one whose user is not being read already, or one whose
   * holder let its lease run out (a crash, or the wait before another attempt). In the same
   * statement, whether another read is pending, so the loop wakes another worker only then.
   */
  async claim(leaseSeconds: number): Promise<{ read: ClaimedRead; othersWaiting: boolean } | undefined> {
    const rows = (await this.dataSource.query(
      preparedStatement(`WITH claimed AS (
         UPDATE ${this.table} SET state = 'reading', claim_id = $2, locked_until = now() + make_interval(secs => $1)
         WHERE id = (
           SELECT candidate.id FROM ${this.table} candidate
           WHERE (candidate.state = 'reading' AND candidate.locked_until < now())
              OR (candidate.state = 'pending' AND NOT EXISTS (
                    SELECT 1 FROM ${this.table} busy
                    WHERE busy.state = 'reading' AND busy.zoom_credential_id = candidate.zoom_credential_id
                      AND busy.user_id = candidate.user_id))
           ORDER BY candidate.id LIMIT 1 FOR UPDATE SKIP LOCKED)
         RETURNING ${CLAIMED_COLUMNS}
       )
       SELECT claimed.*, EXISTS (
         SELECT 1 FROM ${this.table} other WHERE other.state = 'pending' AND other.id <> claimed.id
       ) AS others_waiting FROM claimed`),
      [leaseSeconds, randomUUID()],
    )) as (UserReadRow & { others_waiting: boolean })[];
    return rows.length === 0 ? undefined : { read: claimedRead(rows[0]), othersWaiting: rows[0].others_waiting };
  }

  /**
   * Ends a read with what must commit alongside (its messages), if this replica still holds it.
   * Returns what `alongside` returned, or undefined when the read was taken over.
   */
  async finish<T>(read: ClaimedRead, alongside: (manager: EntityManager) => Promise<T>): Promise<{ result: T } | undefined> {
    return this.dataSource.transaction(async (manager) => {
      const [, deleted] = (await manager.query(preparedStatement(`DELETE FROM ${this.table} WHERE id = $1 AND claim_id = $2`), [
        read.id,
        read.claimId,
      ])) as [unknown, number];
      if (deleted === 0) {
        return undefined;
      }
      return { result: await alongside(manager) };
    });
  }

  /** Gives the read back until `delayMs` from now, one attempt more. */
  async retryLater(read: ClaimedRead, delayMs: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE ${this.table} SET attempts = attempts + 1, locked_until = now() + make_interval(secs => $3)
       WHERE id = $1 AND claim_id = $2`,
      [read.id, read.claimId, delayMs / 1000],
    );
  }

  private get table(): string {
    return qualifiedTable(this.dataSource, UserReadEntity);
  }
}

function claimedRead(row: UserReadRow): ClaimedRead {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    zoomCredentialId: row.zoom_credential_id,
    zoomAccountId: row.zoom_account_id,
    userId: row.user_id,
    event: row.event,
    eventTs: Number(row.event_ts),
    webhookUser: row.webhook_user,
    ...(row.previous ? { previous: row.previous } : {}),
    events: row.events,
    attempts: row.attempts,
    claimId: row.claim_id,
  };
}
