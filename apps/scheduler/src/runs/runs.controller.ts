import {
  Body,
  Controller,
  DefaultValuePipe,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseIntPipe,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, RequireScopes, tenantOf } from '@zoom-oomnitza-sync/platform';
import { RequestRunDto } from './dto/request-run.dto';
import { RunErrorEntity } from './run-error.entity';
import { RunEntity } from './run.entity';
import { RunsService } from './runs.service';

@ApiTags('runs')
@ApiBearerAuth()
@Controller('integrations/:integrationId/runs')
export class RunsController {
  constructor(private readonly runs: RunsService) {}

  /** "Run now" (or a dry run): the run is recorded and requested at once; the sync itself happens asynchronously. */
  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @RequireScopes('runs:write')
  requestRun(
    @CurrentPrincipal() principal: Principal,
    @Param('integrationId', ParseUUIDPipe) integrationId: string,
    @Body() body: RequestRunDto,
  ): Promise<RunEntity> {
    return this.runs.requestRun(tenantOf(principal), integrationId, 'manual', body.mode ?? 'full_sync');
  }

  @Get()
  @RequireScopes('runs:read')
  @ApiQuery({ name: 'limit', required: false, description: 'newest first, at most 100' })
  list(
    @CurrentPrincipal() principal: Principal,
    @Param('integrationId', ParseUUIDPipe) integrationId: string,
    @Query('limit', new DefaultValuePipe(20), ParseIntPipe) limit: number,
  ): Promise<RunEntity[]> {
    return this.runs.list(tenantOf(principal), integrationId, Math.min(Math.max(limit, 1), 100));
  }

  /** The run's status and counts, current while it runs. */
  @Get(':runId')
  @RequireScopes('runs:read')
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('integrationId', ParseUUIDPipe) integrationId: string,
    @Param('runId', ParseUUIDPipe) runId: string,
  ): Promise<RunEntity> {
    return this.runs.get(tenantOf(principal), integrationId, runId);
  }

  @Get(':runId/errors')
  @RequireScopes('runs:read')
  errors(
    @CurrentPrincipal() principal: Principal,
    @Param('integrationId', ParseUUIDPipe) integrationId: string,
    @Param('runId', ParseUUIDPipe) runId: string,
  ): Promise<RunErrorEntity[]> {
    return this.runs.errors(tenantOf(principal), integrationId, runId);
  }
}
