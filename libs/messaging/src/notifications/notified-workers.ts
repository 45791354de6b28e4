import { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { Doorbell } from './doorbell';
import { listenerConnectionOf, NotificationListener } from './notification-listener';

/** The longest an idle worker sleeps by default: it also covers a NOTIFY missed while the LISTEN connection was down. */
const IDLE_POLL_MS = 1_000;

export interface NotifiedWorkersOptions {
  /** The channel on which new work is announced (NOTIFY in the transaction that adds it). */
  channel: string;
  workers: number;
  /** Does the next piece of work; false when there was none. */
  workOnce: () => Promise<boolean>;
  /** How long an idle worker may sleep before it looks again (at most the idle poll). */
  idleMs?: () => Promise<number>;
  /** The idle poll (default 1 s). */
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
        if (await this.options.workOnce()) {
          this.doorbell.wakeOne();
        } else {
          const idleMs = this.options.idleMs ? await this.options.idleMs() : idlePollMs;
          await this.doorbell.sleep(Math.min(idleMs, idlePollMs), heard);
        }
      } catch (error) {
        this.options.log.error({ err: error }, 'worker loop error');
        await this.doorbell.sleep(idlePollMs, heard);
      }
    }
  }
}
