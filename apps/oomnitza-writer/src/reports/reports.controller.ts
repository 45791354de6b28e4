import { Controller, Get, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, RequireScopes, tenantOf } from '@zoom-oomnitza-sync/platform';
import { ServerResponse } from 'node:http';
import { LicenceReclamationDto, LicenceReclamationQueryDto } from './dto/licence-reclamation.dto';
import { LicenceReclamation } from './licence-reclamation';
import { RECLAMATION_CSV_HEADER, reclamationCsvRows } from './reclamation-csv';

const DEFAULT_INACTIVE_DAYS = 90;
const DEFAULT_PAGE = 100;

@ApiTags('reports')
@ApiBearerAuth()
@Controller('integrations/:integrationId/reports/licence-reclamation')
export class ReportsController {
  constructor(private readonly reclamation: LicenceReclamation) {}

  @Get()
  @RequireScopes('runs:read')
  @ApiOperation({
    summary: 'Licensed Zoom users inactive for inactiveDays (or who never logged in), with counts by department',
    description: 'From what the platform last wrote to Oomnitza for each synced user; deactivated and removed users are left out.',
  })
  @ApiOkResponse({ type: LicenceReclamationDto })
  report(
    @CurrentPrincipal() principal: Principal,
    @Param('integrationId', ParseUUIDPipe) integrationId: string,
    @Query() query: LicenceReclamationQueryDto,
  ): Promise<LicenceReclamationDto> {
    return this.reclamation.report(tenantOf(principal), integrationId, query.inactiveDays ?? DEFAULT_INACTIVE_DAYS, new Date(), {
      limit: query.limit ?? DEFAULT_PAGE,
      after: query.after,
    });
  }

  @Get('csv')
  @RequireScopes('runs:read')
  @ApiOperation({ summary: 'The same users, every one of them, as a CSV download' })
  @ApiProduces('text/csv')
  async csv(
    @CurrentPrincipal() principal: Principal,
    @Param('integrationId', ParseUUIDPipe) integrationId: string,
    @Query() query: LicenceReclamationQueryDto,
    @Res() response: ServerResponse,
  ): Promise<void> {
    const inactiveDays = query.inactiveDays ?? DEFAULT_INACTIVE_DAYS;
    const batches = this.reclamation.everyUser(tenantOf(principal), integrationId, inactiveDays, new Date());
    // The first batch is read before answering: an unknown integration is still a 404.
    const first = await batches.next();
    response.writeHead(200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="licence-reclamation-${inactiveDays}-days.csv"`,
    });
    response.write(RECLAMATION_CSV_HEADER);
    if (!first.done) {
      response.write(reclamationCsvRows(first.value));
      for await (const batch of batches) {
        response.write(reclamationCsvRows(batch));
      }
    }
    response.end();
  }
}
