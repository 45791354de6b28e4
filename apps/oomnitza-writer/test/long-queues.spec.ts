import { AppLogger, createLogger, isPreparedStatement, MetricsService, qualifiedTable } from '@zoom-oomnitza-sync/platform';
import { blocksTouched, waitFor } from '@zoom-oomnitza-sync/testing';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { PendingRecordEntity } from '../src/pending-records/pending-record.entity';
import { QueueUpkeep } from '../src/pending-records/queue-upkeep';
import { WriterMetrics } from '../src/writer-metrics/writer-metrics';
import { MappedRun } from './support/mapped-run';
import { WriterTestBed } from './support/writer-test-bed';

const QUEUED = 20_000;
/** A page of the index and the heap pages of a batch, with room to spare; the whole queue is over a thousand. */
const HEAD_BLOCKS = 100;
/** Records written and deleted before the next change. */
const WRITTEN = 5_000;
/** The few pages of an empty queue; stepping over the dead entries of 5,000 written records took 45. */
const TRAIL_BLOCKS = 15;

describe("a long queue of pending records: each statement reads the queue's head, not the queue", () => {
  let bed: WriterTestBed;
  let upkeep: QueueUpkeep;
  let metrics: WriterMetrics;

  beforeAll(async () => {
    bed = await WriterTestBed.create('writer_long_queues');
    // What autovacuum would do, late, is what the writer must do itself.
    await bed.dataSource.query(`ALTER TABLE ${qualifiedTable(bed.dataSource, PendingRecordEntity)} SET (autovacuum_enabled = false)`);
    metrics = new WriterMetrics(new MetricsService('oomnitza-writer-test'));
    upkeep = new QueueUpkeep(bed.dataSource, metrics, new AppLogger(createLogger('oomnitza-writer-test', 'silent')));
  });

  beforeEach(() => bed.clear());

  afterEach(() => jest.restoreAllMocks());

  afterAll(async () => {
    await bed?.destroy();
  });

  /** Each statement that read or changed the queue (inserts aside) and the pages it touches, run again. */
  async function queueStatementsTouched(statements: jest.SpyInstance<unknown, Parameters<PostgresQueryRunner['query']>>) {
    const onTheQueue = statements.mock.calls.filter(([sql]) => /pending_records/.test(sql) && !/^\s*INSERT/i.test(sql));
    jest.restoreAllMocks();
    const touched = [];
    for (const [sql, parameters] of onTheQueue) {
      touched.push({ sql, blocks: await blocksTouched(bed.dataSource, sql, parameters, isPreparedStatement(sql)) });
    }
    return touched;
  }

  it("a full sync's 20,000 records waiting: storing a webhook change and writing a batch touch a few pages each", async () => {
    const { receiveBatch, receive, takeTurn, oomnitza } = bed.newReplica();
    const run = new MappedRun();
    const pages = Array.from({ length: QUEUED / 1000 }, (_, page) => run.batch(run.users(page * 1000 + 1, 1000)));
    await receiveBatch(pages);
    // The table's counters reach the statistics collector within a second of the commit.
    const analyzedBefore = (await metrics.queueAnalyzed.get()).values[0]?.value ?? 0;
    await waitFor(async () => (await upkeep.refresh()).analyzed || undefined);
    expect((await upkeep.refresh()).analyzed).toBe(false);
    expect((await metrics.queueAnalyzed.get()).values[0]?.value).toBe(analyzedBefore + 1);
    const statements = jest.spyOn(PostgresQueryRunner.prototype, 'query');

    await receive(run.changes([run.user(QUEUED + 1)]));
    expect(await takeTurn()).toBe(true);

    expect(oomnitza.requests).toHaveLength(1);
    const touched = await queueStatementsTouched(statements);
    expect(touched.length).toBeGreaterThanOrEqual(3);
    expect(touched.filter(({ blocks }) => blocks > HEAD_BLOCKS)).toEqual([]);
  });

  it("a written full sync's 5,000 records leave no trail: the next webhook change's statements touch a few pages each", async () => {
    const { receiveBatch, receive, takeTurn, writeDue, oomnitza } = bed.newReplica();
    const run = new MappedRun();
    const pages = Array.from({ length: WRITTEN / 1000 }, (_, page) =>
      run.batch(run.users(page * 1000 + 1, 1000), { isLastBatch: page === WRITTEN / 1000 - 1 }),
    );
    await receiveBatch(pages);
    await writeDue();
    expect(oomnitza.sentSyncKeys()).toHaveLength(WRITTEN);
    const vacuumedBefore = (await metrics.queueVacuumed.get()).values[0]?.value ?? 0;
    // Each deleted record left a dead entry in the queue's indexes, where every head read starts.
    await waitFor(async () => (await upkeep.refresh()).vacuumed || undefined);
    expect((await metrics.queueVacuumed.get()).values[0]?.value).toBe(vacuumedBefore + 1);
    const statements = jest.spyOn(PostgresQueryRunner.prototype, 'query');

    bed.clock.advance(60_000);
    await receive(run.changes([run.user(WRITTEN + 1)]));
    expect(await takeTurn()).toBe(true);

    const touched = await queueStatementsTouched(statements);
    expect(touched.length).toBeGreaterThanOrEqual(3);
    expect(touched.filter(({ blocks }) => blocks > TRAIL_BLOCKS)).toEqual([]);
  });

  it('leaves statistics alone while few rows changed since the table was last analyzed', async () => {
    const { receive } = bed.newReplica();
    const run = new MappedRun();
    await receive(run.batch(run.users(1, 2000)));
    await waitFor(async () => (await upkeep.refresh()).analyzed || undefined);

    await receive(run.batch(run.users(2001, 100)));
    await bed.dataSource.query('SELECT pg_sleep(1.5)');

    expect(await upkeep.refresh()).toEqual({ analyzed: false, vacuumed: false });
  });
});
