import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { AppLogger, ProblemDetailsDto } from '@zoom-oomnitza-sync/platform';
import { uuidParam } from '../common/uuid-param';
import { OomnitzaCredentialSecrets } from '../oomnitza-credentials/oomnitza-credential-secrets';
import { OomnitzaTokenDto } from './dto/oomnitza-token.dto';
import { ActingForTenant, CallingService, ForServices, InternalEndpoint, NamesTenant } from './internal-endpoint.decorator';

@InternalEndpoint()
@Controller('internal/oomnitza-credentials')
export class InternalOomnitzaTokensController {
  constructor(
    private readonly secrets: OomnitzaCredentialSecrets,
    private readonly logger: AppLogger,
  ) {}

  @Get(':id/token')
  @ForServices('oomnitza-writer')
  @NamesTenant()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: "The credential's Oomnitza API token and base URL (oomnitza-writer only)" })
  @ApiOkResponse({ type: OomnitzaTokenDto })
  @ApiForbiddenResponse({ description: 'A service other than oomnitza-writer', type: ProblemDetailsDto })
  @ApiNotFoundResponse({ description: 'No such credential of the tenant', type: ProblemDetailsDto })
  async token(
    @Param('id', uuidParam) id: string,
    @ActingForTenant() tenantId: string,
    @CallingService() service: string,
  ): Promise<OomnitzaTokenDto> {
    const access = await this.secrets.access(id, tenantId);
    this.logger.pino.info({ credentialId: id, tenantId, callingService: service }, 'oomnitza api token handed out');
    return { apiToken: access.apiToken, baseUrl: access.baseUrl };
  }
}
