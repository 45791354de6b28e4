import { Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, ProblemDetailsDto, RequireScopes, tenantOf } from '@zoom-oomnitza-sync/platform';
import { uuidParam } from '../common/uuid-param';
import { ConnectionTestResultDto, ZoomConnectionTestResultDto } from './connection-test-result.dto';
import { OomnitzaConnectionTest } from './oomnitza-connection-test';
import { ZoomConnectionTest } from './zoom-connection-test';

/** "Test connection" needs the write scope: it uses the secrets against the outside world and replaces the cached Zoom token. */
@ApiTags('connection-tests')
@ApiBearerAuth()
@Controller()
export class ConnectionTestsController {
  constructor(
    private readonly zoom: ZoomConnectionTest,
    private readonly oomnitza: OomnitzaConnectionTest,
  ) {}

  @Post('zoom-credentials/:id/test')
  @HttpCode(HttpStatus.OK)
  @RequireScopes('credentials:write')
  @ApiOperation({ summary: 'Mint a Zoom token with the credential and check it may list users; 200 with ok:false names the problem' })
  @ApiOkResponse({ type: ZoomConnectionTestResultDto })
  @ApiNotFoundResponse({ type: ProblemDetailsDto })
  testZoom(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam) id: string): Promise<ZoomConnectionTestResultDto> {
    return this.zoom.run(tenantOf(principal), id);
  }

  @Post('oomnitza-credentials/:id/test')
  @HttpCode(HttpStatus.OK)
  @RequireScopes('credentials:write')
  @ApiOperation({ summary: "Check the token with Oomnitza's AuthTest; 200 with ok:false names the problem" })
  @ApiOkResponse({ type: ConnectionTestResultDto })
  @ApiNotFoundResponse({ type: ProblemDetailsDto })
  testOomnitza(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam) id: string): Promise<ConnectionTestResultDto> {
    return this.oomnitza.run(tenantOf(principal), id);
  }
}
