import { qualifiedTable, SqlParameters } from '@zoom-oomnitza-sync/platform';
import { DataSource } from 'typeorm';
import { UserReadEntity } from '../src/user-reads/user-read.entity';
import { ReadRequest, UserReadQueue } from '../src/user-reads/user-read-queue';
import { FetcherDatabase } from './support/fetcher-database';

const request = (userId: string, eventTs: number): ReadRequest => ({
  tenantId: 'acme',
  zoomCredentialId: 'zoom-credential-1',
  zoomAccountId: 'account-1',
  userId,
  event: 'user.activated',
  eventTs,
  webhookUser: { id: userId },
});

/** A pending read as the webhook intake's statement requests it. */
async function requestRead(dataSource: DataSource, queue: UserReadQueue, read: ReadRequest): Promise<void> {
  const parameters = new SqlParameters();
  const requested = queue.requestInStatement(parameters, read, { cte: 'requested', when: 'true' });
  await dataSource.query(`WITH requested AS (${requested.sql}) SELECT ${requested.announcement}`, parameters.values);
}

describe('the user-read queue on a connection that prepared its statements', () => {
  let database: FetcherDatabase;

  beforeAll(async () => {
    database = await FetcherDatabase.create('fetcher_read_queue');
  });

  afterAll(() => database?.close());

  it('keeps claiming after a migration adds a column to the table: its statements name the columns they return', async () => {
    const { dataSource } = await database.replica();
    const queue = new UserReadQueue(dataSource);
    await requestRead(dataSource, queue, request('user-1', 1_000));
    const first = await queue.claim(60);
    expect(first?.read.userId).toBe('user-1');
    if (first) {
      await queue.finish(first.read, async () => undefined);
    }

    await dataSource.query(`ALTER TABLE ${qualifiedTable(dataSource, UserReadEntity)} ADD COLUMN added_later text`);

    await requestRead(dataSource, queue, request('user-2', 2_000));
    const second = await queue.claim(60);
    expect(second?.read).toMatchObject({ userId: 'user-2', eventTs: 2_000, events: 1, attempts: 0 });
  });
});
