import { SyncPreference } from '@zoom-oomnitza-sync/contracts';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { MappedRun } from './support/mapped-run';
import { WriterTestBed } from './support/writer-test-bed';

const MAX_SECONDS = 300;
const FLUSH_MS = 50;
const settings = { ROLLING_PORTION_MAX_SECONDS: MAX_SECONDS, ROLLING_PORTION_MAX_RECORDS: 150, WRITE_FLUSH_DELAY_MS: FLUSH_MS };

describe('rolling portions: how records outside a run show in Oomnitza’s run history', () => {
  let bed: WriterTestBed;

  beforeAll(async () => {
    bed = await WriterTestBed.create('writer_rolling');
  });

  beforeEach(() => bed.clear());

  afterAll(async () => {
    await bed?.destroy();
  });

  /** A first change written (its rolling portion opened), then a second stored and due. */
  async function secondChangeWaiting(preference?: SyncPreference) {
    const replica = bed.newReplica({ settings });
    const changes = new MappedRun();
    await replica.receive(changes.changes([changes.user(1)]));
    expect(await replica.takeTurn()).toBe(true);
    bed.clock.advance(FLUSH_MS);
    await replica.receive(changes.changes([changes.user(2)], { preference }));
    return replica;
  }

  it("reads the integration's open rolling portions once a turn, to finalize one that is due or to write into the open one", async () => {
    const { oomnitza, takeTurn } = await secondChangeWaiting();
    const statements = jest.spyOn(PostgresQueryRunner.prototype, 'query');
    try {
      expect(await takeTurn()).toBe(true);
      const portionReads = statements.mock.calls.map(([sql]) => String(sql)).filter((sql) => /^SELECT[\s\S]*FROM \S*"portions"/.test(sql));
      expect(portionReads).toHaveLength(1);
    } finally {
      statements.mockRestore();
    }
    expect(oomnitza.portionsUsed()).toHaveLength(1);
  });

  it('reads the head batch, the open rolling portions and the integration settings at the same time, not one after the other', async () => {
    const { takeTurn } = await secondChangeWaiting();
    const started = new Set<string>();
    const startedWhenProceeding: number[] = [];
    let allStarted = () => {};
    const everyReadStarted = new Promise<void>((resolve) => (allStarted = resolve));
    const query = PostgresQueryRunner.prototype.query;
    jest.spyOn(PostgresQueryRunner.prototype, 'query').mockImplementation(async function (
      this: PostgresQueryRunner,
      ...args: Parameters<PostgresQueryRunner['query']>
    ) {
      const read = /^SELECT[\s\S]*? FROM \S*"(pending_records|portions|integration_settings)"/.exec(String(args[0]))?.[1];
      if (read) {
        started.add(read);
        if (started.size === 3) {
          allStarted();
        }
        // Sequential reads would wait here for a read that never starts: each gives up after a while.
        await Promise.race([everyReadStarted, new Promise((resolve) => setTimeout(resolve, 1_000))]);
        startedWhenProceeding.push(started.size);
      }
      return query.apply(this, args);
    });
    try {
      expect(await takeTurn()).toBe(true);
    } finally {
      jest.restoreAllMocks();
    }
    expect(startedWhenProceeding.slice(0, 3)).toEqual([3, 3, 3]);
  });

  it("asks Oomnitza whether the open rolling portion was canceled while it looks up the batch's new people, not after", async () => {
    // Update only: whether a person the writer never wrote exists is Oomnitza's to answer.
    const { oomnitza, takeTurn } = await secondChangeWaiting('update_only');
    let cancelCheckStarted = () => {};
    const cancelCheck = new Promise<void>((resolve) => (cancelCheckStarted = resolve));
    const canceled = oomnitza.canceled.bind(oomnitza);
    jest.spyOn(oomnitza, 'canceled').mockImplementation((...args) => {
      cancelCheckStarted();
      return canceled(...args);
    });
    const existing = oomnitza.existing.bind(oomnitza);
    const checkedDuringLookup: boolean[] = [];
    jest.spyOn(oomnitza, 'existing').mockImplementation(async (...args) => {
      // A check that waits for the lookup would never start: the lookup gives up waiting after a while.
      const started = await Promise.race([
        cancelCheck.then(() => true),
        new Promise<boolean>((resolve) => setTimeout(resolve, 1_000, false)),
      ]);
      checkedDuringLookup.push(started);
      return existing(...args);
    });
    try {
      expect(await takeTurn()).toBe(true);
    } finally {
      jest.restoreAllMocks();
    }
    expect(checkedDuringLookup).toEqual([true]);
  });

  it("commits a written batch's last sighting, its removal from the queue and the portion's count in one statement", async () => {
    const { oomnitza, receive, takeTurn } = bed.newReplica({ settings });
    const changes = new MappedRun();
    await receive(changes.changes([changes.user(1)]));
    const statements = jest.spyOn(PostgresQueryRunner.prototype, 'query');
    try {
      expect(await takeTurn()).toBe(true);
      const removals = statements.mock.calls.map(([sql]) => String(sql)).filter((sql) => /DELETE FROM \S*"pending_records"/.test(sql));
      expect(removals).toHaveLength(1);
      expect(removals[0]).toMatch(/last_seen_at/);
      expect(removals[0]).toMatch(/records_sent/);
    } finally {
      statements.mockRestore();
    }
    const [portionId] = oomnitza.portionsUsed();
    expect(await bed.portion(portionId)).toMatchObject({ recordsSent: 1, status: 'open' });
    expect(await bed.pendingRecords(changes.integrationId)).toEqual([]);
  });

  it('finalizes the portion ROLLING_PORTION_MAX_SECONDS after it was opened, with no record to prompt it, and opens a new one', async () => {
    const { oomnitza, receive, takeTurn, writeDue } = bed.newReplica({ settings });
    const changes = new MappedRun();
    await receive(changes.changes([changes.user(1)]));
    bed.clock.advance(FLUSH_MS);
    await writeDue();
    bed.clock.advance(MAX_SECONDS * 1000 - FLUSH_MS - 1);
    await receive(changes.changes([changes.user(2)]));
    bed.clock.advance(FLUSH_MS);
    await writeDue();
    const [first] = oomnitza.portionsUsed();
    expect(oomnitza.calls).toEqual(['send', 'canceled', 'send']);
    expect(await takeTurn()).toBe(false);

    bed.clock.advance(1);
    expect(await takeTurn()).toBe(true);

    expect(oomnitza.calls.at(-1)).toBe('finalize');
    expect(oomnitza.runLog(first)).toMatchObject({ added: 2, finalized: true });
    expect(await bed.portion(first)).toMatchObject({ status: 'finalized', recordsSent: 2 });
    expect(await takeTurn()).toBe(false);

    await receive(changes.changes([changes.user(3)]));
    bed.clock.advance(FLUSH_MS);
    await writeDue();
    const [, second] = oomnitza.portionsUsed();
    expect(second).not.toBe(first);
    expect(await bed.portion(second)).toMatchObject({ status: 'open', recordsSent: 1 });
  });

  it('finalizes the portion once it holds ROLLING_PORTION_MAX_RECORDS, and sends the next records to a new one', async () => {
    const { oomnitza, receive, writeDue } = bed.newReplica({ settings });
    const changes = new MappedRun();

    await receive(changes.changes(changes.users(1, 250)));
    await writeDue();
    bed.clock.advance(FLUSH_MS);
    await writeDue();

    const [first, second] = oomnitza.portionsUsed();
    expect(oomnitza.requests.map((request) => [request.portion, request.records.length])).toEqual([
      [first, 100],
      [first, 100],
      [second, 50],
    ]);
    expect(oomnitza.runLog(first)).toMatchObject({ added: 200, finalized: true });
    expect(await bed.portion(first)).toMatchObject({ status: 'finalized', recordsSent: 200 });
    expect(await bed.portion(second)).toMatchObject({ status: 'open', recordsSent: 50 });
  });

  it('leaves a rolling portion canceled in Oomnitza for a new one', async () => {
    const { oomnitza, receive, writeDue } = bed.newReplica({ settings });
    const changes = new MappedRun();
    await receive(changes.changes([changes.user(1)]));
    bed.clock.advance(FLUSH_MS);
    await writeDue();
    const [first] = oomnitza.portionsUsed();
    oomnitza.cancel(first);

    await receive(changes.changes([changes.user(2)]));
    bed.clock.advance(FLUSH_MS);
    await writeDue();

    const [, second] = oomnitza.portionsUsed();
    expect(second).not.toBe(first);
    expect(await bed.portion(first)).toMatchObject({ status: 'stopped' });
    expect(oomnitza.sentSyncKeys()).toEqual([MappedRun.emailOf(1), MappedRun.emailOf(2)]);
  });
});
