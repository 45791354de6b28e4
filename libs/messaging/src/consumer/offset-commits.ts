import { EachBatchPayload } from 'kafkajs';
import { Logger } from 'pino';

type CommitAccess = Pick<EachBatchPayload, 'uncommittedOffsets' | 'commitOffsetsIfNecessary'>;

/**
 * When a consumer commits what it has applied. Committing after every batch cost a request to the
 * broker (and a write to its offsets log) per message at webhook rates; the inbox makes a
 * redelivered message harmless, so offsets are committed at most once per interval instead, and
 * at once when a batch dead-lettered a message (the inbox does not know those) or the consumer is
 * stopping. What waits for the interval is committed when it ends, without another batch. Commits
 * go one at a time, so an older offset never lands after a newer one.
 */
export class OffsetCommits {
  private lastCommitAt = 0;
  private access?: CommitAccess;
  private timer?: NodeJS.Timeout;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly intervalMs: number,
    private readonly log: Logger,
  ) {}

  /** After a batch: commits now when it must or the interval has passed, or later when it ends. */
  async afterBatch(access: CommitAccess, urgent: boolean): Promise<void> {
    this.access = access;
    const dueInMs = this.lastCommitAt + this.intervalMs - Date.now();
    if (urgent || dueInMs <= 0) {
      await this.commit();
      return;
    }
    this.timer ??= setTimeout(() => {
      this.commit().catch((error: unknown) => this.log.warn({ err: error }, 'deferred offset commit failed; the next one covers it'));
    }, dueInMs);
  }

  /** Commits what waits now (before the consumer leaves its group); nothing is scheduled afterwards. */
  async flush(): Promise<void> {
    await this.commit().catch((error: unknown) => this.log.warn({ err: error }, 'offset commit before stopping failed'));
  }

  private commit(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const access = this.access;
    const next = this.chain.then(async () => {
      this.lastCommitAt = Date.now();
      const offsets = access?.uncommittedOffsets();
      if (access && offsets && offsets.topics.length > 0) {
        await access.commitOffsetsIfNecessary(offsets);
      }
    });
    this.chain = next.catch(() => undefined);
    return next;
  }
}
