import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What people call an integration, as the scheduler last announced it: emails name it. */
@Entity({ name: 'integration_names' })
export class IntegrationNameEntity {
  @PrimaryColumn({ name: 'integration_id', type: 'uuid' })
  integrationId: string;

  @Column({ name: 'tenant_id' })
  tenantId: string;

  @Column()
  name: string;

  @Column({ type: 'int' })
  revision: number;
}
