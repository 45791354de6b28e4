import { waitFor } from '@zoom-oomnitza-sync/testing';
import { firstValueFrom } from 'rxjs';
import { filter } from 'rxjs/operators';
import { MessagingTestBed } from './support/messaging-test-bed';
import { NoteController } from './support/test-controllers';
import { TestNote } from './support/test-messages';

interface BatchStarted {
  topic: string;
  partition: number;
  firstOffset: string;
  lastOffset: string;
}

describe('graceful shutdown', () => {
  let bed: MessagingTestBed;

  beforeAll(async () => {
    bed = await MessagingTestBed.create('msg_graceful');
  });

  afterAll(async () => {
    bed?.probe.openGate();
    await bed?.cleanup();
  });

  it('finishes the batch in progress, commits its offsets, then leaves', async () => {
    const labels = Array.from({ length: 30 }, (_, i) => `note-${String(i).padStart(2, '0')}`);
    const app = await bed.startApp({ controllers: [NoteController], consume: false });
    // Already on the partition (one key) when the consumer arrives: its first fetch returns many.
    await bed.publishNotes(app, labels, 'integration-graceful');
    await waitFor(async () => (await bed.unpublishedCount()) === 0, { description: 'every note published' });

    const topic = bed.topicNames.resolve(TestNote.topic);
    const batches: BatchStarted[] = [];
    app.server.on('consumer.start_batch_process', (event) => batches.push(event.payload as BatchStarted));
    const handlerBlocked = bed.probe.closeGateAt('note-00');
    await app.startConsuming();
    await handlerBlocked;

    const stopping = firstValueFrom(app.server.status.pipe(filter((status) => status === 'stopping')));
    const closed = app.close();
    await stopping;
    bed.probe.openGate();
    await closed;

    const batchInProgress = batches.find((batch) => batch.topic === topic && batch.firstOffset === '0');
    expect(batchInProgress).toBeDefined();
    const batchEnd = Number(batchInProgress?.lastOffset);
    const effects = await bed.effects();
    // Every note of that batch was applied, once; none was left half-done by the shutdown.
    expect(labels.slice(0, batchEnd + 1).map((label) => effects.get(label))).toEqual(labels.slice(0, batchEnd + 1).map(() => 1));
    const applied = [...effects.values()].reduce((sum, count) => sum + count, 0);
    const committed = [...(await bed.committedOffsets(TestNote.topic)).values()].reduce((sum, offset) => sum + Math.max(offset, 0), 0);
    expect(committed).toBe(applied);
  });
});
