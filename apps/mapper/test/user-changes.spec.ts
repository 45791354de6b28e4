import { OomnitzaRecordDto, ZoomUserChangedValue, ZoomUserDto, ZoomUserEvent } from '@zoom-oomnitza-sync/contracts';
import { PermanentMessageError } from '@zoom-oomnitza-sync/messaging';
import { EntityManager } from 'typeorm';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { IntegrationSettingsEntity } from '../src/integration-settings/integration-settings.entity';
import { AnnouncedIntegration, MapperTestBed } from './support/mapper-test-bed';
import { pendingObject, removedObject, wholeUser, ZOOM_ID, zoomChange } from './support/zoom-changes';

/** Microseconds, which a round trip through Date would lose: observedAt must pass through exactly. */
const OBSERVED_AT = '2026-11-27T10:05:00.123456Z';
const completeChange = (event: ZoomUserEvent, user: ZoomUserDto = wholeUser) => zoomChange(event, user, { complete: true });
const partialChange = (event: ZoomUserEvent, user: ZoomUserDto) => zoomChange(event, user);

describe('UserChangesController: Zoom webhook changes on their way to the writer', () => {
  let bed: MapperTestBed;

  beforeAll(async () => {
    bed = await MapperTestBed.create('mapper_user_changes');
  });

  afterAll(async () => {
    await bed?.destroy();
  });

  /** Delivers one change of an integration the mapper has learnt and returns what it handed on. */
  async function handOn(payload: ZoomUserChangedValue, integration: AnnouncedIntegration = {}) {
    const integrationId = await bed.announce(integration);
    const before = (await bed.published()).length;
    const change = await bed.change({ tenantId: 'acme', integrationId, observedAt: OBSERVED_AT, payload });
    await bed.deliver(change);
    expect(await bed.applied(change.messageId)).toBe(true);
    return { integrationId, published: (await bed.published()).slice(before) };
  }

  /** The one upsert a change of an `updateOnly` integration becomes. */
  const upsertOf = (integrationId: string, record: OomnitzaRecordDto) => ({
    messageId: expect.any(String),
    type: 'oomnitza.records.upsert',
    version: 1,
    tenantId: 'acme',
    integrationId,
    occurredAt: expect.any(String),
    observedAt: OBSERVED_AT,
    payload: {
      oomnitzaCredentialId: 'oomnitza-7',
      preference: 'update_only',
      syncField: 'EMAIL',
      runTimeField: 'CONNECTOR_SYNC_TIME',
      isLastBatch: false,
      records: [record],
    },
  });

  const updateOnly: AnnouncedIntegration = { preference: 'update_only', oomnitzaCredentialId: 'oomnitza-7' };

  it.each(['user.created', 'user.updated', 'user.activated', 'user.invitation_accepted'] as const)(
    'hands on a whole user read after %s as the standard mapping maps it, with no run',
    async (event) => {
      const { integrationId, published } = await handOn(completeChange(event), updateOnly);

      expect(published).toEqual([
        upsertOf(integrationId, {
          syncKey: 'ada@example.com',
          zoomUserId: ZOOM_ID,
          observedAt: OBSERVED_AT,
          fields: {
            USER: 'ada@example.com',
            EMAIL: 'ada@example.com',
            FIRST_NAME: 'Ada',
            LAST_NAME: 'Lovelace',
            PERMISSIONS_ID: 9,
            zoom_id_custom: ZOOM_ID,
            CONNECTOR_SYNC_TIME: OBSERVED_AT,
            DEPARTMENT: 'Engineering',
            ZOOM_PMI: 3542471135,
            ZOOM_ROLE_ID: '2',
            ZOOM_STATUS: 'active',
            ZOOM_TIMEZONE: 'Europe/London',
            ZOOM_USER_TYPE: 2,
            ZOOM_LAST_LOGIN_TIME: '2026-11-20T08:00:00Z',
          },
        }),
      ]);
      expect(published[0]).not.toHaveProperty('runId');
      expect(published[0].payload).not.toHaveProperty('runId');
    },
  );

  it.each([
    ['user.deactivated', 'inactive', 'deactivated'],
    ['user.deleted', 'deleted', 'deleted'],
    ['user.disassociated', 'disassociated', 'disassociated'],
  ] as const)(
    'marks the person %s with only the webhook object: Zoom Status %s, a removal for the writer',
    async (event, status, removal) => {
      const { integrationId, published } = await handOn(partialChange(event, removedObject), updateOnly);

      expect(published).toEqual([
        upsertOf(integrationId, {
          syncKey: 'ada@example.com',
          zoomUserId: ZOOM_ID,
          partial: true,
          removal,
          observedAt: OBSERVED_AT,
          fields: { EMAIL: 'ada@example.com', zoom_id_custom: ZOOM_ID, ZOOM_STATUS: status, CONNECTOR_SYNC_TIME: OBSERVED_AT },
        }),
      ]);
    },
  );

  it.each(['user.created', 'user.updated', 'user.activated', 'user.invitation_accepted'] as const)(
    'hands on what the %s object of a pending user carries, as a partial record',
    async (event) => {
      const { integrationId, published } = await handOn(partialChange(event, pendingObject), updateOnly);

      expect(published).toEqual([
        upsertOf(integrationId, {
          syncKey: 'grace@example.com',
          partial: true,
          observedAt: OBSERVED_AT,
          fields: {
            USER: 'grace@example.com',
            EMAIL: 'grace@example.com',
            FIRST_NAME: 'Grace',
            LAST_NAME: 'Hopper',
            ZOOM_USER_TYPE: 1,
            CONNECTOR_SYNC_TIME: OBSERVED_AT,
          },
        }),
      ]);
    },
  );

  it('keys a changed email by the new address, Zoom ID in the record', async () => {
    const renamed = { ...completeChange('user.updated', { ...wholeUser, email: 'ada.king@example.com' }), previous: removedObject };

    const { published } = await handOn(renamed);

    expect(published).toHaveLength(1);
    expect(published[0].payload.records).toEqual([
      expect.objectContaining({
        syncKey: 'ada.king@example.com',
        fields: expect.objectContaining({ USER: 'ada.king@example.com', EMAIL: 'ada.king@example.com', zoom_id_custom: ZOOM_ID }),
      }),
    ]);
  });

  it('matches on the Zoom ID field when that is the integration’s sync key', async () => {
    const { published } = await handOn(partialChange('user.deleted', removedObject), {
      mapping: { oomnitzaRoleId: 9, syncKey: 'zoom_id', fieldTargets: { id: 'zoom_id_custom' } },
    });

    expect(published.map((upsert) => upsert.payload.syncField)).toEqual(['zoom_id_custom']);
    expect(published[0].payload.records).toEqual([expect.objectContaining({ syncKey: ZOOM_ID, partial: true })]);
  });

  it('writes the integration’s own lines over the standard mapping: all of them for a whole user, for a webhook object those whose sources it carries', async () => {
    const lined = {
      mapping: {
        oomnitzaRoleId: 9,
        syncKey: 'email' as const,
        fieldTargets: {},
        fieldMappings: [
          { target: 'DEPARTMENT', source: 'dept', transforms: [{ op: 'upper' as const }] },
          { target: 'FULL_NAME', transforms: [{ op: 'template' as const, template: '{first_name} {last_name}' }] },
        ],
      },
    };
    const whole = await handOn(completeChange('user.updated'), lined);
    expect(whole.published[0].payload.records[0].fields).toMatchObject({ DEPARTMENT: 'ENGINEERING', FULL_NAME: 'Ada Lovelace' });

    const partial = await handOn(
      partialChange('user.updated', { id: ZOOM_ID, email: 'ada@example.com', dept: 'Legal', last_name: 'King' }),
      lined,
    );
    expect(partial.published[0].payload.records[0].fields).toMatchObject({ DEPARTMENT: 'LEGAL', LAST_NAME: 'King' });
    expect(partial.published[0].payload.records[0].fields).not.toHaveProperty('FULL_NAME');
  });

  it('derives the names of a whole user Zoom has without them, unless the integration says not to', async () => {
    const nameless = { ...wholeUser, first_name: undefined, last_name: '', display_name: 'Ada King' };
    const derived = await handOn(completeChange('user.updated', nameless));
    expect(derived.published[0].payload.records[0].fields).toMatchObject({ FIRST_NAME: 'Ada', LAST_NAME: 'King' });
  });

  describe('what is not handed on', () => {
    beforeEach(() => bed.resetMetrics());

    it.each(['draft', 'paused', 'deleted'] as const)('acknowledges and drops changes of a %s integration, counted', async (state) => {
      const { published } = await handOn(completeChange('user.updated'), { state });

      expect(published).toEqual([]);
      expect(await bed.count('webhook_changes_skipped_total', { reason: `integration_${state}` })).toBe(1);
    });

    it('acknowledges and drops changes of an integration the mapper does not know, counted', async () => {
      const change = await bed.change({ tenantId: 'acme', integrationId: 'never-announced', payload: completeChange('user.updated') });

      await bed.deliver(change);

      expect(await bed.applied(change.messageId)).toBe(true);
      expect(await bed.published()).not.toContainEqual(expect.objectContaining({ integrationId: 'never-announced' }));
      expect(await bed.count('webhook_changes_skipped_total', { reason: 'integration_unknown' })).toBe(1);
    });

    it('drops the changes of an integration paused after it was active', async () => {
      const integrationId = await bed.announce();
      await bed.announce({ revision: 2, state: 'paused' }, integrationId);
      const change = await bed.change({ tenantId: 'acme', integrationId, payload: completeChange('user.updated') });

      await bed.deliver(change);

      expect(await bed.published()).not.toContainEqual(expect.objectContaining({ integrationId }));
      expect(await bed.count('webhook_changes_skipped_total', { reason: 'integration_paused' })).toBe(1);
    });

    it('skips a partial change whose sync key cannot be derived, counted', async () => {
      const { published } = await handOn(partialChange('user.created', pendingObject), {
        mapping: { oomnitzaRoleId: 9, syncKey: 'zoom_id', fieldTargets: {} },
      });

      expect(published).toEqual([]);
      expect(await bed.count('webhook_changes_skipped_total', { reason: 'no_sync_key' })).toBe(1);
    });

    it('holds back a user Oomnitza would refuse, counting and logging it', async () => {
      const { integrationId, published } = await handOn(completeChange('user.updated', { ...wholeUser, last_name: undefined }), {
        mapping: { oomnitzaRoleId: 9, syncKey: 'email', fieldTargets: {}, deriveMissingNames: false },
      });

      expect(published).toEqual([]);
      expect(await bed.count('webhook_changes_rejected_total', { reason: 'last_name_missing' })).toBe(1);
      expect(await bed.count('webhook_changes_mapped_total', { kind: 'complete' })).toBe(0);
      expect(bed.logs.lines).toContainEqual(
        expect.objectContaining({
          level: 'warn',
          integrationId,
          recordKey: 'ada@example.com',
          reason: expect.stringContaining('last name is missing'),
        }),
      );
    });

    it('drops a user the integration’s filter rules leave out, counted, judging a partial object only on what it carries', async () => {
      const filtered = {
        mapping: {
          oomnitzaRoleId: 9,
          syncKey: 'email' as const,
          fieldTargets: {},
          filters: { exclude: { match: 'any' as const, rules: [{ source: 'email', op: 'matches' as const, value: '@example\\.com$' }] } },
        },
      };
      const before = await bed.count('webhook_changes_skipped_total', { reason: 'filtered' });

      expect((await handOn(completeChange('user.updated'), filtered)).published).toEqual([]);
      expect((await handOn(partialChange('user.deleted', removedObject), filtered)).published).toEqual([]);
      expect(await bed.count('webhook_changes_skipped_total', { reason: 'filtered' })).toBe(before + 2);
      expect(
        (await handOn(partialChange('user.updated', { id: ZOOM_ID, email: 'ada@example.org', dept: 'Legal' }), filtered)).published,
      ).toHaveLength(1);
    });

    it('refuses for good a change addressed to another tenant’s integration, publishing nothing', async () => {
      const integrationId = await bed.announce({ tenantId: 'globex' });
      const change = await bed.change({ tenantId: 'acme', integrationId, payload: completeChange('user.updated') });

      await expect(bed.deliver(change)).rejects.toBeInstanceOf(PermanentMessageError);

      expect(await bed.applied(change.messageId)).toBe(false);
      expect(await bed.published()).not.toContainEqual(expect.objectContaining({ integrationId }));
    });
  });

  it("reads each integration's settings once per fetched batch, and hands the batch's records on with one insert, in order", async () => {
    const first = await bed.announce(updateOnly);
    const second = await bed.announce({ ...updateOnly, oomnitzaCredentialId: 'oomnitza-8' });
    const before = (await bed.published()).length;
    const batch = await Promise.all(
      [first, first, second, first].map((integrationId) =>
        bed.change({ tenantId: 'acme', integrationId, observedAt: OBSERVED_AT, payload: completeChange('user.updated') }),
      ),
    );
    const lookups = jest.spyOn(EntityManager.prototype, 'findOneBy');
    const statements = jest.spyOn(PostgresQueryRunner.prototype, 'query');
    try {
      await bed.deliverBatch(batch);
      expect(lookups.mock.calls.filter(([entity]) => entity === IntegrationSettingsEntity)).toHaveLength(2);
      expect(statements.mock.calls.filter(([sql]) => /INSERT INTO \S*"outbox"/.test(String(sql)))).toHaveLength(1);
    } finally {
      lookups.mockRestore();
      statements.mockRestore();
    }
    const published = (await bed.published()).slice(before);
    expect(published.map((envelope) => [envelope.integrationId, envelope.payload.oomnitzaCredentialId])).toEqual([
      [first, 'oomnitza-7'],
      [first, 'oomnitza-7'],
      [second, 'oomnitza-8'],
      [first, 'oomnitza-7'],
    ]);
  });

  it('counts what it hands on by kind', async () => {
    bed.resetMetrics();

    await handOn(completeChange('user.updated'));
    await handOn(partialChange('user.deactivated', removedObject));
    await handOn(partialChange('user.deleted', removedObject));

    expect(await bed.count('webhook_changes_mapped_total', { kind: 'complete' })).toBe(1);
    expect(await bed.count('webhook_changes_mapped_total', { kind: 'partial' })).toBe(2);
  });

  it('publishes in the transaction that acknowledges the change: nothing escapes a rollback', async () => {
    const integrationId = await bed.announce();
    const change = await bed.change({ tenantId: 'acme', integrationId, observedAt: OBSERVED_AT, payload: completeChange('user.updated') });
    const ofIntegration = async () => (await bed.published()).filter((upsert) => upsert.integrationId === integrationId);

    await bed.deliverThenRollBack(change, async () => {
      expect(await ofIntegration()).toEqual([]);
    });
    expect(await ofIntegration()).toEqual([]);
    expect(await bed.applied(change.messageId)).toBe(false);

    await bed.deliver(change);
    expect(await ofIntegration()).toHaveLength(1);
    expect(await bed.applied(change.messageId)).toBe(true);
  });
});
