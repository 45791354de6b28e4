import { CredentialsChanged, CredentialsChangedValue, IntegrationAlert, IntegrationChanged } from '@zoom-oomnitza-sync/contracts';
import { buildEnvelope, OutboxService, TopicNames } from '@zoom-oomnitza-sync/messaging';
import { AppLogger, createLogger } from '@zoom-oomnitza-sync/platform';
import { randomUUID } from 'node:crypto';
import { DeletedCredentials } from '../src/credentials/deleted-credentials';
import { IntegrationEntity } from '../src/integrations/integration.entity';
import { SchedulerTestBed } from './support/scheduler-test-bed';

describe('a credential deleted while integrations use it', () => {
  let bed: SchedulerTestBed;
  let deleted: DeletedCredentials;

  beforeAll(async () => {
    bed = await SchedulerTestBed.create('scheduler_deleted_credentials');
    await bed.announceCredentials('acme', ['zoom-doomed', 'zoom-other', 'oomnitza-1']);
    await bed.announceCredentials('globex', ['zoom-globex', 'oomnitza-globex']);
    await bed.announceCredentials('initech', ['zoom-initech', 'oomnitza-doomed']);
    deleted = new DeletedCredentials(
      bed.integrations,
      new OutboxService(new TopicNames('')),
      new AppLogger(createLogger('scheduler-test', 'silent')),
    );
  });

  afterAll(() => bed?.destroy());

  async function launched(tenantId: string, zoomCredentialId: string, oomnitzaCredentialId = 'oomnitza-1'): Promise<IntegrationEntity> {
    const draft = await bed.integrations.create(tenantId, {
      name: `Zoom users of ${tenantId}`,
      zoomCredentialId,
      oomnitzaCredentialId,
      oomnitzaRoleId: 7,
    });
    return bed.integrations.launch(tenantId, draft.id);
  }

  const change = (tenantId: string, payload: CredentialsChangedValue) =>
    bed.dataSource.transaction((manager) =>
      deleted.onCredentialsChanged(
        manager,
        buildEnvelope(CredentialsChanged, { tenantId, integrationId: payload.credentialId, payload }, randomUUID(), new Date()),
      ),
    );
  const reload = (integration: IntegrationEntity) =>
    bed.dataSource.getRepository(IntegrationEntity).findOneByOrFail({ id: integration.id });

  it("moves the tenant's integrations that use it to draft, says so to the other services, and raises credential_invalid", async () => {
    const [first, second] = [await launched('acme', 'zoom-doomed'), await launched('acme', 'zoom-doomed')];
    const untouched = await launched('acme', 'zoom-other');
    const otherTenant = await launched('globex', 'zoom-globex', 'oomnitza-globex');

    await change('acme', { credentialId: 'zoom-doomed', kind: 'zoom', change: 'deleted' });

    for (const integration of [first, second]) {
      expect(await reload(integration)).toMatchObject({ status: 'draft', nextRunAt: null });
      const announced = await bed.publishedAbout(IntegrationChanged, integration.id);
      expect(announced.at(-1)?.payload.state).toBe('draft');
      const alerts = await bed.publishedAbout(IntegrationAlert, integration.id);
      expect(alerts.map((alert) => [alert.payload.kind, alert.payload.severity])).toEqual([['credential_invalid', 'critical']]);
      expect(alerts[0].payload.detail).toContain('zoom-doomed');
    }
    for (const integration of [untouched, otherTenant]) {
      expect((await reload(integration)).status).toBe('active');
      expect(await bed.publishedAbout(IntegrationAlert, integration.id)).toEqual([]);
    }
  });

  it('does the same for an Oomnitza credential, and nothing for one only updated', async () => {
    const integration = await launched('initech', 'zoom-initech', 'oomnitza-doomed');

    await change('initech', { credentialId: 'oomnitza-doomed', kind: 'oomnitza', change: 'updated' });
    expect((await reload(integration)).status).toBe('active');

    await change('initech', { credentialId: 'oomnitza-doomed', kind: 'oomnitza', change: 'deleted' });
    expect((await reload(integration)).status).toBe('draft');
  });
});
