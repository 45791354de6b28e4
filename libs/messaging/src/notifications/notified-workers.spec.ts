import { createLogger } from '@zoom-oomnitza-sync/platform';
import { testDatabaseUrl, waitFor } from '@zoom-oomnitza-sync/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { NotifiedWorkers, WorkOutcome } from './notified-workers';

const WORKERS = 4;

describe('NotifiedWorkers', () => {
  const channel = `notified_workers_${randomUUID().replaceAll('-', '')}`;
  const dataSource = new DataSource({ type: 'postgres', url: testDatabaseUrl() });
  const notifier = new Client({ connectionString: testDatabaseUrl() });
  let workers: NotifiedWorkers | undefined;

  beforeAll(() => notifier.connect());

  afterEach(() => workers?.stop());

  afterAll(() => notifier.end());

  /**
   * Workers that look for work (counted) in a queue of `waiting` pieces, each piece taking a few
   * milliseconds; `idle` counts each time a worker goes to sleep.
   */
  function startWorkers(tells: { whatWaits?: boolean; nextDueInMs?: number } = {}) {
    const queue = { looks: 0, idle: 0, waiting: 0, inFlight: 0, mostInFlight: 0 };
    workers = new NotifiedWorkers(dataSource, {
      channel,
      workers: WORKERS,
      idlePollMs: 60_000,
      log: createLogger('notified-workers-test', 'silent'),
      workOnce: async (): Promise<WorkOutcome> => {
        queue.looks += 1;
        if (queue.waiting === 0) {
          queue.idle += 1;
          return tells.nextDueInMs === undefined ? false : { worked: false, nextDueInMs: tells.nextDueInMs };
        }
        queue.waiting -= 1;
        queue.inFlight += 1;
        queue.mostInFlight = Math.max(queue.mostInFlight, queue.inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        queue.inFlight -= 1;
        return tells.whatWaits ? { worked: true, moreWaiting: queue.waiting > 0 } : true;
      },
    });
    workers.start();
    return queue;
  }

  const listening = () =>
    waitFor(
      async () => {
        const { rows } = await notifier.query<{ listeners: number }>(
          'SELECT count(*)::int AS listeners FROM pg_stat_activity WHERE query = $1',
          [`LISTEN "${channel}"`],
        );
        return rows[0].listeners === 1;
      },
      { description: 'the LISTEN connection' },
    );

  /**
   * Every worker asleep: the LISTEN connection is up (on connecting it wakes a worker, for rows
   * committed before), and no worker has gone to sleep again for a while.
   */
  async function asleep(queue: { idle: number }): Promise<void> {
    await listening();
    let seen = -1;
    await waitFor(
      () => {
        const settled = queue.idle >= WORKERS && queue.idle === seen;
        seen = queue.idle;
        return settled;
      },
      { intervalMs: 200, description: 'every worker asleep' },
    );
  }

  it('wakes one sleeping worker for a notification, not every worker', async () => {
    const queue = startWorkers();
    await asleep(queue);

    const looksBefore = queue.looks;

    await notifier.query(`SELECT pg_notify($1, '')`, [channel]);

    await waitFor(() => queue.looks > looksBefore, { description: 'a look after the notification' });
    expect(queue.looks).toBe(looksBefore + 1);
  });

  it('gives a backlog every worker: each worker that finishes a piece wakes another', async () => {
    const queue = startWorkers();
    await asleep(queue);
    queue.waiting = 20;

    await notifier.query(`SELECT pg_notify($1, '')`, [channel]);

    await waitFor(() => queue.waiting === 0 && queue.inFlight === 0, { description: 'the backlog done' });
    expect(queue.mostInFlight).toBe(WORKERS);
  });

  it('wakes no other worker after a piece when the worker says nothing else waits', async () => {
    const queue = startWorkers({ whatWaits: true });
    await asleep(queue);
    queue.waiting = 1;
    const looksBefore = queue.looks;

    await notifier.query(`SELECT pg_notify($1, '')`, [channel]);

    await waitFor(() => queue.waiting === 0 && queue.idle > WORKERS, { description: 'the piece done and its worker asleep again' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    // The worker that did the piece looks once more before it sleeps; nobody else is woken.
    expect(queue.looks).toBe(looksBefore + 2);
  });

  it('sleeps no longer than the worker says the next piece is due, however long the idle poll', async () => {
    const queue = startWorkers({ nextDueInMs: 50 });
    await listening();
    const idleBefore = queue.idle;

    await new Promise((resolve) => setTimeout(resolve, 1_000));

    // 4 workers looking every 50 ms for a second, against none within the minute's idle poll.
    expect(queue.idle - idleBefore).toBeGreaterThanOrEqual(WORKERS * 5);
  });
});
