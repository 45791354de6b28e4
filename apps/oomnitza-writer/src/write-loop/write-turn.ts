import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { WorkReport } from '@zoom-oomnitza-sync/messaging';
import { AppLogger } from '@zoom-oomnitza-sync/platform';
import { Logger } from 'pino';
import { OomnitzaWriterEnvironment } from '../oomnitza-writer.environment';
import { Lease, LeaseLostError, WriteQueues } from '../pending-records/write-queues';
import { Clock } from '../timing/clock';
import { WriterMetrics } from '../writer-metrics/writer-metrics';
import { BatchOutcome } from './batch-outcome';
import { BatchWriter } from './batch-writer';
import { WriteStore } from './write-store';

/** How long an integration rests after a turn failed for a reason that may pass (credentials service, database). */
export const RETRY_AFTER_FAILURE_MS = 5_000;

/**
 * One worker's turn: lease the least recently served due integration, do one thing for it (finalize
 * a rolling portion that is due, or write the batch at the head of its pending records), commit
 * the outcome and give the integration back. The lease is renewed while Oomnitza is slow.
 */
@Injectable()
export class WriteTurn {
  private readonly log: Logger;
  private readonly leaseSeconds: number;

  constructor(
    private readonly queues: WriteQueues,
    private readonly store: WriteStore,
    private readonly writer: BatchWriter,
    private readonly clock: Clock,
    private readonly metrics: WriterMetrics,
    config: ConfigService<OomnitzaWriterEnvironment, true>,
    logger: AppLogger,
  ) {
    this.log = logger.pino.child({ context: WriteTurn.name });
    this.leaseSeconds = config.get('WRITE_LEASE_SECONDS', { infer: true });
  }

  /** One turn, if an integration was due: whether others wait too, or when the next will be due. */
  async take(): Promise<WorkReport> {
    const claim = await this.queues.claim(this.clock.now(), this.leaseSeconds);
    if (!claim.lease) {
      return { worked: false, nextDueInMs: claim.nextDueInMs };
    }
    const { lease } = claim;
    const renewal = setInterval(() => void this.renew(lease), (this.leaseSeconds * 1000) / 3);
    try {
      await this.serve(lease);
    } catch (error) {
      await this.failed(lease, error);
    } finally {
      clearInterval(renewal);
    }
    return { worked: true, moreWaiting: claim.othersDue };
  }

  private async serve(lease: Lease): Promise<void> {
    const [openRolling, head, saas] = await Promise.all([
      this.store.openRollingPortions(lease.integrationId),
      this.store.headBatch(lease.integrationId),
      this.store.saasLink(lease.integrationId),
    ]);
    const closing = this.store.rollingPortionToClose(openRolling, this.clock.now());
    if (closing) {
      const finalized = await this.writer.finalizeRollingPortion(closing);
      if (!finalized) {
        this.log.warn(
          { integrationId: lease.integrationId, portion: closing.portionId },
          'rolling portion could not be finalized; given up',
        );
      }
      await this.store.closePortion(lease, closing.portionId, finalized ? 'finalized' : 'stopped', this.clock.now());
      return;
    }
    if (!head) {
      await this.store.release(lease, this.clock.now());
      return;
    }
    const outcome = await this.writer.write(head.batch, head.states, { openRolling, saas });
    await this.store.commit(lease, outcome, this.clock.now());
    this.count(outcome);
  }

  private count(outcome: BatchOutcome): void {
    if (outcome.kind === 'run-closed') {
      this.metrics.dropped.inc({ reason: 'run_closed' }, outcome.batch.records.length);
    } else if (outcome.kind === 'written') {
      for (const { decision } of outcome.records) {
        this.metrics.records.inc({ outcome: decision.outcome });
        if (decision.dropped) {
          this.metrics.dropped.inc({ reason: decision.dropped });
        }
      }
    }
  }

  private async renew(lease: Lease): Promise<void> {
    try {
      if (!(await this.queues.renew(lease, this.clock.now(), this.leaseSeconds))) {
        this.log.warn({ integrationId: lease.integrationId }, 'lease lost while writing; the outcome will not be committed');
      }
    } catch (error) {
      this.log.warn({ err: error, integrationId: lease.integrationId }, 'could not renew the lease');
    }
  }

  /** Nothing of the turn was committed: the batch is written again, by whoever takes the integration next. */
  private async failed(lease: Lease, error: unknown): Promise<void> {
    if (error instanceof LeaseLostError) {
      this.log.warn({ integrationId: lease.integrationId }, error.message);
      return;
    }
    this.log.error({ err: error, integrationId: lease.integrationId }, 'write turn failed; retrying later');
    const now = this.clock.now();
    await this.store.release(lease, now, new Date(now.getTime() + RETRY_AFTER_FAILURE_MS)).catch((releaseError: unknown) => {
      this.log.warn(
        { err: releaseError, integrationId: lease.integrationId },
        'could not give the integration back; its lease will run out',
      );
    });
  }
}
