import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { TransactionCommits } from './transaction-commits';

/** A query runner as TypeORM moves it through BEGIN, savepoints, COMMIT and ROLLBACK. */
function transaction() {
  const queryRunner = { isTransactionActive: true } as QueryRunner;
  return { queryRunner, manager: { queryRunner } as EntityManager };
}

describe('TransactionCommits', () => {
  const commits = new TransactionCommits({ subscribers: [] } as unknown as DataSource);

  it('runs the work once the outermost transaction commits, each key once', () => {
    const { queryRunner, manager } = transaction();
    const ran: string[] = [];
    commits.afterCommit(manager, 'wake', () => ran.push('wake 1'));
    commits.afterCommit(manager, 'wake', () => ran.push('wake 2'));
    commits.afterCommit(manager, 'forget', () => ran.push('forget'));

    commits.afterTransactionCommit({ queryRunner } as never);
    expect(ran).toEqual([]);

    (queryRunner as { isTransactionActive: boolean }).isTransactionActive = false;
    commits.afterTransactionCommit({ queryRunner } as never);
    commits.afterTransactionCommit({ queryRunner } as never);
    expect(ran).toEqual(['wake 2', 'forget']);
  });

  it('drops the work of a transaction that rolls back', () => {
    const { queryRunner, manager } = transaction();
    const ran: string[] = [];
    commits.afterCommit(manager, 'wake', () => ran.push('wake'));
    (queryRunner as { isTransactionActive: boolean }).isTransactionActive = false;
    commits.afterTransactionRollback({ queryRunner } as never);
    commits.afterTransactionCommit({ queryRunner } as never);
    expect(ran).toEqual([]);
  });

  it('refuses work outside a transaction', () => {
    expect(() => commits.afterCommit({ queryRunner: undefined } as unknown as EntityManager, 'wake', () => undefined)).toThrow(
      'open transaction',
    );
  });
});
