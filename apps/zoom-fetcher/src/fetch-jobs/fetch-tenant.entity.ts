import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A tenant with fetch jobs, and when one of its jobs was last claimed: tenants take turns. */
@Entity({ name: 'fetch_tenants' })
export class FetchTenantEntity {
  @PrimaryColumn({ name: 'tenant_id' })
  tenantId: string;

  @Column({ name: 'last_claimed_at', type: 'timestamptz', nullable: true })
  lastClaimedAt: Date | null;
}
