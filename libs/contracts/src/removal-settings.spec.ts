import { randomUUID } from 'node:crypto';
import { IntegrationChanged, OomnitzaRecordsUpsert, RemovalsHeld } from './index';
import { InvalidMessageError, parseMessage } from './validate-message';

const envelopeOf = (type: string, payload: object) => ({
  messageId: randomUUID(),
  type,
  version: 1,
  tenantId: 'acme',
  integrationId: 'integration-1',
  occurredAt: '2026-11-27T10:00:00.000Z',
  observedAt: '2026-11-27T10:00:00.000Z',
  payload,
});

const snapshot = {
  revision: 3,
  state: 'active',
  name: 'Zoom users',
  type: 'user',
  preference: 'create_and_update',
  zoomCredentialId: 'zoom-1',
  oomnitzaCredentialId: 'oomnitza-1',
};

async function problemsOf(promise: Promise<unknown>): Promise<string[]> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(InvalidMessageError);
  return (error as InvalidMessageError).problems;
}

describe('removal settings and messages', () => {
  it('still reads an integration snapshot published before the removal settings existed', async () => {
    const parsed = await parseMessage(IntegrationChanged, envelopeOf('integration.changed', snapshot));

    expect(parsed.payload.onZoomRemoval).toBeUndefined();
    expect(parsed.payload.removalThresholdPercent).toBeUndefined();
  });

  it('refuses removal settings out of range', async () => {
    const problems = await problemsOf(
      parseMessage(
        IntegrationChanged,
        envelopeOf('integration.changed', {
          ...snapshot,
          onZoomRemoval: 'delete',
          removalThresholdPercent: 101,
          removalThresholdMinimum: -1,
        }),
      ),
    );

    expect(problems).toEqual([
      expect.stringMatching(/^payload\.onZoomRemoval:/),
      expect.stringMatching(/^payload\.removalThresholdPercent:/),
      expect.stringMatching(/^payload\.removalThresholdMinimum:/),
    ]);
  });

  it('takes a record that says which removal it marks, and no other kind', async () => {
    const upsert = (removal: string) =>
      envelopeOf('oomnitza.records.upsert', {
        oomnitzaCredentialId: 'oomnitza-1',
        preference: 'create_and_update',
        syncField: 'EMAIL',
        isLastBatch: false,
        records: [{ syncKey: 'a@example.com', fields: {}, partial: true, removal, observedAt: '2026-11-27T10:00:00.000Z' }],
      });

    expect((await parseMessage(OomnitzaRecordsUpsert, upsert('disassociated'))).payload.records[0].removal).toBe('disassociated');
    expect(await problemsOf(parseMessage(OomnitzaRecordsUpsert, upsert('missing')))).toEqual([
      expect.stringMatching(/^payload\.records\.0\.removal:/),
    ]);
  });

  it('carries at most ten examples of held removals', async () => {
    const examples = Array.from({ length: 11 }, (_, index) => ({ syncKey: `user${index}@example.com`, removal: 'missing' }));
    const held = envelopeOf('removals.held', {
      holdId: randomUUID(),
      source: 'run',
      count: 11,
      threshold: 5,
      syncedUsers: 50,
      examples,
    });

    expect(await problemsOf(parseMessage(RemovalsHeld, held))).toEqual([expect.stringMatching(/^payload\.examples:/)]);
  });
});
