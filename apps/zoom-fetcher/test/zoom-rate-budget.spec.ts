import { ServiceIdentity } from '@zoom-oomnitza-sync/platform';
import { DataSource } from 'typeorm';
import { ZoomApiError } from '../src/zoom-api/zoom-api.error';
import { ZoomRateBudget, ZoomRateCategory } from '../src/zoom-api/zoom-rate-budget';
import { FetcherDatabase } from './support/fetcher-database';

describe("ZoomRateBudget: one Zoom account's pace, shared by the replicas", () => {
  let database: FetcherDatabase;
  let replicas: DataSource[];

  beforeAll(async () => {
    database = await FetcherDatabase.create('zoom_rate_budget');
    replicas = [(await database.replica()).dataSource, (await database.replica()).dataSource];
  });

  afterAll(() => database?.close());

  const budgetOn = (
    dataSource: DataSource,
    perSecond: Record<ZoomRateCategory, number>,
    perDay: Partial<Record<ZoomRateCategory, number>> = {},
  ) =>
    new ZoomRateBudget(
      dataSource,
      new ServiceIdentity('zoom-fetcher', (dataSource.options as { schema: string }).schema),
      perSecond,
      perDay,
    );
  const msToNextUtcMidnight = () => {
    const now = new Date();
    return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1) - now.getTime();
  };
  const refusal = (wait: Promise<void>) =>
    wait.then(
      () => undefined,
      (error: unknown) => error,
    );

  /** How long after the start each of the calls was let through. */
  async function timesOf(calls: (() => Promise<void>)[]): Promise<number[]> {
    const started = Date.now();
    return Promise.all(calls.map(async (call) => (await call(), Date.now() - started)));
  }

  it("spaces the account's calls of one category by its rate, whichever replica makes them", async () => {
    const [first, second] = replicas.map((dataSource) => budgetOn(dataSource, { medium: 20, light: 1000 }));
    const account = `account-${Date.now()}`;

    const times = await timesOf(Array.from({ length: 10 }, (_, index) => () => (index % 2 === 0 ? first : second).wait(account, 'medium')));

    // Ten calls at 20 a second take at least 9 spacings of 50 ms, however the replicas interleave.
    expect(Math.max(...times)).toBeGreaterThanOrEqual(9 * 50 - 20);
  });

  it('keeps categories and accounts apart: user reads do not wait behind list calls, nor one account behind another', async () => {
    const budget = budgetOn(replicas[0], { medium: 2, light: 1000 });
    const account = `account-${Date.now()}`;
    await budget.wait(account, 'medium');
    const finished: string[] = [];
    const noted = (name: string, wait: Promise<void>) => wait.then(() => void finished.push(name));

    await Promise.all([
      noted('second list call, half a second later', budget.wait(account, 'medium')),
      noted('user read', budget.wait(account, 'light')),
      noted("another account's list call", budget.wait(`${account}-other`, 'medium')),
    ]);

    expect(finished.at(-1)).toBe('second list call, half a second later');
  });

  it("counts the account's calls of a category per UTC day across replicas, and refuses the one over the daily limit without calling Zoom", async () => {
    const [first, second] = replicas.map((dataSource) => budgetOn(dataSource, { medium: 1000, light: 1000 }, { light: 3 }));
    const account = `account-${Date.now()}`;
    await first.wait(account, 'light');
    await second.wait(account, 'light');
    await first.wait(account, 'light');

    const refused = await refusal(second.wait(account, 'light'));

    expect(refused).toBeInstanceOf(ZoomApiError);
    expect(refused).toMatchObject({ status: 429, dailyLimit: true, rateLimited: true });
    expect((refused as ZoomApiError).retryAfterMs).toBeGreaterThan(msToNextUtcMidnight() - 60_000);
    expect((refused as ZoomApiError).retryAfterMs).toBeLessThanOrEqual(msToNextUtcMidnight() + 1_000);
    // Other categories, other accounts and categories without a daily limit go on.
    await first.wait(account, 'medium');
    await first.wait(`${account}-other`, 'light');
  });

  it('starts counting again on a new UTC day', async () => {
    const budget = budgetOn(replicas[0], { medium: 1000, light: 1000 }, { light: 1 });
    const account = `account-${Date.now()}`;
    await budget.wait(account, 'light');
    expect(await refusal(budget.wait(account, 'light'))).toMatchObject({ dailyLimit: true });

    await replicas[0].query(`UPDATE zoom_rate_slots SET day = day - 1 WHERE account_id = $1`, [account]);

    await budget.wait(account, 'light');
  });

  it("stops every replica's calls of that account and category when Zoom answers its daily limit is reached, until the reset Zoom names", async () => {
    const [first, second] = replicas.map((dataSource) => budgetOn(dataSource, { medium: 1000, light: 1000 }));
    const account = `account-${Date.now()}`;
    await first.wait(account, 'medium');

    const zoomsAnswer = new ZoomApiError(429, undefined, 'Zoom answered 429: daily limit', 60_000, true);
    expect(await refusal(first.call(account, 'medium', () => Promise.reject(zoomsAnswer)))).toBe(zoomsAnswer);

    const refused = await refusal(second.wait(account, 'medium'));
    expect(refused).toMatchObject({ status: 429, dailyLimit: true });
    expect((refused as ZoomApiError).retryAfterMs).toBeGreaterThan(55_000);
    expect((refused as ZoomApiError).retryAfterMs).toBeLessThanOrEqual(61_000);
    await second.wait(account, 'light');
  });
});
