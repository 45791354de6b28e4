import {
  announceCredentials,
  PlatformDeployment,
  request,
  sampleOf,
  ServiceProcess,
  waitUntilReady,
} from '@zoom-oomnitza-sync/local-platform';
import { waitFor } from '@zoom-oomnitza-sync/testing';

const SLOT_SECONDS = 2;
const SLOTS = 3;
/** A short clock: a slot every SLOT_SECONDS, looked for five times a second by each replica. */
const SHORT_CLOCK = { SCHEDULE_FIRING_ENABLED: 'true', SCHEDULE_MIN_INTERVAL_SECONDS: '1', SCHEDULE_POLL_MS: '200' };

describe('scheduled runs across three scheduler processes', () => {
  let deployment: PlatformDeployment;
  let replicas: ServiceProcess[];

  beforeAll(async () => {
    deployment = await PlatformDeployment.create('schedules');
    const first = await deployment.start('scheduler', SHORT_CLOCK);
    replicas = [first, await deployment.startReplica('scheduler', SHORT_CLOCK), await deployment.startReplica('scheduler', SHORT_CLOCK)];
    await Promise.all(replicas.map((replica) => waitUntilReady(replica)));
  });

  afterAll(() => deployment?.destroy());

  it('starts one run per slot, exactly once, whichever replica finds the slot', async () => {
    const [scheduler] = replicas;
    const key = await deployment.issueApiKey('acme', ['integrations:write', 'runs:read'], [scheduler]);
    await announceCredentials(deployment, 'acme', { zoom: ['zoom-1'], oomnitza: ['oomnitza-1'] });
    const created = await request<{ id: string }>(`${scheduler.baseUrl}/integrations`, {
      method: 'POST',
      key,
      body: {
        name: 'Every two seconds',
        zoomCredentialId: 'zoom-1',
        oomnitzaCredentialId: 'oomnitza-1',
        oomnitzaRoleId: 1,
        schedule: { kind: 'cron', expression: `*/${SLOT_SECONDS} * * * * *` },
      },
    });
    expect(created.status).toBe(201);
    // Each run ends as soon as it starts (no fetcher here), so every slot may start one.
    let completing = true;
    const completer = (async () => {
      while (completing) {
        await deployment.query('scheduler', `UPDATE runs SET status = 'completed', finished_at = now() WHERE status = 'requested'`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    try {
      expect((await request(`${scheduler.baseUrl}/integrations/${created.body.id}/launch`, { method: 'POST', key })).status).toBe(200);
      await waitFor(async () => (await deployment.query('scheduler', 'SELECT id FROM runs')).length >= SLOTS, {
        timeoutMs: 30_000,
        description: `${SLOTS} scheduled runs`,
      });
      // Pausing stops the schedule; a run a slot started in the meantime still counts.
      expect((await request(`${scheduler.baseUrl}/integrations/${created.body.id}/pause`, { method: 'POST', key })).status).toBe(200);
    } finally {
      completing = false;
      await completer;
    }

    const runs = await deployment.query<{ trigger: string; requested_at: Date }>(
      'scheduler',
      'SELECT trigger, requested_at FROM runs ORDER BY requested_at',
    );
    expect(runs.length).toBeGreaterThanOrEqual(SLOTS);
    expect(new Set(runs.map((run) => run.trigger))).toEqual(new Set(['schedule']));
    const slots = runs.map((run) => Math.floor(run.requested_at.getTime() / (SLOT_SECONDS * 1000)));
    expect(new Set(slots).size).toBe(runs.length);
    const started = await Promise.all(
      replicas.map(async (replica) => {
        const metrics = await request<string>(`${replica.baseUrl}/metrics`, { key: deployment.adminKey });
        return sampleOf(metrics.body, 'scheduler_schedule_slots_total', { outcome: 'started' });
      }),
    );
    expect(started.reduce((sum, count) => sum + count, 0)).toBe(runs.length);
  });
});
