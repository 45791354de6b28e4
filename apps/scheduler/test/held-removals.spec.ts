import { IntegrationAlert, MessageEnvelope, RemovalsDecided, RemovalsHeld, RemovalsHeldValue } from '@zoom-oomnitza-sync/contracts';
import { buildEnvelope, PermanentMessageError } from '@zoom-oomnitza-sync/messaging';
import { ConflictProblem, NotFoundProblem } from '@zoom-oomnitza-sync/platform';
import { randomUUID } from 'node:crypto';
import { RunEntity } from '../src/runs/run.entity';
import { SchedulerTestBed } from './support/scheduler-test-bed';

type Integration = Pick<RunEntity, 'tenantId' | 'integrationId'>;

/** The writer's report that it holds removals of the integration. */
function heldReport(integration: Integration, report: Partial<RemovalsHeldValue> = {}): MessageEnvelope<RemovalsHeldValue> {
  return buildEnvelope(
    RemovalsHeld,
    {
      tenantId: integration.tenantId,
      integrationId: integration.integrationId,
      payload: {
        holdId: randomUUID(),
        source: 'run',
        runId: randomUUID(),
        count: 51,
        threshold: 50,
        syncedUsers: 500,
        examples: [{ syncKey: 'ann@acme.example', removal: 'missing' }],
        ...report,
      },
    },
    randomUUID(),
    new Date(),
  );
}

describe('held removals: the scheduler learns what the writer holds, alerts, and passes the decision back', () => {
  let bed: SchedulerTestBed;

  beforeAll(async () => {
    bed = await SchedulerTestBed.create('scheduler_held_removals');
  });

  afterAll(async () => {
    await bed?.destroy();
  });

  const alertsAbout = async ({ integrationId }: Integration) =>
    (await bed.publishedAbout(IntegrationAlert, integrationId)).map((envelope) => envelope.payload);
  const decisionsAbout = async ({ integrationId }: Integration) =>
    (await bed.publishedAbout(RemovalsDecided, integrationId)).map((envelope) => envelope.payload);

  it('alerts once per hold with how many are held and how to approve, and shows the hold as it grows', async () => {
    const integration = await bed.requestedRun();
    const opened = heldReport(integration);
    const { holdId, runId } = opened.payload;

    await bed.recordHeld(opened);
    await bed.recordHeld(
      heldReport(integration, { holdId, runId, count: 60, examples: [{ syncKey: 'bob@acme.example', removal: 'missing' }] }),
    );

    const route = `/integrations/${integration.integrationId}/held-removals`;
    expect(await alertsAbout(integration)).toEqual([
      {
        kind: 'removals_held',
        severity: 'warning',
        title: 'Zoom removals held for approval',
        detail:
          '51 people would be marked removed or deactivated in Oomnitza at once (users missing from a clean full sync), ' +
          'more than this integration allows (50 of 500 synced users), so none of them was marked. ' +
          `Review them with GET ${route}, then apply them with POST ${route}/approve or drop them with POST ${route}/discard.`,
        runId,
      },
    ]);
    expect(await bed.heldRemovals.current(integration.tenantId, integration.integrationId)).toEqual({
      held: true,
      holdId,
      source: 'run',
      runId,
      count: 60,
      threshold: 50,
      syncedUsers: 500,
      examples: [{ syncKey: 'bob@acme.example', removal: 'missing' }],
      heldAt: opened.occurredAt,
    });
  });

  it('says of a hold of webhooks that the removals within the threshold went to Oomnitza and the ones past it are held', async () => {
    const integration = await bed.requestedRun();

    await bed.recordHeld(heldReport(integration, { source: 'webhooks', runId: undefined, count: 1, threshold: 20, syncedUsers: 100 }));

    const route = `/integrations/${integration.integrationId}/held-removals`;
    expect(await alertsAbout(integration)).toEqual([
      {
        kind: 'removals_held',
        severity: 'warning',
        title: 'Zoom removals held for approval',
        detail:
          'Removal webhooks within one hour went over what this integration allows (20 of 100 synced users): ' +
          'the removals up to that many go to Oomnitza, the ones past it are held and not marked ' +
          '(1 so far; every later removal joins them until a decision). ' +
          `Review them with GET ${route}, then apply them with POST ${route}/approve or drop them with POST ${route}/discard.`,
      },
    ]);
  });

  it('passes an approval to the writer for the hold it saw, after which nothing is held', async () => {
    const integration = await bed.requestedRun();
    const held = heldReport(integration, { source: 'webhooks', runId: undefined, count: 21, threshold: 20, syncedUsers: 100 });
    await bed.recordHeld(held);

    const decided = await bed.heldRemovals.decide(integration.tenantId, integration.integrationId, 'approve');

    expect(decided).toEqual({ holdId: held.payload.holdId, decision: 'approve', count: 21 });
    expect(await decisionsAbout(integration)).toEqual([{ holdId: held.payload.holdId, decision: 'approve' }]);
    expect(await bed.heldRemovals.current(integration.tenantId, integration.integrationId)).toEqual({
      held: false,
      count: 0,
      examples: [],
    });
  });

  it('passes a discard to the writer', async () => {
    const integration = await bed.requestedRun();
    const held = heldReport(integration);
    await bed.recordHeld(held);

    await bed.heldRemovals.decide(integration.tenantId, integration.integrationId, 'discard');

    expect(await decisionsAbout(integration)).toEqual([{ holdId: held.payload.holdId, decision: 'discard' }]);
  });

  it('refuses a decision when nothing is held (409), sending nothing', async () => {
    const integration = await bed.requestedRun();

    await expect(bed.heldRemovals.decide(integration.tenantId, integration.integrationId, 'approve')).rejects.toBeInstanceOf(
      ConflictProblem,
    );

    expect(await decisionsAbout(integration)).toEqual([]);
  });

  it("answers 404 for another tenant's integration, deciding nothing", async () => {
    const integration = await bed.requestedRun();
    await bed.recordHeld(heldReport(integration));

    await expect(bed.heldRemovals.decide('globex', integration.integrationId, 'approve')).rejects.toBeInstanceOf(NotFoundProblem);
    await expect(bed.heldRemovals.current('globex', integration.integrationId)).rejects.toBeInstanceOf(NotFoundProblem);

    expect(await decisionsAbout(integration)).toEqual([]);
    expect((await bed.heldRemovals.current(integration.tenantId, integration.integrationId)).held).toBe(true);
  });

  it('keeps a decided hold decided when a late report about it arrives, and alerts again only for a new hold', async () => {
    const integration = await bed.requestedRun();
    const held = heldReport(integration);
    await bed.recordHeld(held);
    await bed.heldRemovals.decide(integration.tenantId, integration.integrationId, 'approve');

    await bed.recordHeld(heldReport(integration, { holdId: held.payload.holdId, count: 80 }));
    expect((await bed.heldRemovals.current(integration.tenantId, integration.integrationId)).held).toBe(false);

    const next = heldReport(integration);
    await bed.recordHeld(next);
    expect(await bed.heldRemovals.current(integration.tenantId, integration.integrationId)).toMatchObject({
      holdId: next.payload.holdId,
      count: 51,
    });
    expect(await alertsAbout(integration)).toHaveLength(2);
  });

  it("refuses for good a report about another tenant's integration", async () => {
    const integration = await bed.requestedRun();

    await expect(bed.recordHeld(heldReport({ ...integration, tenantId: 'globex' }))).rejects.toBeInstanceOf(PermanentMessageError);
    await expect(bed.recordHeld(heldReport({ ...integration, integrationId: 'not-an-integration' }))).rejects.toBeInstanceOf(
      PermanentMessageError,
    );

    expect(await alertsAbout(integration)).toEqual([]);
  });
});
