import { Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, RequireScopes, tenantOf } from '@zoom-oomnitza-sync/platform';
import { HeldRemovalsService } from './held-removals.service';
import { HeldRemovalsView, RemovalDecisionView } from './held-removals.view';

/** The mass-removal circuit breaker's hold: what it holds, and the decision that releases it. */
@ApiTags('integrations')
@ApiBearerAuth()
@Controller('integrations/:integrationId/held-removals')
export class HeldRemovalsController {
  constructor(private readonly heldRemovals: HeldRemovalsService) {}

  @Get()
  @RequireScopes('integrations:read')
  @ApiOkResponse({ type: HeldRemovalsView })
  get(@CurrentPrincipal() principal: Principal, @Param('integrationId', ParseUUIDPipe) integrationId: string): Promise<HeldRemovalsView> {
    return this.heldRemovals.current(tenantOf(principal), integrationId);
  }

  /** Applies the held removals: the writer marks them in Oomnitza. */
  @Post('approve')
  @HttpCode(HttpStatus.ACCEPTED)
  @RequireScopes('integrations:write')
  @ApiAcceptedResponse({ type: RemovalDecisionView })
  @ApiConflictResponse({ description: 'Nothing is held' })
  approve(
    @CurrentPrincipal() principal: Principal,
    @Param('integrationId', ParseUUIDPipe) integrationId: string,
  ): Promise<RemovalDecisionView> {
    return this.heldRemovals.decide(tenantOf(principal), integrationId, 'approve');
  }

  /** Drops the held removals: nothing of them reaches Oomnitza. */
  @Post('discard')
  @HttpCode(HttpStatus.ACCEPTED)
  @RequireScopes('integrations:write')
  @ApiAcceptedResponse({ type: RemovalDecisionView })
  @ApiConflictResponse({ description: 'Nothing is held' })
  discard(
    @CurrentPrincipal() principal: Principal,
    @Param('integrationId', ParseUUIDPipe) integrationId: string,
  ): Promise<RemovalDecisionView> {
    return this.heldRemovals.decide(tenantOf(principal), integrationId, 'discard');
  }
}
