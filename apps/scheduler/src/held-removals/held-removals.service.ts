import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IntegrationAlert, MessageEnvelope, RemovalDecision, RemovalsDecided, RemovalsHeldValue } from '@zoom-oomnitza-sync/contracts';
import { OutboxService, PermanentMessageError } from '@zoom-oomnitza-sync/messaging';
import { ConflictProblem } from '@zoom-oomnitza-sync/platform';
import { isUUID } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import { IntegrationEntity } from '../integrations/integration.entity';
import { IntegrationsService } from '../integrations/integrations.service';
import { HeldRemovalEntity } from './held-removal.entity';
import { heldRemovalsViewOf, HeldRemovalsView, NOTHING_HELD, RemovalDecisionView } from './held-removals.view';

/**
 * What the alert says was held. A run's missing users are held all together; webhooks up to the
 * threshold went to Oomnitza before the one past it opened the hold, which keeps every later one.
 */
function heldDetail(hold: HeldRemovalEntity): string {
  const allows = `(${hold.threshold} of ${hold.syncedUsers} synced users)`;
  if (hold.source === 'webhooks') {
    return (
      `Removal webhooks within one hour went over what this integration allows ${allows}: the removals up to that many go to ` +
      `Oomnitza, the ones past it are held and not marked (${hold.count} so far; every later removal joins them until a decision).`
    );
  }
  return (
    `${hold.count} people would be marked removed or deactivated in Oomnitza at once (users missing from a clean full sync), ` +
    `more than this integration allows ${allows}, so none of them was marked.`
  );
}

/**
 * The scheduler's side of the mass-removal circuit breaker: it learns what the writer holds (and
 * alerts the integration's people), shows it, and passes the decision to approve or discard back
 * to the writer, which applies it.
 */
@Injectable()
export class HeldRemovalsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly integrations: IntegrationsService,
    private readonly outbox: OutboxService,
  ) {}

  /** A new hold is kept and alerted about once; a hold that grew gets its new count; a decided one stays decided. */
  async recordHeld(manager: EntityManager, envelope: MessageEnvelope<RemovalsHeldValue>): Promise<void> {
    const report = envelope.payload;
    await this.checkIntegration(manager, envelope);
    const known = await manager.findOne(HeldRemovalEntity, { where: { holdId: report.holdId }, lock: { mode: 'pessimistic_write' } });
    if (known && known.integrationId !== envelope.integrationId) {
      throw new PermanentMessageError(`hold ${report.holdId} belongs to another integration`);
    }
    if (!known) {
      const hold = await manager.save(
        manager.create(HeldRemovalEntity, {
          holdId: report.holdId,
          tenantId: envelope.tenantId,
          integrationId: envelope.integrationId,
          status: 'held',
          source: report.source,
          runId: report.runId ?? null,
          count: report.count,
          threshold: report.threshold,
          syncedUsers: report.syncedUsers,
          examples: report.examples,
          heldAt: new Date(envelope.occurredAt),
          decidedAt: null,
        }),
      );
      await this.alert(manager, hold, envelope);
    } else if (known.status === 'held' && report.count > known.count) {
      await manager.update(HeldRemovalEntity, { holdId: known.holdId }, { count: report.count, examples: report.examples });
    }
  }

  async current(tenantId: string, integrationId: string): Promise<HeldRemovalsView> {
    await this.integrations.get(tenantId, integrationId);
    const hold = await this.dataSource.getRepository(HeldRemovalEntity).findOneBy({ integrationId, status: 'held' });
    return hold ? heldRemovalsViewOf(hold) : NOTHING_HELD;
  }

  /** Records the decision and sends it to the writer in one transaction; 409 when nothing is held. */
  decide(tenantId: string, integrationId: string, decision: RemovalDecision): Promise<RemovalDecisionView> {
    return this.dataSource.transaction(async (manager) => {
      await this.integrations.get(tenantId, integrationId, manager);
      const hold = await manager.findOne(HeldRemovalEntity, {
        where: { integrationId, status: 'held' },
        lock: { mode: 'pessimistic_write' },
      });
      if (!hold) {
        throw new ConflictProblem(`Integration ${integrationId} has no removals held for approval.`);
      }
      await manager.update(
        HeldRemovalEntity,
        { holdId: hold.holdId },
        { status: decision === 'approve' ? 'approved' : 'discarded', decidedAt: new Date() },
      );
      await this.outbox.publish(manager, RemovalsDecided, { tenantId, integrationId, payload: { holdId: hold.holdId, decision } });
      return { holdId: hold.holdId, decision, count: hold.count };
    });
  }

  private async checkIntegration(manager: EntityManager, envelope: MessageEnvelope): Promise<void> {
    const exists =
      isUUID(envelope.integrationId) &&
      (await manager.existsBy(IntegrationEntity, { id: envelope.integrationId, tenantId: envelope.tenantId }));
    if (!exists) {
      throw new PermanentMessageError(`integration ${envelope.integrationId} does not exist for tenant ${envelope.tenantId}`);
    }
  }

  private async alert(manager: EntityManager, hold: HeldRemovalEntity, envelope: MessageEnvelope): Promise<void> {
    const route = `/integrations/${hold.integrationId}/held-removals`;
    await this.outbox.publish(manager, IntegrationAlert, {
      tenantId: hold.tenantId,
      integrationId: hold.integrationId,
      runId: hold.runId ?? undefined,
      observedAt: envelope.observedAt,
      payload: {
        kind: 'removals_held',
        severity: 'warning',
        title: 'Zoom removals held for approval',
        detail:
          `${heldDetail(hold)} ` +
          `Review them with GET ${route}, then apply them with POST ${route}/approve or drop them with POST ${route}/discard.`,
        runId: hold.runId ?? undefined,
      },
    });
  }
}
