import { waitFor } from '@zoom-oomnitza-sync/testing';
import { MessagingTestBed, TestApp } from './support/messaging-test-bed';
import { NoteController } from './support/test-controllers';
import { TestNote } from './support/test-messages';

/** Committed offsets of a fresh topic add up to the number of messages consumed (-1: nothing committed). */
const sum = (offsets: Map<number, number>) => [...offsets.values()].reduce((total, offset) => total + Math.max(offset, 0), 0);

/** Long enough that no interval ends during a test: every commit seen is one the policy asked for at once. */
const NEVER_DUE = { KAFKA_COMMIT_INTERVAL_MS: '60000' };

describe('offset commits', () => {
  let bed: MessagingTestBed;

  beforeAll(async () => {
    bed = await MessagingTestBed.create('msg_offset_commits');
  });

  afterAll(async () => {
    await bed?.cleanup();
  });

  /** Publishes the notes one transaction each, each applied before the next is published: one batch per note. */
  async function oneBatchEach(app: TestApp, labels: string[]): Promise<void> {
    for (const label of labels) {
      await bed.publishNotes(app, [label], 'integration-commits');
      await waitFor(async () => (await bed.effects()).has(label), { description: `${label} applied` });
    }
  }

  function countCommits(app: TestApp): () => number {
    let commits = 0;
    app.server.on('consumer.commit_offsets', () => (commits += 1));
    return () => commits;
  }

  it('commits once per KAFKA_COMMIT_INTERVAL_MS, not once per batch, and everything applied when it stops', async () => {
    const app = await bed.startApp({ controllers: [NoteController], settings: NEVER_DUE });
    const commits = countCommits(app);
    const labels = Array.from({ length: 6 }, (_, i) => `spaced-${i}`);
    await oneBatchEach(app, labels);

    // The first batch finds no commit before it; the others fall within the interval.
    expect(commits()).toBe(1);
    await app.close();
    expect(sum(await bed.committedOffsets(TestNote.topic))).toBe(labels.length);
  });

  it('commits after every batch when the interval is 0', async () => {
    const before = sum(await bed.committedOffsets(TestNote.topic));
    const app = await bed.startApp({ controllers: [NoteController], settings: { KAFKA_COMMIT_INTERVAL_MS: '0' } });
    const commits = countCommits(app);
    const labels = Array.from({ length: 4 }, (_, i) => `every-${i}`);
    await oneBatchEach(app, labels);

    await waitFor(async () => sum(await bed.committedOffsets(TestNote.topic)) === before + labels.length, {
      description: 'each note committed without the app stopping',
    });
    expect(commits()).toBeGreaterThanOrEqual(labels.length);
    await app.close();
  });

  it('commits a batch that dead-lettered a message at once, so a restart does not dead-letter it again', async () => {
    const before = sum(await bed.committedOffsets(TestNote.topic));
    const app = await bed.startApp({ controllers: [NoteController], settings: NEVER_DUE });
    await oneBatchEach(app, ['warm']);
    bed.probe.failing.add('doomed');
    await bed.publishNotes(app, ['doomed'], 'integration-commits');

    await waitFor(async () => sum(await bed.committedOffsets(TestNote.topic)) === before + 2, {
      description: 'the dead-lettered note committed while the app runs',
    });
    expect(await app.metric('messaging_dead_lettered_total')).toBe(1);
    await app.close();
  });

  it('commits what waited for the interval once it has passed, without another batch', async () => {
    const before = sum(await bed.committedOffsets(TestNote.topic));
    const app = await bed.startApp({ controllers: [NoteController], settings: { KAFKA_COMMIT_INTERVAL_MS: '300' } });
    const labels = ['late-0', 'late-1', 'late-2'];
    await oneBatchEach(app, labels);

    await waitFor(async () => sum(await bed.committedOffsets(TestNote.topic)) === before + labels.length, {
      description: 'the last notes committed after the interval, with nothing else consumed',
    });
    await app.close();
  });
});
