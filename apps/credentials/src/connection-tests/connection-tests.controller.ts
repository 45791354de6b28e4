import { Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, ProblemDetailsDto, RequireScopes, tenantOf } from '@zoom-oomnitza-sync/platform';
import { uuidParam } from '../common/uuid-param';
import { ConnectionTestResultDto, ZoomConnectionTestResultDto } from './connection-test-result.dto';
import { OomnitzaConnectionTest } from './oomnitza-connection-test';
import { TenantTestSlots } from './tenant-test-slots';
import { ZoomConnectionTest } from './zoom-connection-test';

const TOO_MANY = { description: 'CONNECTION_TESTS_PER_TENANT tests of the tenant are already running', type: ProblemDetailsDto };

/** "Test connection" needs the write scope: it uses the secrets against the outside world and replaces the cached Zoom token. */
@ApiTags('connection-tests')
@ApiBearerAuth()
@Controller()
export class ConnectionTestsController {
  constructor(
    private readonly zoom: ZoomConnectionTest,
    private readonly oomnitza: OomnitzaConnectionTest,
    private readonly slots: TenantTestSlots,
  ) {}

  @Post('zoom-credentials/:id/test')
  @HttpCode(HttpStatus.OK)
  @RequireScopes('credentials:write')
  @ApiOperation({ summary: 'Mint a Zoom token with the credential and check it may list users; 200 with ok:false names the problem' })
  @ApiOkResponse({ type: ZoomConnectionTestResultDto })
  @ApiNotFoundResponse({ type: ProblemDetailsDto })
  @ApiTooManyRequestsResponse(TOO_MANY)
  testZoom(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam) id: string): Promise<ZoomConnectionTestResultDto> {
    const tenantId = tenantOf(principal);
    return this.slots.run(tenantId, () => this.zoom.run(tenantId, id));
  }

  @Post('oomnitza-credentials/:id/test')
  @HttpCode(HttpStatus.OK)
  @RequireScopes('credentials:write')
  @ApiOperation({ summary: "Check the token with Oomnitza's AuthTest; 200 with ok:false names the problem" })
  @ApiOkResponse({ type: ConnectionTestResultDto })
  @ApiNotFoundResponse({ type: ProblemDetailsDto })
  @ApiTooManyRequestsResponse(TOO_MANY)
  testOomnitza(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam) id: string): Promise<ConnectionTestResultDto> {
    const tenantId = tenantOf(principal);
    return this.slots.run(tenantId, () => this.oomnitza.run(tenantId, id));
  }
}
