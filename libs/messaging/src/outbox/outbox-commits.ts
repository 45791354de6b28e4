import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TransactionCommits } from '../persistence/transaction-commits';

/**
 * Wakes this process's outbox relay when a transaction that wrote outbox rows commits. A NOTIFY
 * would do the same, but PostgreSQL signals every listening connection of the database for each
 * one, whatever its channel: at webhook rates that was a few hundred signals a second for nothing.
 * A replica that relays nothing (OUTBOX_RELAY_ENABLED=false) still notifies, so another hears it.
 */
@Injectable()
export class OutboxCommits {
  private wakeRelay?: () => void;

  constructor(private readonly commits: TransactionCommits) {}

  /** True while a relay runs in this process: it is woken directly, and no NOTIFY is needed. */
  get relayedHere(): boolean {
    return this.wakeRelay !== undefined;
  }

  relayStarted(wake: () => void): void {
    this.wakeRelay = wake;
  }

  relayStopped(): void {
    this.wakeRelay = undefined;
  }

  /** A statement that wrote outbox rows without a transaction of its own has committed: wakes the relay. */
  committedOutside(): void {
    this.wakeRelay?.();
  }

  /** Inside the transaction that wrote an outbox row: its commit wakes the relay. */
  wrote(manager: EntityManager): void {
    this.commits.afterCommit(manager, OutboxCommits.name, () => this.wakeRelay?.());
  }
}
