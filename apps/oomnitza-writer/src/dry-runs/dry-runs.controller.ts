import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, RequireScopes, tenantOf } from '@zoom-oomnitza-sync/platform';
import { DryRunResultsDto, DryRunResultsQueryDto } from './dto/dry-run-results.dto';
import { DryRunResults } from './dry-run-results';

@ApiTags('dry runs')
@ApiBearerAuth()
@Controller('integrations/:integrationId/dry-runs')
export class DryRunsController {
  constructor(private readonly results: DryRunResults) {}

  @Get(':runId')
  @RequireScopes('runs:read')
  @ApiOperation({
    summary: "A dry run's users: what a full sync would do to each in Oomnitza, and the run's summary",
    description:
      'create (every field), update (each field that differs, before → after), unchanged, skipped (the preference), failed, ' +
      'filtered, rejected (with the reason). Paged in the order the users were fetched: pass nextAfter as after.',
  })
  @ApiOkResponse({ type: DryRunResultsDto })
  read(
    @CurrentPrincipal() principal: Principal,
    @Param('integrationId', ParseUUIDPipe) integrationId: string,
    @Param('runId', ParseUUIDPipe) runId: string,
    @Query() query: DryRunResultsQueryDto,
  ): Promise<DryRunResultsDto> {
    return this.results.read(tenantOf(principal), integrationId, runId, query);
  }
}
