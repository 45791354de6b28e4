import { AlertKind } from '@zoom-oomnitza-sync/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A person of the tenant told about an integration's alerts: all of them, or the kinds chosen. */
@Entity({ name: 'contacts' })
export class ContactEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'tenant_id' })
  tenantId: string;

  @Column({ name: 'integration_id', type: 'uuid' })
  integrationId: string;

  @Column()
  name: string;

  @Column()
  email: string;

  /** Empty: every alert. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  alerts: AlertKind[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
