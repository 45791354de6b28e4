import { LocalStack, runSync, setUpZoomSync, startLocalStack, waitUntilReady } from '@zoom-oomnitza-sync/local-platform';

/** The Pro plan lets an account make 20 Medium calls (list users, summary) a second. */
const MEDIUM_PER_SECOND = 20;
/** Each fetcher replica paces itself just under it: two of them, unshared, would make twice as many. */
const PACE = { ZOOM_REQUESTS_PER_SECOND: '18', ZOOM_PAGE_SIZE: '30' };

describe("one Zoom account's rate budget, shared by every replica and integration that calls it", () => {
  let stack: LocalStack;

  beforeAll(async () => {
    stack = await startLocalStack({ users: 1500, plan: 'pro', serviceSettings: PACE });
  }, 300_000);

  afterAll(() => stack?.stop());

  it('two fetcher replicas syncing two integrations of one account stay under its limit, as the Zoom sandbox measures it', async () => {
    const replica = await stack.deployment.startReplica('zoom-fetcher', PACE);
    await waitUntilReady(replica, 120_000);
    const [app] = stack.zoom.accounts[0].apps;
    const second = await setUpZoomSync({
      tenantId: 'second',
      name: 'Second',
      adminKey: stack.deployment.adminKey,
      credentials: stack.services.get('credentials')!,
      scheduler: stack.scheduler,
      zoom: { accountId: stack.zoom.accounts[0].accountId, clientId: app.clientId, clientSecret: app.clientSecret },
      oomnitza: { url: stack.oomnitza.url, token: stack.oomnitza.token, adminKey: stack.oomnitza.adminKey },
      oomnitzaRoleId: 25,
    });

    const runs = await Promise.all([
      runSync(stack.scheduler, stack.setup.schedulerKey, stack.setup.integrationId, { timeoutMs: 240_000 }),
      runSync(stack.scheduler, second.schedulerKey, second.integrationId, { timeoutMs: 240_000 }),
    ]);

    expect(runs.map((run) => [run.status, run.fetched])).toEqual([
      ['completed', 1500],
      ['completed', 1500],
    ]);
    const [account] = stack.zoom.state({ users: false, deliveries: false }).accounts;
    const medium = account.rateLimits.Medium!;
    expect(medium.accepted).toBeGreaterThanOrEqual(100);
    expect({ rejected: medium.rejected, withinLimit: medium.peakPerSecond <= MEDIUM_PER_SECOND }).toEqual({
      rejected: 0,
      withinLimit: true,
    });
  });
});
