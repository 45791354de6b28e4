import { waitFor } from '@zoom-oomnitza-sync/testing';
import { MessagingTestBed, TestApp } from './support/messaging-test-bed';
import { KeptBatchNoteController, KeptNoteController } from './support/test-controllers';
import { TestBatchNote, TestNote, TestNoteValue } from './support/test-messages';

/** Committed offsets of a fresh topic add up to the number of messages consumed (-1: nothing committed). */
const sum = (offsets: Map<number, number>) => [...offsets.values()].reduce((total, offset) => total + Math.max(offset, 0), 0);

describe('messages a handler does not accept', () => {
  let bed: MessagingTestBed;

  beforeAll(async () => {
    bed = await MessagingTestBed.create('msg_passed_over', [TestNote.topic, TestBatchNote.topic]);
  });

  afterAll(async () => {
    await bed?.cleanup();
  });

  const inboxRows = (app: TestApp) =>
    bed
      .inTransaction(app, (manager) => manager.query(`SELECT message_id FROM "${bed.schema.schema}".inbox`))
      .then((rows: unknown[]) => rows.length);

  it.each([
    ['one at a time', KeptNoteController, TestNote],
    ['in batches', KeptBatchNoteController, TestBatchNote],
  ] as const)(
    '%s: are passed over with no transaction and no inbox row, counted, and their offsets committed',
    async (_, controller, definition) => {
      const app = await bed.startApp({ controllers: [controller] });
      const inboxBefore = await inboxRows(app);
      const labels = ['keep-1', 'skip-1', 'keep-2', 'skip-2', 'skip-3'].map((label) => `${label}-${definition.topic}`);
      await bed.inTransaction(app, async (manager) => {
        for (const label of labels) {
          await app.outbox.publish<TestNoteValue>(manager, definition, {
            tenantId: 'tenant-1',
            integrationId: 'integration-pass',
            payload: { label },
          });
        }
      });

      const kept = labels.filter((label) => label.startsWith('keep'));
      // In a batch the notes passed over are counted before the kept ones are applied: wait for both.
      const effects = await waitFor(
        async () => {
          const applied = await bed.effects();
          const passedOver = await app.metric('messaging_passed_over_total');
          return passedOver === 3 && kept.every((label) => applied.has(label)) ? applied : undefined;
        },
        { description: 'three notes passed over and two applied' },
      );
      expect(labels.filter((label) => effects.has(label))).toEqual(kept);
      expect(labels.filter((label) => label.startsWith('skip')).some((label) => bed.probe.attempts.has(label))).toBe(false);
      expect((await inboxRows(app)) - inboxBefore).toBe(2);
      await app.close();
      expect(sum(await bed.committedOffsets(definition.topic))).toBe(labels.length);
    },
  );
});
