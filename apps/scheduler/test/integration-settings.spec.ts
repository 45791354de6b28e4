import { IntegrationChanged, REMOVAL_DEFAULTS } from '@zoom-oomnitza-sync/contracts';
import { SchedulerTestBed } from './support/scheduler-test-bed';

describe('an integration’s removal settings', () => {
  let bed: SchedulerTestBed;

  beforeAll(async () => {
    bed = await SchedulerTestBed.create('scheduler_integration_settings');
    await bed.announceCredentials('acme', ['zoom-1', 'oomnitza-1']);
  });

  afterAll(async () => {
    await bed?.destroy();
  });

  const snapshotsOf = async (integrationId: string) =>
    (await bed.publishedAbout(IntegrationChanged, integrationId)).map((envelope) => envelope.payload);

  it('marks removals and holds more than 10 % (at least 20 people) unless told otherwise, and says so in integration.changed', async () => {
    const created = await bed.integrations.create('acme', {
      name: 'Zoom users',
      zoomCredentialId: 'zoom-1',
      oomnitzaCredentialId: 'oomnitza-1',
    });

    expect(created).toMatchObject({ onZoomRemoval: 'mark', removalThresholdPercent: 10, removalThresholdMinimum: 20 });
    expect(await snapshotsOf(created.id)).toEqual([expect.objectContaining(REMOVAL_DEFAULTS)]);
  });

  it('publishes the settings the integration was given, and each change to them', async () => {
    const created = await bed.integrations.create('acme', {
      name: 'Zoom users',
      zoomCredentialId: 'zoom-1',
      oomnitzaCredentialId: 'oomnitza-1',
      onZoomRemoval: 'ignore',
      removalThresholdPercent: 25,
    });

    const updated = await bed.integrations.update('acme', created.id, { onZoomRemoval: 'mark', removalThresholdMinimum: 5 });

    expect(updated).toMatchObject({ onZoomRemoval: 'mark', removalThresholdPercent: 25, removalThresholdMinimum: 5 });
    expect(await snapshotsOf(created.id)).toEqual([
      expect.objectContaining({ revision: 1, onZoomRemoval: 'ignore', removalThresholdPercent: 25, removalThresholdMinimum: 20 }),
      expect.objectContaining({ revision: 2, onZoomRemoval: 'mark', removalThresholdPercent: 25, removalThresholdMinimum: 5 }),
    ]);
  });
});
