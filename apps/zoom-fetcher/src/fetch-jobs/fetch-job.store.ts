import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RunFailureKind, RunProgress, RunProgressValue, ZoomUserDto, ZoomUsersPage, ZoomUserStatus } from '@zoom-oomnitza-sync/contracts';
import { OutboxService } from '@zoom-oomnitza-sync/messaging';
import { preparedStatement, qualifiedTable } from '@zoom-oomnitza-sync/platform';
import { DataSource, EntityManager } from 'typeorm';
import { ZoomDirectory } from '../directory/zoom-directory';
import { FetchJobEntity, listsEveryStatus } from './fetch-job.entity';
import { FetchTenantEntity } from './fetch-tenant.entity';

/** Where the fetch stands after a page: the next request to make. */
export interface FetchCheckpoint {
  passIndex: number;
  nextPageToken: string | null;
  pageNumber: number;
}

export interface FetchedPage {
  userStatus: ZoomUserStatus;
  pageNumber: number;
  users: ZoomUserDto[];
  isLastPage: boolean;
  observedAt: Date;
}

/** Another replica took the job over (this one was too slow to renew its lease): stop working on it. */
export class LeaseLostError extends Error {
  constructor(runId: string) {
    super(`fetch of run ${runId} was taken over by another replica`);
  }
}

/** Queues a fetch job (in the caller's transaction), its tenant known for taking turns. */
export async function queueFetchJob(
  manager: EntityManager,
  job: Partial<FetchJobEntity> & Pick<FetchJobEntity, 'tenantId'>,
): Promise<void> {
  await manager.createQueryBuilder().insert().into(FetchTenantEntity).values({ tenantId: job.tenantId }).orIgnore().execute();
  await manager.insert(FetchJobEntity, job);
}

/**
 * The fetch jobs table: claims with SKIP LOCKED and a lease, and records each page's progress in
 * the same transaction that hands the page on (outbox), so a crash neither loses nor repeats one.
 */
@Injectable()
export class FetchJobStore {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly directory: ZoomDirectory,
  ) {}

  /**
   * A job that is due, or whose owner stopped renewing its lease: tenants take turns (the one
   * served least recently first, then its oldest job), and a tenant already fetching
   * `tenantConcurrency` jobs waits. The tenant's row is locked with the job, so replicas claiming
   * at once never exceed the limit.
   */
  async claim(leaseSeconds: number, tenantConcurrency = Number.MAX_SAFE_INTEGER): Promise<FetchJobEntity | undefined> {
    const jobs = qualifiedTable(this.dataSource, FetchJobEntity);
    const tenants = qualifiedTable(this.dataSource, FetchTenantEntity);
    const [rows] = (await this.dataSource.query(
      preparedStatement(`WITH candidate AS (
         SELECT job.run_id, job.tenant_id FROM ${jobs} job JOIN ${tenants} tenant ON tenant.tenant_id = job.tenant_id
          WHERE ((job.status = 'queued' AND job.not_before <= now()) OR (job.status = 'fetching' AND job.locked_until < now()))
            AND (SELECT count(*) FROM ${jobs} busy
                  WHERE busy.tenant_id = job.tenant_id AND busy.status = 'fetching' AND busy.locked_until >= now()) < $2
          ORDER BY tenant.last_claimed_at NULLS FIRST, job.requested_at
          LIMIT 1 FOR UPDATE OF job, tenant SKIP LOCKED
       ), turn AS (
         UPDATE ${tenants} AS tenant SET last_claimed_at = clock_timestamp() FROM candidate WHERE tenant.tenant_id = candidate.tenant_id
       )
       UPDATE ${jobs} AS job SET status = 'fetching', locked_until = now() + make_interval(secs => $1)
         FROM candidate WHERE job.run_id = candidate.run_id
       RETURNING job.run_id`),
      [leaseSeconds, tenantConcurrency],
    )) as [{ run_id: string }[], number];
    if (rows.length === 0) {
      return undefined;
    }
    return this.dataSource.getRepository(FetchJobEntity).findOneByOrFail({ runId: rows[0].run_id });
  }

  /**
   * Hands a page on (unless it is an empty page in the middle), records its users in the
   * directory (the last page of a complete listing also removes who was not listed), and records
   * the new checkpoint.
   */
  async recordPage(job: FetchJobEntity, page: FetchedPage, next: FetchCheckpoint, leaseSeconds: number): Promise<void> {
    const changes: Partial<FetchJobEntity> = {
      ...next,
      usersFetched: job.usersFetched + page.users.length,
      lockedUntil: leaseEnd(leaseSeconds),
      troubledSince: null,
      ...(page.isLastPage ? { status: 'completed' as const, finishedAt: new Date() } : {}),
    };
    await this.update(job, changes, async (manager) => {
      await this.directory.record(manager, job.zoomCredentialId, page.users, page.observedAt, page.userStatus);
      if (page.isLastPage && listsEveryStatus(job)) {
        await this.directory.removeUnlisted(manager, job.zoomCredentialId, job.runStartedAt);
      }
      if (page.users.length === 0 && !page.isLastPage) {
        return;
      }
      const run = { tenantId: job.tenantId, integrationId: job.integrationId, runId: job.runId };
      await this.outbox.publish(manager, ZoomUsersPage, {
        ...run,
        observedAt: page.observedAt,
        payload: {
          runId: job.runId,
          runStartedAt: job.runStartedAt.toISOString(),
          userStatus: page.userStatus,
          pageNumber: page.pageNumber,
          isLastPage: page.isLastPage,
          users: page.users,
          ...(job.dryRun ? { dryRun: true } : {}),
        },
      });
      await this.outbox.publish(manager, RunProgress, {
        ...run,
        payload: {
          runId: job.runId,
          stage: 'fetch',
          processed: page.users.length,
          rejected: 0,
          stageCompleted: page.isLastPage,
          errors: [],
        },
      });
    });
  }

  /** Gives the job back, to be taken again from its checkpoint (at shutdown). */
  postpone(job: FetchJobEntity, notBefore: Date, checkpoint: FetchCheckpoint): Promise<void> {
    return this.update(job, { ...checkpoint, status: 'queued', notBefore, lockedUntil: null });
  }

  /**
   * Gives the job back until `until` (Zoom's daily limit resets then, or passing trouble may be
   * over), and tells the scheduler the run waits until then, so it is not taken for stalled.
   */
  waitUntil(job: FetchJobEntity, until: Date, checkpoint: FetchCheckpoint, troubledSince: Date | null = null): Promise<void> {
    return this.update(job, { ...checkpoint, status: 'queued', notBefore: until, lockedUntil: null, troubledSince }, (manager) =>
      this.report(manager, job, { stageCompleted: false, waitingUntil: until.toISOString() }),
    );
  }

  /** Ends the fetch and tells the scheduler why (and whether a credential was refused), in the same transaction. */
  fail(job: FetchJobEntity, reason: string, failureKind?: RunFailureKind): Promise<void> {
    return this.update(job, { status: 'failed', failureReason: reason, finishedAt: new Date(), lockedUntil: null }, (manager) =>
      this.report(manager, job, { stageCompleted: true, failureReason: reason, ...(failureKind ? { failureKind } : {}) }),
    );
  }

  /** A fetch report that hands on no users: a wait, or the end. */
  private async report(manager: EntityManager, job: FetchJobEntity, about: Partial<RunProgressValue>): Promise<void> {
    await this.outbox.publish(manager, RunProgress, {
      tenantId: job.tenantId,
      integrationId: job.integrationId,
      runId: job.runId,
      payload: { runId: job.runId, stage: 'fetch', processed: 0, rejected: 0, stageCompleted: false, errors: [], ...about },
    });
  }

  extendLease(job: FetchJobEntity, leaseSeconds: number): Promise<void> {
    return this.update(job, { lockedUntil: leaseEnd(leaseSeconds) });
  }

  /** Applies changes to a job this replica still owns, with what must commit alongside; memory follows the commit. */
  private async update(
    job: FetchJobEntity,
    changes: Partial<FetchJobEntity>,
    alongside?: (manager: EntityManager) => Promise<void>,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.holdLease(manager, job);
      await alongside?.(manager);
      await manager.update(FetchJobEntity, { runId: job.runId }, changes);
    });
    Object.assign(job, changes);
  }

  /** Locks the job row and checks it is still ours: same lease, still fetching. */
  private async holdLease(manager: EntityManager, job: FetchJobEntity): Promise<void> {
    const current = await manager.findOne(FetchJobEntity, { where: { runId: job.runId }, lock: { mode: 'pessimistic_write' } });
    if (!current || current.status !== 'fetching' || current.lockedUntil?.getTime() !== job.lockedUntil?.getTime()) {
      throw new LeaseLostError(job.runId);
    }
  }
}

const leaseEnd = (leaseSeconds: number) => new Date(Date.now() + leaseSeconds * 1000);
