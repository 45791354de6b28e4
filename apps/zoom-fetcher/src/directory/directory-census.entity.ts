import { Column, Entity, PrimaryColumn } from 'typeorm';
import { UserCounts } from './user-counts';

/**
 * What a clean full sync left behind: by how much Zoom's summary and the users it listed differ
 * anyway (Zoom's counting rules, not lost events). The reconcile compares net of these offsets.
 */
@Entity({ name: 'directory_census' })
export class DirectoryCensusEntity {
  @PrimaryColumn({ name: 'zoom_credential_id' })
  zoomCredentialId: string;

  @Column({ type: 'jsonb' })
  offsets: UserCounts;

  @Column({ name: 'taken_at', type: 'timestamptz' })
  takenAt: Date;
}
