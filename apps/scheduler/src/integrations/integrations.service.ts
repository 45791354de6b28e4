import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CreateIntegrationDto } from './dto/create-integration.dto';
import { IntegrationEntity } from './integration.entity';

@Injectable()
export class IntegrationsService {
  constructor(@InjectRepository(IntegrationEntity) private readonly integrations: Repository<IntegrationEntity>) {}

  create(tenantId: string, input: CreateIntegrationDto): Promise<IntegrationEntity> {
    return this.integrations.save(this.integrations.create({ ...input, tenantId, status: 'draft' }));
  }

  list(tenantId: string): Promise<IntegrationEntity[]> {
    return this.integrations.find({ where: { tenantId }, order: { createdAt: 'ASC' } });
  }

  /** Another tenant's integration does not exist for the caller: 404, never 403. */
  async get(tenantId: string, id: string): Promise<IntegrationEntity> {
    const integration = await this.integrations.findOneBy({ tenantId, id });
    if (!integration) throw new NotFoundException(`Integration ${id} was not found`);
    return integration;
  }
}
