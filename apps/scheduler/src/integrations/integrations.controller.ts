import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, RequireScopes, tenantOf } from '@zoom-oomnitza-sync/platform';
import { CreateIntegrationDto } from './dto/create-integration.dto';
import { IntegrationEntity } from './integration.entity';
import { IntegrationsService } from './integrations.service';

@ApiTags('integrations')
@ApiBearerAuth()
@Controller('integrations')
export class IntegrationsController {
  constructor(private readonly integrations: IntegrationsService) {}

  @Post()
  @RequireScopes('integrations:write')
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateIntegrationDto): Promise<IntegrationEntity> {
    return this.integrations.create(tenantOf(principal), body);
  }

  @Get()
  @RequireScopes('integrations:read')
  list(@CurrentPrincipal() principal: Principal): Promise<IntegrationEntity[]> {
    return this.integrations.list(tenantOf(principal));
  }

  @Get(':id')
  @RequireScopes('integrations:read')
  get(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<IntegrationEntity> {
    return this.integrations.get(tenantOf(principal), id);
  }
}
