import { Injectable } from '@nestjs/common';
import { performance } from 'node:perf_hooks';

/**
 * When each tick's outbox transaction committed and when its handler applied it, on one
 * monotonic clock: the publisher and the consumer run in this process.
 */
@Injectable()
export class TickTimes {
  private readonly committedAt = new Map<string, number>();
  private readonly appliedAt = new Map<string, number>();

  committed(messageIds: readonly string[], at = performance.now()): void {
    for (const messageId of messageIds) {
      this.committedAt.set(messageId, at);
    }
  }

  /** Called by the handler inside the consumer's transaction, just before it commits; a retry overwrites it. */
  applied(messageId: string): void {
    this.appliedAt.set(messageId, performance.now());
  }

  /** Distinct ticks applied so far, over all scenarios. */
  get appliedTotal(): number {
    return this.appliedAt.size;
  }

  lastApplied(messageIds: readonly string[]): number {
    return messageIds.reduce((last, messageId) => Math.max(last, this.appliedAt.get(messageId) ?? Number.NaN), Number.NEGATIVE_INFINITY);
  }

  /** Commit-to-applied milliseconds of every tick that has both times. */
  latenciesMs(messageIds: readonly string[]): number[] {
    return messageIds.flatMap((messageId) => {
      const committed = this.committedAt.get(messageId);
      const applied = this.appliedAt.get(messageId);
      return committed === undefined || applied === undefined ? [] : [applied - committed];
    });
  }
}
