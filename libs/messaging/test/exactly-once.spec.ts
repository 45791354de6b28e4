import { MessageHeaders } from '@zoom-oomnitza-sync/contracts';
import { ReadinessRegistry } from '@zoom-oomnitza-sync/platform';
import { waitFor } from '@zoom-oomnitza-sync/testing';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { MessagingTestBed, TestApp } from './support/messaging-test-bed';
import { NoteController } from './support/test-controllers';
import { TestNote } from './support/test-messages';

describe('outbox to consumer', () => {
  let bed: MessagingTestBed;
  let app: TestApp;

  beforeAll(async () => {
    bed = await MessagingTestBed.create('msg_exactly_once');
    app = await bed.startApp({ controllers: [NoteController] });
  });

  afterAll(async () => {
    await bed?.cleanup();
  });

  it('applies a message committed through the outbox exactly once, and publishes nothing for a rolled-back transaction', async () => {
    await bed.publishNotes(app, ['committed'], 'integration-a');
    await expect(
      bed.inTransaction(app, async (manager) => {
        await app.outbox.publish(manager, TestNote, {
          tenantId: 'tenant-1',
          integrationId: 'integration-a',
          payload: { label: 'rolled-back' },
        });
        throw new Error('the state change failed');
      }),
    ).rejects.toThrow('the state change failed');
    await bed.publishNotes(app, ['after'], 'integration-a');

    // 'after' went out after the rolled-back one would have: once it is applied, nothing else is coming.
    await waitFor(async () => (await bed.effects()).get('after') === 1, { description: "the effect of 'after'" });
    const effects = await bed.effects();
    expect(effects.get('committed')).toBe(1);
    expect(effects.has('rolled-back')).toBe(false);
    await waitFor(async () => (await bed.unpublishedCount()) === 0, { description: 'an empty outbox backlog' });
    expect(await bed.messagesOnTopic(TestNote.topic)).toBe(2);
  });

  it('carries the correlation id from the publisher to the handler, in the header and the logging context', async () => {
    await bed.inTransaction(app, (manager) =>
      app.outbox.publish(manager, TestNote, {
        tenantId: 'tenant-1',
        integrationId: 'integration-b',
        payload: { label: 'correlated' },
        correlationId: 'corr-1234',
      }),
    );
    const [effect] = await waitFor(async () => {
      const rows = await bed.schema.query<{ header_correlation_id: string; context_correlation_id: string }>(
        `SELECT header_correlation_id, context_correlation_id FROM test_effects WHERE label = 'correlated'`,
      );
      return rows.length > 0 ? rows : undefined;
    });
    expect(effect).toEqual({ header_correlation_id: 'corr-1234', context_correlation_id: 'corr-1234' });
  });

  it('puts key, type and version on the published record', async () => {
    const [messageId] = await bed.publishNotes(app, ['inspected'], 'integration-c');
    const record = await waitFor(async () => {
      const rows = await bed.schema.query<{ published_at: Date | null; message_key: string; headers: Record<string, string> }>(
        `SELECT published_at, message_key, headers FROM outbox WHERE message_id = $1`,
        [messageId],
      );
      return rows[0]?.published_at ? rows[0] : undefined;
    });
    expect(record.message_key).toBe('integration-c');
    expect(record.headers).toMatchObject({ [MessageHeaders.messageType]: TestNote.type, [MessageHeaders.messageVersion]: '1' });
    await waitFor(async () => (await bed.effects()).get('inspected') === 1, { description: "the effect of 'inspected'" });
    expect(await app.metric('messaging_outbox_published_total', { topic: bed.topicNames.resolve(TestNote.topic) })).toBeGreaterThanOrEqual(
      1,
    );
    expect(
      await app.metric('messaging_handler_duration_seconds_count', { topic: bed.topicNames.resolve(TestNote.topic), outcome: 'processed' }),
    ).toBeGreaterThanOrEqual(1);
  });

  it('publishes several messages with one insert, each a message of its own, in order', async () => {
    const statements = jest.spyOn(PostgresQueryRunner.prototype, 'query');
    try {
      await bed.inTransaction(app, (manager) =>
        app.outbox.publishAll(
          manager,
          TestNote,
          ['many-1', 'many-2', 'many-3'].map((label) => ({ tenantId: 'tenant-1', integrationId: 'integration-many', payload: { label } })),
        ),
      );
      expect(statements.mock.calls.filter(([sql]) => /INSERT INTO \S*"outbox"/.test(String(sql)))).toHaveLength(1);
    } finally {
      statements.mockRestore();
    }
    await waitFor(async () => (await bed.effects()).get('many-3') === 1, { description: "the effect of 'many-3'" });
    const applied = await bed.schema.query<{ label: string }>(
      `SELECT label FROM test_effects WHERE label LIKE 'many-%' ORDER BY partition, "offset"`,
    );
    expect(applied.map((effect) => effect.label)).toEqual(['many-1', 'many-2', 'many-3']);
  });

  it('refuses to publish outside a transaction', async () => {
    await expect(
      app.outbox.publish(app.dataSource.manager, TestNote, {
        tenantId: 'tenant-1',
        integrationId: 'integration-d',
        payload: { label: 'loose' },
      }),
    ).rejects.toThrow(/open transaction/);
  });

  it('refuses to publish an invalid message, failing the producer rather than a consumer', async () => {
    await expect(
      bed.inTransaction(app, (manager) =>
        app.outbox.publish(manager, TestNote, { tenantId: 'tenant-1', integrationId: 'integration-d', payload: { label: '' } }),
      ),
    ).rejects.toThrow(/payload\.label/);
  });

  it('reports Kafka ready', async () => {
    const report = await app.app.get(ReadinessRegistry).evaluate();
    expect(report.checks.kafka).toEqual({ status: 'ok' });
  });
});
