import { PreparedStatementClient } from '@zoom-oomnitza-sync/platform';
import { RunProgress, RunProgressValue, ZoomUsersPage, ZoomUsersPageValue } from '@zoom-oomnitza-sync/contracts';
import { messagingEntities, OutboxService, TopicNames } from '@zoom-oomnitza-sync/messaging';
import { createTestSchema, openServiceDataSource, outboxEnvelopes, TestSchema } from '@zoom-oomnitza-sync/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { FetchJobEntity } from '../../src/fetch-jobs/fetch-job.entity';
import { FetchJobStore, queueFetchJob } from '../../src/fetch-jobs/fetch-job.store';
import { ZoomDirectory } from '../../src/directory/zoom-directory';
import { ZOOM_FETCHER_ENTITIES, ZOOM_FETCHER_MIGRATIONS } from '../../src/zoom-fetcher-schema';

/** Topics as published, without a deployment prefix. */
export const topicNames = new TopicNames('');

/** One zoom-fetcher replica's view of the database: its own connection pool and store. */
export interface Replica {
  readonly dataSource: DataSource;
  readonly outbox: OutboxService;
  readonly store: FetchJobStore;
}

/** Claims the next due job as FetchWorker does; a test that expects one fails here when there is none. */
export async function claimDue(replica: Replica, leaseSeconds: number): Promise<FetchJobEntity> {
  const job = await replica.store.claim(leaseSeconds);
  if (!job) {
    throw new Error('no fetch job is due');
  }
  return job;
}

/**
 * The zoom-fetcher schema of one test file, built by the service's own migrations, with as many
 * replicas on it as a test needs, and what they wrote read back as plain rows.
 */
export class FetcherDatabase {
  private readonly dataSources: DataSource[] = [];
  /** The test's own connection pool, for setting up jobs and reading back what replicas wrote. */
  private inspector: DataSource;

  private constructor(private readonly schema: TestSchema) {}

  static async create(name: string): Promise<FetcherDatabase> {
    const database = new FetcherDatabase(await createTestSchema(name));
    database.inspector = await database.connect({ migrate: true });
    return database;
  }

  /** The job ended (completed or failed) `daysAgo` days ago, or not at all when it is still queued or fetching. */
  async endJob(runId: string, status: FetchJobEntity['status'], daysAgo: number): Promise<void> {
    await this.inspector.query(`UPDATE fetch_jobs SET status = $2, finished_at = now() - make_interval(days => $3) WHERE run_id = $1`, [
      runId,
      status,
      daysAgo,
    ]);
  }

  async jobIds(): Promise<string[]> {
    const rows = (await this.inspector.query('SELECT run_id FROM fetch_jobs')) as { run_id: string }[];
    return rows.map((row) => row.run_id);
  }

  /** A replica on the schema; pass an outbox to break its transactions on purpose. */
  async replica(outbox: OutboxService = new OutboxService(topicNames)): Promise<Replica> {
    const dataSource = await this.connect({ migrate: false });
    return { dataSource, outbox, store: new FetchJobStore(dataSource, outbox, new ZoomDirectory(dataSource)) };
  }

  /** A fetch job as RunRequestsController queues it from a run request. */
  async queueJob(job: Partial<FetchJobEntity> = {}): Promise<FetchJobEntity> {
    const queued = {
      runId: randomUUID(),
      tenantId: 'acme',
      integrationId: 'integration-1',
      zoomCredentialId: 'zoom-credential-1',
      userStatuses: ['active', 'inactive', 'pending'],
      runStartedAt: new Date(),
      status: 'queued' as const,
      requestedAt: new Date(),
      ...job,
    };
    await queueFetchJob(this.inspector.manager, queued);
    return this.job(queued.runId);
  }

  /** `count` queued jobs of one tenant, requested a millisecond apart from `requestedFrom` on (one statement: fast). */
  async queueJobs(tenantId: string, count: number, requestedFrom: Date): Promise<void> {
    await this.inspector.query(`INSERT INTO fetch_tenants (tenant_id) VALUES ($1) ON CONFLICT DO NOTHING`, [tenantId]);
    await this.inspector.query(
      `INSERT INTO fetch_jobs (run_id, tenant_id, integration_id, zoom_credential_id, user_statuses, run_started_at, status, requested_at)
       SELECT gen_random_uuid(), $1, 'integration-' || n, 'zoom-credential-1', '{active}', now(), 'queued', $3::timestamptz + n * interval '1 ms'
         FROM generate_series(1, $2::int) AS n`,
      [tenantId, count, requestedFrom],
    );
  }

  job(runId: string): Promise<FetchJobEntity> {
    return this.inspector.getRepository(FetchJobEntity).findOneByOrFail({ runId });
  }

  /** What a lease running out looks like to the other replicas, without waiting for it. */
  async expireLease(runId: string): Promise<void> {
    await this.inspector.query(`UPDATE fetch_jobs SET locked_until = now() - interval '1 second' WHERE run_id = $1`, [runId]);
  }

  /** The time a postponed job waits for has come. */
  /** The trouble the fetch has been waiting out began `minutes` ago. */
  async troubledFor(runId: string, minutes: number): Promise<void> {
    await this.inspector.query(`UPDATE fetch_jobs SET troubled_since = now() - make_interval(mins => $2) WHERE run_id = $1`, [
      runId,
      minutes,
    ]);
  }

  /** The UTC day turns: every account's daily calls start from zero again. */
  async newZoomDay(): Promise<void> {
    await this.inspector.query('UPDATE zoom_rate_slots SET day = day - 1, exhausted_until = NULL');
  }

  async makeDue(runId: string): Promise<void> {
    await this.inspector.query(`UPDATE fetch_jobs SET not_before = now() - interval '1 second' WHERE run_id = $1`, [runId]);
  }

  /** The pages handed on for a run, in the order they were written. */
  pages(runId: string): Promise<ZoomUsersPageValue[]> {
    return this.payloads<ZoomUsersPageValue>(topicNames.resolve(ZoomUsersPage.topic), runId);
  }

  /** The fetch progress reported for a run, in the order it was written. */
  progress(runId: string): Promise<RunProgressValue[]> {
    return this.payloads<RunProgressValue>(topicNames.resolve(RunProgress.topic), runId);
  }

  /** Every test starts from an empty queue: a job left behind would be claimed by the next test. */
  async clear(): Promise<void> {
    await this.inspector.query('TRUNCATE fetch_jobs, fetch_tenants, known_users, directory_census, outbox, zoom_rate_slots');
  }

  async close(): Promise<void> {
    await Promise.all(this.dataSources.map((dataSource) => dataSource.destroy()));
    await this.schema.drop();
  }

  private async payloads<T extends object>(topic: string, runId: string): Promise<T[]> {
    return (await outboxEnvelopes<T>(this.inspector, topic, runId)).map((envelope) => envelope.payload);
  }

  private async connect(options: { migrate: boolean }): Promise<DataSource> {
    const tables = { entities: [...messagingEntities, ...ZOOM_FETCHER_ENTITIES], migrations: ZOOM_FETCHER_MIGRATIONS };
    const dataSource = await openServiceDataSource(this.schema, tables, { ...options, poolClient: PreparedStatementClient });
    this.dataSources.push(dataSource);
    return dataSource;
  }
}
