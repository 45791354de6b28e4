import { Controller, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiConflictResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, RequireScopes, tenantOf } from '@zoom-oomnitza-sync/platform';
import { ReconcileService } from './reconcile.service';

@ApiTags('integrations')
@ApiBearerAuth()
@Controller('integrations/:integrationId/reconcile')
export class ReconcileController {
  constructor(private readonly reconcile: ReconcileService) {}

  /** Reconcile now instead of at the next interval: a difference from Zoom's counts starts a full sync (trigger `reconcile`). */
  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @RequireScopes('runs:write')
  @ApiAcceptedResponse({ description: 'The zoom-fetcher compares the counts shortly' })
  @ApiConflictResponse({ description: 'The integration is not active, or its webhooks are off' })
  request(
    @CurrentPrincipal() principal: Principal,
    @Param('integrationId', ParseUUIDPipe) integrationId: string,
  ): Promise<{ integrationId: string; requestedAt: string }> {
    return this.reconcile.requestReconcile(tenantOf(principal), integrationId);
  }
}
