import { OomnitzaRecordsWritten } from '@zoom-oomnitza-sync/contracts';
import { schemaOf } from '@zoom-oomnitza-sync/platform';
import { testDatabaseUrl, waitFor } from '@zoom-oomnitza-sync/testing';
import { Client } from 'pg';
import { EntityManager } from 'typeorm';
import { PendingRecordEntity } from '../src/pending-records/pending-record.entity';
import { pendingRecordsChannelOf } from '../src/pending-records/pending-records-channel';
import { OomnitzaWriterEnvironment } from '../src/oomnitza-writer.environment';
import { MappedRun } from './support/mapped-run';
import { ScriptedOomnitza } from './support/scripted-oomnitza';
import { WriterTestBed } from './support/writer-test-bed';

const FLUSH_DELAY_MS = 50;
const LEASE_MS = new OomnitzaWriterEnvironment().WRITE_LEASE_SECONDS * 1000;
const ROLLING_PORTION_MS = new OomnitzaWriterEnvironment().ROLLING_PORTION_MAX_SECONDS * 1000;

describe('the write loop: which integration is written when, and by whom', () => {
  let bed: WriterTestBed;

  beforeAll(async () => {
    bed = await WriterTestBed.create('writer_scheduling');
  });

  beforeEach(() => bed.clear());

  afterAll(async () => {
    await bed?.destroy();
  });

  const connectorOf = (run: MappedRun) => `zoom:${run.integrationId}`;

  it("takes integrations round-robin: one with 1,000 pending records delays another's single record by one batch at most", async () => {
    const { oomnitza, receive, writeDue } = bed.newReplica();
    const busy = new MappedRun();
    const middling = new MappedRun();
    const single = new MappedRun();
    await receive(busy.batch(busy.users(1, 1000)));
    await receive(middling.batch(middling.users(1, 250)));
    await receive(single.batch(single.users(1, 1)));

    await writeDue();

    const order = oomnitza.requests.map((request) => request.connectorName);
    expect(order.slice(0, 3).sort()).toEqual([connectorOf(busy), connectorOf(middling), connectorOf(single)].sort());
    const stillPending = order.slice(0, 3).filter((connector) => connector !== connectorOf(single));
    expect(order.slice(3, 7)).toEqual([...stillPending, ...stillPending]);
    expect(order.slice(7)).toEqual(Array(7).fill(connectorOf(busy)));
    // One integration's records go out in the order they arrived.
    const busyKeys = oomnitza.requests
      .filter((request) => request.connectorName === connectorOf(busy))
      .flatMap((request) => request.records.map((record) => String(record[request.syncField])));
    expect(busyKeys).toEqual(busy.users(1, 1000).map((record) => record.syncKey));
  });

  it('never lets two replicas work on one integration at once, while either may take another', async () => {
    const oomnitza = new ScriptedOomnitza();
    const [first, second] = [bed.newReplica({ oomnitza }), bed.newReplica({ oomnitza })];
    const slow = new MappedRun();
    const other = new MappedRun();
    const held = oomnitza.holdRequestsOf(slow.integrationId);
    await first.receive(slow.batch(slow.users(1, 1)));
    const firstTurn = first.takeTurn();
    await waitFor(() => held.count === 1, { intervalMs: 5, description: "the first replica's request to hang" });
    await first.receive(slow.batch(slow.users(2, 1)));

    expect(await second.takeTurn()).toBe(false);
    await second.receive(other.batch(other.users(1, 1)));
    expect(await second.takeTurn()).toBe(true);

    expect(oomnitza.requests.map((request) => request.connectorName)).toEqual([connectorOf(slow), connectorOf(other)]);
    held.release();
    await firstTurn;
    await second.writeDue();
    expect(oomnitza.sentSyncKeys()).toEqual([MappedRun.emailOf(1), MappedRun.emailOf(1), MappedRun.emailOf(2)]);
    expect(held.count).toBe(2);
  });

  it('commits nothing for a replica whose lease ran out while Oomnitza hung: the replica that took over counts the batch', async () => {
    const oomnitza = new ScriptedOomnitza();
    const [slow, quick] = [bed.newReplica({ oomnitza }), bed.newReplica({ oomnitza })];
    const run = new MappedRun();
    const held = oomnitza.holdRequestsOf(run.integrationId);
    await slow.receive(run.batch(run.users(1, 2)));
    const slowTurn = slow.takeTurn();
    await waitFor(() => held.count === 1, { intervalMs: 5, description: "the slow replica's request to hang" });

    bed.clock.advance(LEASE_MS);
    const quickTurn = quick.takeTurn();
    await waitFor(() => held.count === 2, { intervalMs: 5, description: "the quick replica's request" });
    held.release();
    await Promise.all([slowTurn, quickTurn]);

    const reports = await bed.published(OomnitzaRecordsWritten, run.runId);
    expect(reports.map((envelope) => envelope.payload.created)).toEqual([2]);
    expect(await bed.pendingRecords(run.integrationId)).toEqual([]);
  });

  it("writes other integrations while one integration's requests hang", async () => {
    const replica = bed.newReplica({ settings: { WRITE_CONCURRENCY: 2 } });
    const hanging = new MappedRun();
    const other = new MappedRun();
    const held = replica.oomnitza.holdRequestsOf(hanging.integrationId);
    await replica.receive(hanging.batch(hanging.users(1, 1)));
    const stop = replica.startWorkers();
    try {
      await waitFor(() => held.count === 1, { description: 'the hanging request' });
      await waitFor(async () => (await replica.metrics.pendingRecords.get()).values[0]?.value === 1, { description: 'the backlog gauge' });

      await replica.receive(other.batch(other.users(1, 1)));

      await waitFor(async () => (await bed.syncStates(other.integrationId)).length === 1, { description: "the other integration's write" });
      expect(await bed.syncStates(hanging.integrationId)).toEqual([]);
      held.release();
      await waitFor(async () => (await bed.syncStates(hanging.integrationId)).length === 1, { description: 'the hanging write' });
    } finally {
      held.release();
      await stop();
    }
  });

  it('sends the first record outside a run at once, and the next ones no sooner than WRITE_FLUSH_DELAY_MS after the previous request', async () => {
    const { oomnitza, receive, takeTurn } = bed.newReplica({ settings: { WRITE_FLUSH_DELAY_MS: FLUSH_DELAY_MS } });
    const changes = new MappedRun();
    await receive(changes.changes([changes.user(1)]));
    expect(await takeTurn()).toBe(true);

    await receive(changes.changes([changes.user(2)]));
    bed.clock.advance(FLUSH_DELAY_MS - 1);
    await receive(changes.changes([changes.user(3)]));
    expect(await takeTurn()).toBe(false);
    bed.clock.advance(1);
    expect(await takeTurn()).toBe(true);
    expect(await takeTurn()).toBe(false);

    bed.clock.advance(FLUSH_DELAY_MS);
    await receive(changes.changes([changes.user(4)]));
    expect(await takeTurn()).toBe(true);
    expect(oomnitza.requests.map((request) => request.records.length)).toEqual([1, 2, 1]);
  });

  it("lets a consumer store an integration's records while a turn is committing that integration's last batch", async () => {
    const { receive, takeTurn } = bed.newReplica();
    const changes = new MappedRun();
    await receive(changes.changes([changes.user(1)]));
    const upsert = EntityManager.prototype.upsert;
    let resume = () => {};
    const committing = new Promise<void>((reached) => {
      jest.spyOn(EntityManager.prototype, 'upsert').mockImplementationOnce(function (
        this: EntityManager,
        ...args: Parameters<EntityManager['upsert']>
      ) {
        reached();
        return new Promise<void>((resolve) => (resume = resolve)).then(() => upsert.apply(this, args));
      });
    });
    const turn = takeTurn();
    try {
      await committing;
      const stored = receive(changes.changes([changes.user(2)])).then(() => 'stored');
      const blocked = new Promise((resolve) => setTimeout(() => resolve('blocked'), 3_000));
      expect(await Promise.race([stored, blocked])).toBe('stored');
    } finally {
      resume();
      jest.restoreAllMocks();
    }
    expect(await turn).toBe(true);
    expect((await bed.syncStates(changes.integrationId)).map((state) => state.syncKey)).toEqual([MappedRun.emailOf(1)]);
  });

  it('tells the workers whether another integration waits after a turn, and when the next is due when none is', async () => {
    const { receive, takeTurnReport } = bed.newReplica({ settings: { WRITE_FLUSH_DELAY_MS: FLUSH_DELAY_MS } });
    const [first, second] = [new MappedRun(), new MappedRun()];
    await receive(first.changes([first.user(1)]));
    await receive(second.changes([second.user(1)]));

    expect(await takeTurnReport()).toEqual({ worked: true, moreWaiting: true });
    expect(await takeTurnReport()).toEqual({ worked: true, moreWaiting: false });
    // Next due: finalizing the rolling portions those writes opened.
    expect(await takeTurnReport()).toEqual({ worked: false, nextDueInMs: ROLLING_PORTION_MS });

    await receive(first.changes([first.user(2)]));
    expect(await takeTurnReport()).toEqual({ worked: false, nextDueInMs: FLUSH_DELAY_MS });
    bed.clock.advance(FLUSH_DELAY_MS);
    expect(await takeTurnReport()).toEqual({ worked: true, moreWaiting: false });
  });

  it('sends records outside a run as soon as OOMNITZA_BULK_SIZE of them wait', async () => {
    const { oomnitza, receive, takeTurn } = bed.newReplica({ settings: { WRITE_FLUSH_DELAY_MS: 60_000 } });
    const changes = new MappedRun();
    await receive(changes.changes([changes.user(1)]));
    expect(await takeTurn()).toBe(true);
    for (const record of changes.users(2, 99)) {
      await receive(changes.changes([record]));
    }
    expect(await takeTurn()).toBe(false);

    await receive(changes.changes([changes.user(101), changes.user(102)]));
    expect(await takeTurn()).toBe(true);

    expect(oomnitza.requests.map((request) => request.records.length)).toEqual([1, 100]);
    expect(await takeTurn()).toBe(false);
    bed.clock.advance(60_000);
    expect(await takeTurn()).toBe(true);
    expect(oomnitza.requests.map((request) => request.records.length)).toEqual([1, 100, 1]);
  });

  it('wakes the writers (NOTIFY) when records make an integration due sooner, not for each record that joins a waiting batch', async () => {
    const { receive, takeTurn } = bed.newReplica({ settings: { WRITE_FLUSH_DELAY_MS: FLUSH_DELAY_MS } });
    const channel = pendingRecordsChannelOf(schemaOf(bed.dataSource, PendingRecordEntity));
    const listener = new Client({ connectionString: testDatabaseUrl() });
    const heard: string[] = [];
    listener.on('notification', (notification) => heard.push(notification.channel));
    await listener.connect();
    try {
      await listener.query(`LISTEN "${channel}"`);
      await listener.query('LISTEN writer_scheduling_sentinel');
      const changes = new MappedRun();

      await receive(changes.changes([changes.user(1)]));
      expect(await takeTurn()).toBe(true);
      await receive(changes.changes([changes.user(2)]));
      await receive(changes.changes([changes.user(3)]));
      await receive(changes.batch(changes.users(4, 1)));

      // Notifications reach a listener in commit order: once the sentinel is heard, so is every earlier one.
      await bed.dataSource.query(`SELECT pg_notify('writer_scheduling_sentinel', '')`);
      await waitFor(() => heard.includes('writer_scheduling_sentinel'), { description: 'the sentinel notification' });
      expect(heard).toEqual([channel, channel, channel, 'writer_scheduling_sentinel']);
    } finally {
      await listener.end();
    }
  });
});
