import { RunStage } from '@zoom-oomnitza-sync/contracts';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One record a run could not fetch, map or write, and why (the first RUN_ERRORS_KEPT per run). */
@Entity({ name: 'run_errors' })
@Index(['runId', 'id'])
export class RunErrorEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ name: 'run_id', type: 'uuid' })
  runId: string;

  @Column({ type: 'text' })
  stage: RunStage;

  @Column({ name: 'record_key' })
  recordKey: string;

  @Column({ type: 'text' })
  reason: string;
}
