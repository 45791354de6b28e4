import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One run's portion in Oomnitza, with the counts Oomnitza reported for it last time we asked. */
@Entity({ name: 'portions' })
export class PortionEntity {
  /** The run id is the portion id: one portion per run. */
  @PrimaryColumn({ name: 'run_id', type: 'uuid' })
  runId: string;

  @Column({ name: 'integration_id' })
  integrationId: string;

  @Column({ type: 'int', default: 0 }) added: number;
  @Column({ type: 'int', default: 0 }) updated: number;
  @Column({ type: 'int', default: 0 }) skipped: number;
  @Column({ type: 'int', default: 0 }) errors: number;

  @Column({ default: false })
  finalized: boolean;
}
