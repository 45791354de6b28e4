import { IntegrationChanged } from '@zoom-oomnitza-sync/contracts';
import { CredentialNotUsableProblem } from '../src/credential-ownership/credential-ownership';
import { IntegrationEntity } from '../src/integrations/integration.entity';
import { SchedulerTestBed } from './support/scheduler-test-bed';

describe("an integration uses only its own tenant's credentials", () => {
  let bed: SchedulerTestBed;

  beforeAll(async () => {
    bed = await SchedulerTestBed.create('scheduler_credential_ownership');
    await bed.announceCredentials('acme', ['zoom-acme', 'oomnitza-acme', 'zoom-acme-spare']);
    await bed.announceCredentials('globex', ['zoom-globex', 'oomnitza-globex']);
  });

  afterAll(() => bed?.destroy());

  const integrationsOf = (tenantId: string) => bed.dataSource.getRepository(IntegrationEntity).findBy({ tenantId });
  const draftOf = (tenantId: string, zoomCredentialId: string, oomnitzaCredentialId: string) =>
    bed.integrations.create(tenantId, { name: 'Zoom users', zoomCredentialId, oomnitzaCredentialId, oomnitzaRoleId: 7 });

  /** The 422 a promise was refused with: its field errors. */
  async function refusal(promise: Promise<unknown>) {
    const error: unknown = await promise.then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(CredentialNotUsableProblem);
    const problem = (error as CredentialNotUsableProblem).problem;
    expect(problem).toMatchObject({ status: 422, slug: 'credential-not-usable' });
    return problem.errors;
  }

  it('refuses, in the same words, a credential id nobody has and one that is another tenant’s, and creates nothing', async () => {
    const unknown = await refusal(draftOf('initech', 'zoom-nobody', 'oomnitza-nobody'));
    const foreign = await refusal(draftOf('initech', 'zoom-globex', 'oomnitza-globex'));

    expect(unknown).toEqual([
      { field: 'zoomCredentialId', message: 'no Zoom credential zoom-nobody of this tenant is known' },
      { field: 'oomnitzaCredentialId', message: 'no Oomnitza credential oomnitza-nobody of this tenant is known' },
    ]);
    expect(foreign).toEqual([
      { field: 'zoomCredentialId', message: 'no Zoom credential zoom-globex of this tenant is known' },
      { field: 'oomnitzaCredentialId', message: 'no Oomnitza credential oomnitza-globex of this tenant is known' },
    ]);
    expect(await integrationsOf('initech')).toEqual([]);
  });

  it('refuses a credential of the other kind in a field', async () => {
    expect(await refusal(draftOf('acme', 'oomnitza-acme', 'oomnitza-acme'))).toEqual([
      { field: 'zoomCredentialId', message: 'no Zoom credential oomnitza-acme of this tenant is known' },
    ]);
  });

  it('waits for a credential created a moment ago to become known', async () => {
    const creating = draftOf('acme', 'zoom-just-created', 'oomnitza-acme');
    await new Promise((resolve) => setTimeout(resolve, 100));
    await bed.announceCredentials('acme', ['zoom-just-created']);

    expect(await creating).toMatchObject({ tenantId: 'acme', zoomCredentialId: 'zoom-just-created', status: 'draft' });
  });

  it('refuses a change to a credential that is not the tenant’s, leaving the integration as it was', async () => {
    const integration = await draftOf('acme', 'zoom-acme', 'oomnitza-acme');

    const errors = await refusal(bed.integrations.update('acme', integration.id, { zoomCredentialId: 'zoom-globex', name: 'Renamed' }));

    expect(errors).toEqual([{ field: 'zoomCredentialId', message: 'no Zoom credential zoom-globex of this tenant is known' }]);
    expect(await bed.integrations.get('acme', integration.id)).toMatchObject({ zoomCredentialId: 'zoom-acme', name: 'Zoom users' });
    expect(await bed.publishedAbout(IntegrationChanged, integration.id)).toHaveLength(1);
    expect(await bed.integrations.update('acme', integration.id, { zoomCredentialId: 'zoom-acme-spare' })).toMatchObject({
      zoomCredentialId: 'zoom-acme-spare',
    });
  });

  it('refuses to launch a draft whose credential was deleted, at once', async () => {
    await bed.announceCredentials('acme', ['zoom-acme-doomed']);
    const integration = await draftOf('acme', 'zoom-acme-doomed', 'oomnitza-acme');
    await bed.announceCredentials('acme', ['zoom-acme-doomed'], 'deleted');

    expect(await refusal(bed.integrations.launch('acme', integration.id))).toEqual([
      { field: 'zoomCredentialId', message: 'Zoom credential zoom-acme-doomed was deleted' },
    ]);
    expect((await bed.integrations.get('acme', integration.id)).status).toBe('draft');
  });

  it('keeps a credential its first tenant’s: a later message naming another tenant, or a revival after deletion, changes nothing', async () => {
    await bed.announceCredentials('acme', ['zoom-acme-gone']);
    await bed.announceCredentials('acme', ['zoom-acme-gone'], 'deleted');
    await bed.announceCredentials('acme', ['zoom-acme-gone'], 'updated');
    await bed.announceCredentials('globex', ['zoom-acme'], 'created');

    expect(await refusal(draftOf('acme', 'zoom-acme-gone', 'oomnitza-acme'))).toEqual([
      { field: 'zoomCredentialId', message: 'Zoom credential zoom-acme-gone was deleted' },
    ]);
    expect(await refusal(draftOf('globex', 'zoom-acme', 'oomnitza-globex'))).toHaveLength(1);
    expect(await draftOf('acme', 'zoom-acme', 'oomnitza-acme')).toMatchObject({ tenantId: 'acme' });
  });
});
