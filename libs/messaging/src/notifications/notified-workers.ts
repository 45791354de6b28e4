import { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { Doorbell } from './doorbell';
import { listenerConnectionOf, NotificationListener } from './notification-listener';

/** The longest an idle worker sleeps by default: it also covers a NOTIFY missed while the LISTEN connection was down. */
const IDLE_POLL_MS = 1_000;

/**
 * What one look for work found. `true`: a piece done, and more may wait (another worker is woken).
 * `false`: nothing to do (sleep until a NOTIFY or the idle poll). The object form says more:
 * whether anything else waits after the piece done, or when the next piece falls due.
 */
export type WorkOutcome = boolean | WorkReport;

export type WorkReport = { worked: true; moreWaiting: boolean } | { worked: false; nextDueInMs?: number };

const described = (outcome: WorkOutcome): WorkReport =>
  outcome === true ? { worked: true, moreWaiting: true } : outcome === false ? { worked: false } : outcome;

export interface NotifiedWorkersOptions {
  /** The channel on which new work is announced (NOTIFY in the transaction that adds it). */
  channel: string;
  workers: number;
  /** Does the next piece of work, if any. */
  workOnce: () => Promise<WorkOutcome>;
  /** The idle poll (default 1 s): the longest an idle worker sleeps. */
  idlePollMs?: number;
  log: Logger;
}

/**
 * A replica's workers for one queue in PostgreSQL: each does the next piece of work until there
 * is none, then sleeps until a NOTIFY on the queue's channel (or the idle poll). A NOTIFY wakes one
 * sleeper, and each worker that finds work wakes one more, so a single new piece costs one look,
 * not one per worker, while a backlog still gets every worker. Stopping lets each finish the
 * piece it is doing.
 */
export class NotifiedWorkers {
  private readonly doorbell = new Doorbell();
  private readonly loops: Promise<void>[] = [];
  private listener?: NotificationListener;
  private stopping = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: NotifiedWorkersOptions,
  ) {}

  start(): void {
    if (this.options.workers === 0) {
      return;
    }
    const { channel, log } = this.options;
    this.listener = new NotificationListener(listenerConnectionOf(this.dataSource), channel, () => this.doorbell.wakeOne(), log);
    void this.listener.start();
    for (let worker = 0; worker < this.options.workers; worker += 1) {
      this.loops.push(this.work());
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.doorbell.ring();
    await Promise.all(this.loops.splice(0));
    await this.listener?.stop();
  }

  private async work(): Promise<void> {
    const idlePollMs = this.options.idlePollMs ?? IDLE_POLL_MS;
    while (!this.stopping) {
      const heard = this.doorbell.heard;
      try {
        const outcome = described(await this.options.workOnce());
        if (outcome.worked) {
          if (outcome.moreWaiting) {
            this.doorbell.wakeOne();
          }
        } else {
          await this.doorbell.sleep(Math.min(outcome.nextDueInMs ?? idlePollMs, idlePollMs), heard);
        }
      } catch (error) {
        this.options.log.error({ err: error }, 'worker loop error');
        await this.doorbell.sleep(idlePollMs, heard);
      }
    }
  }
}
