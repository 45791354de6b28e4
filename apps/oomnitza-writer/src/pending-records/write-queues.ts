import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { preparedStatement, qualifiedTable, schemaOf } from '@zoom-oomnitza-sync/platform';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { OomnitzaWriterEnvironment } from '../oomnitza-writer.environment';
import { PortionEntity } from '../portions/portion.entity';
import { PendingRecordEntity } from './pending-record.entity';
import { pendingRecordsChannelOf } from './pending-records-channel';
import { WriteQueueEntity } from './write-queue.entity';

/** A worker's hold on one integration: only its holder writes the integration's records. */
export interface Lease {
  integrationId: string;
  leaseId: string;
}

/** The shortest sleep: an integration due but locked for a moment (a consumer adding to it) is not polled in a tight loop. */
const MIN_SLEEP_MS = 10;

/** A claimed integration (and whether others are due as well), or when the next one is due; undefined: none has anything to do. */
export type Claim = { lease: Lease; othersDue: boolean } | { lease?: undefined; nextDueInMs?: number };

/** Another worker took the integration over (this one was too slow to renew its lease): its outcome is not committed. */
export class LeaseLostError extends Error {
  constructor(lease: Lease) {
    super(`the writer's lease on integration ${lease.integrationId} was taken over`);
  }
}

/**
 * The write_queues table: one row per integration, due when its pending records should be sent.
 * Workers claim the least recently served due integration (round-robin, SKIP LOCKED) with a
 * lease, so one integration is written by one worker at a time, in order, across replicas.
 */
@Injectable()
export class WriteQueues {
  private readonly bulkSize: number;
  private readonly flushDelayMs: number;
  private readonly rollingMaxSeconds: number;
  private readonly rollingMaxRecords: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    config: ConfigService<OomnitzaWriterEnvironment, true>,
  ) {
    this.bulkSize = config.get('OOMNITZA_BULK_SIZE', { infer: true });
    this.flushDelayMs = config.get('WRITE_FLUSH_DELAY_MS', { infer: true });
    this.rollingMaxSeconds = config.get('ROLLING_PORTION_MAX_SECONDS', { infer: true });
    this.rollingMaxRecords = config.get('ROLLING_PORTION_MAX_RECORDS', { infer: true });
  }

  /**
   * Records just stored for the integration: a run's are due now; others as soon as the
   * integration's previous request of records outside a run is WRITE_FLUSH_DELAY_MS old (at once
   * after a quiet spell), or now when a bulk request's worth waits. Wakes the writers (NOTIFY, on
   * commit) only when this brings the integration's turn forward: a record joining a batch already
   * due is found by the worker that sends that batch.
   */
  async recordsArrived(manager: EntityManager, integrationId: string, inRun: boolean, now: Date): Promise<void> {
    await manager.query(
      `WITH head AS (
         SELECT 1 FROM ${this.pending} WHERE integration_id = $1 AND run_id IS NULL AND hold_id IS NULL LIMIT $3
       ), urgent AS (
         SELECT $4::boolean OR (SELECT count(*) FROM head) >= $3 AS now
       ), sooner AS (
         INSERT INTO ${this.queues} AS queue (integration_id, due_at) VALUES ($1, $2)
         ON CONFLICT (integration_id) DO UPDATE
           SET due_at = CASE WHEN (SELECT now FROM urgent) THEN $2 ELSE GREATEST($2, queue.flush_not_before) END
           WHERE queue.due_at IS NULL
              OR CASE WHEN (SELECT now FROM urgent) THEN $2 ELSE GREATEST($2, queue.flush_not_before) END < queue.due_at
         RETURNING 1
       )
       SELECT pg_notify($5, '') FROM sooner`,
      [integrationId, now, this.bulkSize, inRun, pendingRecordsChannelOf(schemaOf(this.dataSource, PendingRecordEntity))],
    );
  }

  /**
   * The least recently served integration that is due and not leased, now leased for
   * `leaseSeconds`; in the same statement, whether others are due too, or (none claimed) when the
   * next one will be: an idle worker needs no second look to know how long to sleep.
   */
  async claim(now: Date, leaseSeconds: number): Promise<Claim> {
    const leaseId = randomUUID();
    const due = `due_at <= $1 AND (leased_until IS NULL OR leased_until <= $1)`;
    const [row] = (await this.dataSource.query(
      preparedStatement(`WITH claimed AS (
         UPDATE ${this.queues} SET leased_until = $2, lease_id = $3, served_turn = nextval($4),
           flush_not_before = $1::timestamptz + $5 * interval '1 millisecond'
         WHERE integration_id = (
           SELECT integration_id FROM ${this.queues} WHERE ${due}
            ORDER BY served_turn NULLS FIRST, due_at LIMIT 1 FOR UPDATE SKIP LOCKED)
         RETURNING integration_id
       )
       SELECT (SELECT integration_id FROM claimed) AS "integrationId",
              (SELECT count(*)::int FROM ${this.queues} WHERE ${due}) AS "dueNow",
              (SELECT min(GREATEST(due_at, COALESCE(leased_until, due_at))) FROM ${this.queues} WHERE due_at IS NOT NULL) AS "nextDue"`),
      [now, leaseEnd(now, leaseSeconds), leaseId, this.turns, this.flushDelayMs],
    )) as { integrationId: string | null; dueNow: number; nextDue: Date | null }[];
    if (row.integrationId === null) {
      return { nextDueInMs: row.nextDue === null ? undefined : Math.max(MIN_SLEEP_MS, row.nextDue.getTime() - now.getTime()) };
    }
    // The statement saw the claimed integration as due too: more than one means another waits.
    return { lease: { integrationId: row.integrationId, leaseId }, othersDue: row.dueNow > 1 };
  }

  /** Extends the lease while its holder works; false once someone else holds it. */
  async renew(lease: Lease, now: Date, leaseSeconds: number): Promise<boolean> {
    const [, renewed] = (await this.dataSource.query(
      `UPDATE ${this.queues} SET leased_until = $3 WHERE integration_id = $1 AND lease_id = $2`,
      [lease.integrationId, lease.leaseId, leaseEnd(now, leaseSeconds)],
    )) as [unknown, number];
    return renewed === 1;
  }

  /** Locks the integration's row for the rest of the transaction, and checks the lease is still this one. */
  async hold(manager: EntityManager, lease: Lease): Promise<void> {
    const rows = (await manager.query(preparedStatement(`SELECT lease_id FROM ${this.queues} WHERE integration_id = $1 FOR UPDATE`), [
      lease.integrationId,
    ])) as { lease_id: string | null }[];
    if (rows[0]?.lease_id !== lease.leaseId) {
      throw new LeaseLostError(lease);
    }
  }

  /**
   * Gives the integration back, due again when what is left needs it (not before `notBefore`):
   * now for a run's records or a full bulk request, at `flush_not_before` for a few records outside
   * a run, when an open rolling portion must be finalized. Call after hold(), so records committed
   * meanwhile are seen.
   */
  async release(manager: EntityManager, lease: Lease, now: Date, notBefore: Date | null = null): Promise<void> {
    await manager.query(
      `WITH head AS (
         SELECT run_id FROM ${this.pending} WHERE integration_id = $1 AND hold_id IS NULL ORDER BY id LIMIT $3
       ), next AS (
         SELECT LEAST(
           (SELECT CASE WHEN bool_or(run_id IS NOT NULL) OR count(*) >= $3 THEN $4::timestamptz
                        ELSE GREATEST($4::timestamptz, queue.flush_not_before) END FROM head HAVING count(*) > 0),
           (SELECT min(CASE WHEN records_sent >= $5 THEN $4::timestamptz ELSE opened_at + $6 * interval '1 second' END)
              FROM ${this.portions} WHERE integration_id = $1 AND run_id IS NULL AND status = 'open')
         ) AS due
         FROM ${this.queues} AS queue WHERE integration_id = $1
       )
       UPDATE ${this.queues} SET leased_until = NULL, lease_id = NULL,
         due_at = CASE WHEN next.due IS NULL THEN NULL ELSE GREATEST(next.due, $7::timestamptz) END
       FROM next WHERE integration_id = $1 AND lease_id = $2`,
      [lease.integrationId, lease.leaseId, this.bulkSize, now, this.rollingMaxRecords, this.rollingMaxSeconds, notBefore],
    );
  }

  private get queues(): string {
    return qualifiedTable(this.dataSource, WriteQueueEntity);
  }

  /** The sequence numbering turns: regclass text for nextval(). */
  private get turns(): string {
    return `${this.dataSource.driver.escape(schemaOf(this.dataSource, WriteQueueEntity))}.write_turns`;
  }

  private get pending(): string {
    return qualifiedTable(this.dataSource, PendingRecordEntity);
  }

  private get portions(): string {
    return qualifiedTable(this.dataSource, PortionEntity);
  }
}

const leaseEnd = (now: Date, leaseSeconds: number) => new Date(now.getTime() + leaseSeconds * 1000);
