import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SyncRunRequested, ZOOM_USER_STATUSES } from '@zoom-oomnitza-sync/contracts';
import { OutboxService } from '@zoom-oomnitza-sync/messaging';
import { DataSource } from 'typeorm';
import { IntegrationsService } from '../integrations/integrations.service';
import { RunEntity } from './run.entity';

@Injectable()
export class RunsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly integrations: IntegrationsService,
    private readonly outbox: OutboxService,
  ) {}

  /** The run and its request commit together: a crash never loses or invents a run request. */
  async requestRun(tenantId: string, integrationId: string): Promise<RunEntity> {
    const integration = await this.integrations.get(tenantId, integrationId);
    return this.dataSource.transaction(async (manager) => {
      const run = await manager.save(
        manager.create(RunEntity, { tenantId, integrationId, status: 'requested', trigger: 'manual' }),
      );
      await this.outbox.publish(manager, SyncRunRequested, {
        tenantId,
        integrationId,
        runId: run.id,
        payload: {
          runId: run.id,
          trigger: run.trigger,
          zoomCredentialId: integration.zoomCredentialId,
          userStatuses: [...ZOOM_USER_STATUSES],
        },
      });
      return run;
    });
  }

  async get(tenantId: string, integrationId: string, runId: string): Promise<RunEntity> {
    const run = await this.dataSource.getRepository(RunEntity).findOneBy({ tenantId, integrationId, id: runId });
    if (!run) throw new NotFoundException(`Run ${runId} was not found`);
    return run;
  }
}
