import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, ProblemDetailsDto, RequireScopes, tenantOf } from '@zoom-oomnitza-sync/platform';
import { CreateIntegrationDto } from './dto/create-integration.dto';
import { UpdateIntegrationDto } from './dto/update-integration.dto';
import { integrationView, IntegrationView } from './integration-view';
import { IntegrationsService } from './integrations.service';

const CREDENTIAL_NOT_USABLE = {
  description: "A named credential is not known as one of the tenant's (unknown, another tenant's, the wrong kind) or was deleted",
  type: ProblemDetailsDto,
};

@ApiTags('integrations')
@ApiBearerAuth()
@Controller('integrations')
export class IntegrationsController {
  constructor(private readonly integrations: IntegrationsService) {}

  @Post()
  @ApiUnprocessableEntityResponse(CREDENTIAL_NOT_USABLE)
  @RequireScopes('integrations:write')
  async create(@CurrentPrincipal() principal: Principal, @Body() body: CreateIntegrationDto): Promise<IntegrationView> {
    return integrationView(await this.integrations.create(tenantOf(principal), body));
  }

  @Get()
  @RequireScopes('integrations:read')
  async list(@CurrentPrincipal() principal: Principal): Promise<IntegrationView[]> {
    return (await this.integrations.list(tenantOf(principal))).map(integrationView);
  }

  @Get(':id')
  @RequireScopes('integrations:read')
  async get(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<IntegrationView> {
    return integrationView(await this.integrations.get(tenantOf(principal), id));
  }

  @Patch(':id')
  @ApiUnprocessableEntityResponse(CREDENTIAL_NOT_USABLE)
  @RequireScopes('integrations:write')
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateIntegrationDto,
  ): Promise<IntegrationView> {
    return integrationView(await this.integrations.update(tenantOf(principal), id, body));
  }

  /** Launch: a draft with its mandatory mapping becomes active and can run. */
  @Post(':id/launch')
  @ApiUnprocessableEntityResponse(CREDENTIAL_NOT_USABLE)
  @HttpCode(HttpStatus.OK)
  @RequireScopes('integrations:write')
  async launch(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<IntegrationView> {
    return integrationView(await this.integrations.launch(tenantOf(principal), id));
  }

  /** Pause: scheduled runs stop (a run under way finishes) until Resume. */
  @Post(':id/pause')
  @HttpCode(HttpStatus.OK)
  @RequireScopes('integrations:write')
  async pause(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<IntegrationView> {
    return integrationView(await this.integrations.pause(tenantOf(principal), id));
  }

  /** Resume: scheduled again from the next slot; slots missed while paused do not run. */
  @Post(':id/resume')
  @HttpCode(HttpStatus.OK)
  @RequireScopes('integrations:write')
  async resume(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<IntegrationView> {
    return integrationView(await this.integrations.resume(tenantOf(principal), id));
  }
}
