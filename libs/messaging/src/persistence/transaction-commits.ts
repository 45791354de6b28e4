import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  DataSource,
  EntityManager,
  EntitySubscriberInterface,
  QueryRunner,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';

/**
 * Work to do once a transaction has committed, and never if it rolls back: waking what should
 * see the rows it wrote, forgetting what it changed. Runs after the outermost commit only: a
 * released savepoint's rows are not visible to anyone else yet.
 */
@Injectable()
export class TransactionCommits implements EntitySubscriberInterface, OnModuleInit {
  private readonly pending = new WeakMap<QueryRunner, Map<string, () => void>>();

  constructor(private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    this.dataSource.subscribers.push(this);
  }

  /** Registers `work` under `key` for the transaction of `manager`: the same key registered again runs once. */
  afterCommit(manager: EntityManager, key: string, work: () => void): void {
    const queryRunner = manager.queryRunner;
    if (!queryRunner?.isTransactionActive) {
      throw new Error('TransactionCommits.afterCommit needs the EntityManager of an open transaction');
    }
    const works = this.pending.get(queryRunner) ?? new Map<string, () => void>();
    works.set(key, work);
    this.pending.set(queryRunner, works);
  }

  afterTransactionCommit({ queryRunner }: TransactionCommitEvent): void {
    const works = queryRunner.isTransactionActive ? undefined : this.pending.get(queryRunner);
    if (works) {
      this.pending.delete(queryRunner);
      works.forEach((work) => work());
    }
  }

  afterTransactionRollback({ queryRunner }: TransactionRollbackEvent): void {
    if (!queryRunner.isTransactionActive) {
      this.pending.delete(queryRunner);
    }
  }
}
