import { Body, Controller, Get, Header, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import {
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { AppLogger, ProblemDetailsDto } from '@zoom-oomnitza-sync/platform';
import { uuidParam } from '../common/uuid-param';
import { CredentialsEnvironment } from '../credentials.environment';
import { BrokeredZoomToken, REPLACEMENT_GRACE_MS, ZoomTokenBroker } from '../token-broker/zoom-token-broker';
import { ReplaceAccessTokenDto, ZoomAccessTokenDto } from './dto/zoom-access-token.dto';
import { ZoomCredentialSecrets } from '../zoom-credentials/zoom-credential-secrets';
import { ActingForTenant, CallingService, ForServices, InternalEndpoint, NamesTenant } from './internal-endpoint.decorator';
import { withZoomTokenProblems } from './zoom-token-problem';

const REFUSED = { description: 'Zoom refused the credential: the detail names the problem (retryable: false)', type: ProblemDetailsDto };
const OTHER_SERVICE = { description: 'A service other than zoom-fetcher', type: ProblemDetailsDto };
const NOT_FOUND = { description: 'No such credential of the tenant', type: ProblemDetailsDto };
const UNAVAILABLE = { description: 'Zoom or the network failed: try again later (retryable: true)', type: ProblemDetailsDto };

@InternalEndpoint()
@ForServices('zoom-fetcher')
@NamesTenant()
@Controller('internal/zoom-credentials')
export class InternalZoomTokensController {
  private readonly apiUrl: string;

  constructor(
    private readonly broker: ZoomTokenBroker,
    private readonly secrets: ZoomCredentialSecrets,
    private readonly logger: AppLogger,
    config: ConfigService<CredentialsEnvironment, true>,
  ) {
    this.apiUrl = config.get('ZOOM_API_URL', { infer: true });
  }

  @Get(':id/access-token')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: "A Zoom access token for the credential's account (zoom-fetcher only); cached and minted single-flight" })
  @ApiOkResponse({ type: ZoomAccessTokenDto })
  @ApiForbiddenResponse(OTHER_SERVICE)
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiUnprocessableEntityResponse(REFUSED)
  @ApiServiceUnavailableResponse(UNAVAILABLE)
  async accessToken(
    @Param('id', uuidParam) id: string,
    @ActingForTenant() tenantId: string,
    @CallingService() service: string,
  ): Promise<ZoomAccessTokenDto> {
    const accountId = await this.secrets.accountIdOf(id, tenantId);
    const token = await withZoomTokenProblems(() => this.broker.token(id));
    return this.handOut({ credentialId: id, tenantId, accountId }, service, token, 'zoom access token handed out');
  }

  @Post(':id/access-token/invalidate')
  @HttpCode(HttpStatus.OK)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Zoom refused a token (code 124): get a new one, minted once however many callers report it (zoom-fetcher only)',
    description: `Name the refused token in the body; without it a token minted in the last ${REPLACEMENT_GRACE_MS / 1000} s is returned as is, an older one replaced.`,
  })
  @ApiOkResponse({ type: ZoomAccessTokenDto })
  @ApiForbiddenResponse(OTHER_SERVICE)
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiUnprocessableEntityResponse(REFUSED)
  @ApiServiceUnavailableResponse(UNAVAILABLE)
  async invalidate(
    @Param('id', uuidParam) id: string,
    @ActingForTenant() tenantId: string,
    @CallingService() service: string,
    @Body() body: ReplaceAccessTokenDto,
  ): Promise<ZoomAccessTokenDto> {
    const accountId = await this.secrets.accountIdOf(id, tenantId);
    const token = await withZoomTokenProblems(() => this.broker.replace(id, body.refusedAccessToken));
    return this.handOut({ credentialId: id, tenantId, accountId }, service, token, 'zoom access token replaced');
  }

  /** Who received which credential's token is an audit trail; the token itself is never logged. */
  private handOut(
    credential: { credentialId: string; tenantId: string; accountId: string },
    service: string,
    token: BrokeredZoomToken,
    message: string,
  ): ZoomAccessTokenDto {
    const expiresAt = new Date(token.expiresAt).toISOString();
    this.logger.pino.info({ ...credential, callingService: service, expiresAt }, message);
    return { accessToken: token.accessToken, expiresAt, apiUrl: this.apiUrl, accountId: credential.accountId };
  }
}
