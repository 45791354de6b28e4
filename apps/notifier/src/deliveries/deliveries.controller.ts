import { Controller, DefaultValuePipe, Get, ParseIntPipe, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, RequireScopes, tenantOf } from '@zoom-oomnitza-sync/platform';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DeliveryEntity } from './delivery.entity';

/** Every alert email: to whom, its status, and each attempt with its outcome. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('deliveries')
export class DeliveriesController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @RequireScopes('notifications:read')
  @ApiQuery({ name: 'integrationId', required: false })
  @ApiQuery({ name: 'limit', required: false, description: 'newest first, at most 100 (default 50)' })
  list(
    @CurrentPrincipal() principal: Principal,
    @Query('integrationId', new ParseUUIDPipe({ optional: true })) integrationId: string | undefined,
    @Query('limit', new DefaultValuePipe(50), ParseIntPipe) limit: number,
  ): Promise<DeliveryEntity[]> {
    return this.dataSource.getRepository(DeliveryEntity).find({
      where: { tenantId: tenantOf(principal), ...(integrationId ? { integrationId } : {}) },
      relations: { attemptLog: true },
      order: { createdAt: 'DESC', attemptLog: { attempt: 'ASC' } },
      take: Math.min(Math.max(limit, 1), 100),
    });
  }
}
