import { Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, RequireScopes, tenantOf } from '@zoom-oomnitza-sync/platform';
import { RunEntity } from './run.entity';
import { RunsService } from './runs.service';

@ApiTags('runs')
@ApiBearerAuth()
@Controller('integrations/:integrationId/runs')
export class RunsController {
  constructor(private readonly runs: RunsService) {}

  /** "Run now": the run is recorded and requested at once; the sync itself happens asynchronously. */
  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @RequireScopes('runs:write')
  requestRun(
    @CurrentPrincipal() principal: Principal,
    @Param('integrationId', ParseUUIDPipe) integrationId: string,
  ): Promise<RunEntity> {
    return this.runs.requestRun(tenantOf(principal), integrationId);
  }

  @Get(':runId')
  @RequireScopes('runs:read')
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('integrationId', ParseUUIDPipe) integrationId: string,
    @Param('runId', ParseUUIDPipe) runId: string,
  ): Promise<RunEntity> {
    return this.runs.get(tenantOf(principal), integrationId, runId);
  }
}
