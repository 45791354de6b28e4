import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DeadLetterHeaders } from '@zoom-oomnitza-sync/contracts';
import { AppLogger } from '@zoom-oomnitza-sync/platform';
import { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { RunAccountingService } from '../runs/run-accounting.service';
import { RunEntity } from '../runs/run.entity';

/** What a dead-lettered record says about itself: its envelope (when it parses) and the dead-letter headers. */
export interface DeadLetterRecord {
  value: Buffer | null;
  headers: Record<string, string | undefined>;
}

/**
 * A message of a run that a service gave up on (sent to its topic's DLQ) fails the run at once,
 * with that reason, instead of leaving it waiting for the watchdog.
 */
@Injectable()
export class DeadLetteredRuns {
  private readonly log: Logger;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounting: RunAccountingService,
    logger: AppLogger,
  ) {
    this.log = logger.pino.child({ context: DeadLetteredRuns.name });
  }

  /** True when it failed a run; false for a record of no run, of a run unknown or already settled. */
  async apply(record: DeadLetterRecord): Promise<boolean> {
    const envelope = envelopeOf(record.value);
    if (!envelope) {
      return false;
    }
    return this.dataSource.transaction(async (manager) => {
      const run = await manager.findOne(RunEntity, { where: { id: envelope.runId }, lock: { mode: 'pessimistic_write' } });
      if (!run || run.integrationId !== envelope.integrationId || run.status === 'completed' || run.status === 'failed') {
        return false;
      }
      const reason =
        `A ${envelope.type ?? 'message'} of this run (${record.headers[DeadLetterHeaders.originalTopic] ?? 'unknown topic'}) ` +
        `could not be processed by ${record.headers[DeadLetterHeaders.consumerGroup] ?? 'a service'} and was set aside ` +
        `(dead-lettered): ${record.headers[DeadLetterHeaders.error] ?? 'no reason given'}`;
      await this.accounting.failRun(manager, run, reason);
      this.log.warn({ runId: run.id, integrationId: run.integrationId, reason }, 'run failed: a message of it was dead-lettered');
      return true;
    });
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The run a dead-lettered record belongs to, if its value is an envelope naming one. */
function envelopeOf(value: Buffer | null): { runId: string; integrationId: string; type?: string } | undefined {
  try {
    const parsed = JSON.parse(value?.toString('utf8') ?? '') as { runId?: unknown; integrationId?: unknown; type?: unknown };
    if (typeof parsed.runId === 'string' && UUID.test(parsed.runId) && typeof parsed.integrationId === 'string') {
      return { runId: parsed.runId, integrationId: parsed.integrationId, type: typeof parsed.type === 'string' ? parsed.type : undefined };
    }
  } catch {
    // Not an envelope (the reason it was dead-lettered): no run to fail.
  }
  return undefined;
}
