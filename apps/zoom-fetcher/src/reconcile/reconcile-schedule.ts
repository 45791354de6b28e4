import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { qualifiedTable } from '@zoom-oomnitza-sync/platform';
import { DataSource, EntityManager } from 'typeorm';
import { IntegrationEntity } from '../integrations/integration.entity';

/** An integration whose reconcile is due, as claimed. */
export interface DueReconcile {
  integrationId: string;
  tenantId: string;
  zoomCredentialId: string;
  driftSuspected: boolean;
  /** When a webhook about a user never seen flagged it, as the database wrote it (to clear that flag only). */
  unknownUserAt: string | null;
}

interface DueRow {
  integration_id: string;
  tenant_id: string;
  zoom_credential_id: string;
  drift_suspected_at: Date | null;
  unknown_user_at: string | null;
}

/**
 * When each active integration with webhooks on is reconciled, in the integrations read model.
 * Claiming moves the next reconcile one interval on, under SKIP LOCKED: replicas do not claim one
 * due reconcile twice (a request or a user never seen may make it due again meanwhile, which only
 * means one more look), and a replica that dies mid-check costs one interval, not the reconcile.
 */
@Injectable()
export class ReconcileSchedule {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async claimDue(): Promise<DueReconcile | undefined> {
    const [rows] = (await this.dataSource.query(
      `UPDATE ${this.table} SET next_reconcile_at = now() + make_interval(mins => reconcile_interval_minutes)
       WHERE integration_id = (
         SELECT integration_id FROM ${this.table}
         WHERE state = 'active' AND webhooks_enabled AND next_reconcile_at <= now()
         ORDER BY next_reconcile_at LIMIT 1 FOR UPDATE SKIP LOCKED)
       RETURNING integration_id, tenant_id, zoom_credential_id, drift_suspected_at, unknown_user_at::text`,
    )) as [DueRow[], number];
    const row = rows[0];
    return (
      row && {
        integrationId: row.integration_id,
        tenantId: row.tenant_id,
        zoomCredentialId: row.zoom_credential_id,
        driftSuspected: row.drift_suspected_at !== null,
        unknownUserAt: row.unknown_user_at,
      }
    );
  }

  /** Reconcile now (someone asked). */
  async bringForward(manager: EntityManager, integrationId: string): Promise<void> {
    await manager.query(`UPDATE ${this.table} SET next_reconcile_at = now() WHERE integration_id = $1`, [integrationId]);
  }

  /** Counts differed: look again after `seconds` before believing it. */
  async suspectDrift(integrationId: string, seconds: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE ${this.table} SET drift_suspected_at = now(), next_reconcile_at = now() + make_interval(secs => $2) WHERE integration_id = $1`,
      [integrationId, seconds],
    );
  }

  /**
   * Inside the caller's transaction: what made this reconcile suspicious is dealt with. A user
   * never seen flagged after the claim stays flagged for the next reconcile.
   */
  async settle(manager: EntityManager, due: DueReconcile): Promise<void> {
    await manager.query(
      `UPDATE ${this.table} SET drift_suspected_at = NULL,
         unknown_user_at = CASE WHEN unknown_user_at::text IS NOT DISTINCT FROM $2 THEN NULL ELSE unknown_user_at END
       WHERE integration_id = $1`,
      [due.integrationId, due.unknownUserAt],
    );
  }

  /**
   * Every integration of the credential reconciles now, and reports drift, after an event about a
   * user the fetcher never saw (Zoom dropped one): an `UPDATE` for a CTE of the webhook intake's statement, made only where `when` holds.
   */
  flagUnknownUserInStatement(credential: string, when: string): string {
    return `UPDATE ${this.table} SET unknown_user_at = now(), next_reconcile_at = now()
       WHERE zoom_credential_id = ${credential} AND state = 'active' AND webhooks_enabled AND unknown_user_at IS NULL AND ${when}`;
  }

  private get table(): string {
    return qualifiedTable(this.dataSource, IntegrationEntity);
  }
}
