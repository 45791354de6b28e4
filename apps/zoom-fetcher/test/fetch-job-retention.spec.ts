import { ConfigService } from '@nestjs/config';
import { AppLogger, createLogger } from '@zoom-oomnitza-sync/platform';
import { FetchJobRetention } from '../src/fetch-jobs/fetch-job-retention';
import { ZoomFetcherEnvironment } from '../src/zoom-fetcher.environment';
import { FetcherDatabase } from './support/fetcher-database';

describe('fetch job retention', () => {
  let database: FetcherDatabase;

  beforeAll(async () => {
    database = await FetcherDatabase.create('fetch_job_retention');
  });

  afterAll(() => database?.close());

  it('deletes the jobs that ended more than FETCH_JOB_RETENTION_DAYS ago, and no job still to fetch', async () => {
    const replica = await database.replica();
    const retention = new FetchJobRetention(
      replica.dataSource,
      new ConfigService<ZoomFetcherEnvironment, true>({ ...new ZoomFetcherEnvironment(), FETCH_JOB_RETENTION_DAYS: 14 }),
      new AppLogger(createLogger('zoom-fetcher-test', 'silent')),
    );
    const [oldCompleted, oldFailed, recent, queued] = await Promise.all([1, 2, 3, 4].map(() => database.queueJob()));
    await database.endJob(oldCompleted.runId, 'completed', 15);
    await database.endJob(oldFailed.runId, 'failed', 30);
    await database.endJob(recent.runId, 'completed', 13);

    expect(await retention.purge()).toBe(2);

    expect((await database.jobIds()).sort()).toEqual([recent.runId, queued.runId].sort());
  });
});
