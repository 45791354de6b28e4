import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The fetcher's read model of the integrations, kept from integration.changed (newest revision
 * wins): which integrations a webhook of a Zoom credential goes to.
 */
@Entity({ name: 'integrations' })
export class IntegrationEntity {
  @PrimaryColumn({ name: 'integration_id' })
  integrationId: string;

  @Column({ name: 'tenant_id' })
  tenantId: string;

  @Column({ type: 'int' })
  revision: number;

  @Column({ type: 'text' })
  state: string;

  @Column({ name: 'zoom_credential_id' })
  zoomCredentialId: string;
}
