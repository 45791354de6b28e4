import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IntegrationChanged, RECONCILE_DEFAULTS, REMOVAL_DEFAULTS } from '@zoom-oomnitza-sync/contracts';
import { OutboxService } from '@zoom-oomnitza-sync/messaging';
import { launchProblems } from '@zoom-oomnitza-sync/mapping';
import { ConflictProblem, NotFoundProblem, ProblemException } from '@zoom-oomnitza-sync/platform';
import { DataSource, EntityManager } from 'typeorm';
import { CredentialOwnership } from '../credential-ownership/credential-ownership';
import { CreateIntegrationDto } from './dto/create-integration.dto';
import { UpdateIntegrationDto } from './dto/update-integration.dto';
import { integrationSnapshot } from './integration-snapshot';
import { checkLaunchedSaasApp, checkMapping, MappingIncompleteProblem } from './mapping-check';
import { OomnitzaCatalogueReader } from '../oomnitza-catalogue/oomnitza-catalogue-reader';
import { IntegrationEntity, IntegrationStatus } from './integration.entity';
import { DEFAULT_SCHEDULE } from '../schedules/schedule';
import { ScheduleRules } from '../schedules/schedule-rules';

/** Zoom authenticates with OAuth, which a Local installation cannot do. */
class LocalInstallationProblem extends ProblemException {
  constructor() {
    super({
      status: 422,
      slug: 'local-installation-unsupported',
      title: 'Local installation is not supported for Zoom',
      detail: 'Zoom requires OAuth, which Local installations do not support: choose the Cloud installation type.',
    });
  }
}

@Injectable()
export class IntegrationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly schedules: ScheduleRules,
    private readonly ownership: CredentialOwnership,
    private readonly catalogue: OomnitzaCatalogueReader,
  ) {}

  async create(tenantId: string, input: CreateIntegrationDto): Promise<IntegrationEntity> {
    if (input.installationType === 'local') {
      throw new LocalInstallationProblem();
    }
    const schedule = input.schedule ? this.schedules.accept(input.schedule, new Date()) : DEFAULT_SCHEDULE;
    const mapping = { fieldTargets: input.fieldTargets ?? {}, fieldMappings: input.fieldMappings ?? [], filters: input.filters ?? null };
    checkMapping(mapping);
    await this.ownership.awaitOwned(tenantId, input);
    return this.dataSource.transaction(async (manager) => {
      const integration = await manager.save(
        manager.create(IntegrationEntity, {
          tenantId,
          name: input.name,
          status: 'draft',
          type: input.type ?? 'user',
          preference: input.preference ?? 'create_and_update',
          zoomCredentialId: input.zoomCredentialId,
          oomnitzaCredentialId: input.oomnitzaCredentialId,
          oomnitzaRoleId: input.oomnitzaRoleId ?? null,
          oomnitzaSaasId: input.oomnitzaSaasId ?? null,
          syncKey: input.syncKey ?? 'email',
          ...mapping,
          deriveMissingNames: input.deriveMissingNames ?? true,
          onZoomRemoval: input.onZoomRemoval ?? REMOVAL_DEFAULTS.onZoomRemoval,
          removalThresholdPercent: input.removalThresholdPercent ?? REMOVAL_DEFAULTS.removalThresholdPercent,
          removalThresholdMinimum: input.removalThresholdMinimum ?? REMOVAL_DEFAULTS.removalThresholdMinimum,
          webhooksEnabled: input.webhooksEnabled ?? RECONCILE_DEFAULTS.webhooksEnabled,
          reconcileIntervalMinutes: input.reconcileIntervalMinutes ?? RECONCILE_DEFAULTS.reconcileIntervalMinutes,
          schedule,
          nextRunAt: null,
          maxStalenessHours: input.maxStalenessHours ?? 26,
        }),
      );
      await this.announce(manager, integration);
      return integration;
    });
  }

  async update(tenantId: string, id: string, { schedule, ...changes }: UpdateIntegrationDto): Promise<IntegrationEntity> {
    const now = new Date();
    const accepted = schedule && this.schedules.accept(schedule, now);
    await this.ownership.awaitOwned(tenantId, changes);
    return this.dataSource.transaction(async (manager) => {
      const integration = await this.lock(manager, tenantId, id);
      Object.assign(integration, changes);
      checkMapping(integration);
      checkLaunchedSaasApp(integration);
      if (accepted) {
        integration.schedule = accepted;
        integration.nextRunAt = this.schedules.nextRunAt(integration, now);
      }
      const saved = await manager.save(integration);
      await this.announce(manager, saved);
      return saved;
    });
  }

  /**
   * Draft until the mapping is complete (see launchProblems: a role Oomnitza has, Email, the names
   * and every mandatory field mapped, a unique sync field, targets that exist and take the values);
   * Launch makes it active. Oomnitza's catalogue is read before the row is locked.
   */
  async launch(tenantId: string, id: string): Promise<IntegrationEntity> {
    const current = await this.get(tenantId, id);
    const catalogue = current.status === 'active' ? null : await this.catalogue.read(tenantId, current.oomnitzaCredentialId);
    return this.dataSource.transaction(async (manager) => {
      const integration = await this.lock(manager, tenantId, id);
      if (integration.status === 'active') {
        return integration;
      }
      if (integration.oomnitzaCredentialId !== current.oomnitzaCredentialId) {
        throw new ConflictProblem(`Integration ${id} changed its Oomnitza credential while it was being launched: launch it again.`);
      }
      const problems = launchProblems(integration, catalogue);
      if (problems.length > 0) {
        throw new MappingIncompleteProblem(problems);
      }
      await this.ownership.requireOwned(manager, tenantId, integration);
      return this.changeStatus(manager, integration, 'active');
    });
  }

  /** Pause: no scheduled run starts (a run under way finishes), and webhooks change nothing until Resume. */
  async pause(tenantId: string, id: string): Promise<IntegrationEntity> {
    return this.dataSource.transaction(async (manager) => {
      const integration = await this.lock(manager, tenantId, id);
      if (integration.status === 'draft') {
        throw new ConflictProblem(`Integration ${id} is a draft: launch it first.`);
      }
      return integration.status === 'paused' ? integration : this.changeStatus(manager, integration, 'paused');
    });
  }

  /** Resume: scheduled again from the next slot on; the slots missed while paused do not run. */
  async resume(tenantId: string, id: string): Promise<IntegrationEntity> {
    return this.dataSource.transaction(async (manager) => {
      const integration = await this.lock(manager, tenantId, id);
      if (integration.status === 'draft') {
        throw new ConflictProblem(`Integration ${id} is a draft: launch it, which also schedules it.`);
      }
      return integration.status === 'active' ? integration : this.changeStatus(manager, integration, 'active');
    });
  }

  list(tenantId: string): Promise<IntegrationEntity[]> {
    return this.dataSource.getRepository(IntegrationEntity).find({ where: { tenantId }, order: { createdAt: 'ASC' } });
  }

  /** Another tenant's integration does not exist for the caller: 404, never 403. */
  async get(tenantId: string, id: string, manager: EntityManager = this.dataSource.manager): Promise<IntegrationEntity> {
    const integration = await manager.findOneBy(IntegrationEntity, { tenantId, id });
    if (!integration) {
      throw new NotFoundProblem(`Integration ${id} was not found.`);
    }
    return integration;
  }

  /** The tenant's integration, locked for the rest of the transaction. */
  async lock(manager: EntityManager, tenantId: string, id: string): Promise<IntegrationEntity> {
    const integration = await manager.findOne(IntegrationEntity, { where: { tenantId, id }, lock: { mode: 'pessimistic_write' } });
    if (!integration) {
      throw new NotFoundProblem(`Integration ${id} was not found.`);
    }
    return integration;
  }

  /** Inside the caller's transaction (the integration locked): back to draft, unscheduled, announced. */
  moveToDraft(manager: EntityManager, integration: IntegrationEntity): Promise<IntegrationEntity> {
    return this.changeStatus(manager, integration, 'draft');
  }

  private async changeStatus(
    manager: EntityManager,
    integration: IntegrationEntity,
    status: IntegrationStatus,
  ): Promise<IntegrationEntity> {
    integration.status = status;
    integration.nextRunAt = this.schedules.nextRunAt(integration, new Date());
    const saved = await manager.save(integration);
    await this.announce(manager, saved);
    return saved;
  }

  private async announce(manager: EntityManager, integration: IntegrationEntity): Promise<void> {
    await this.outbox.publish(manager, IntegrationChanged, {
      tenantId: integration.tenantId,
      integrationId: integration.id,
      payload: integrationSnapshot(integration),
    });
  }
}
