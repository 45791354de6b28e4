import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { AppLogger, ProblemDetailsDto } from '@zoom-oomnitza-sync/platform';
import { uuidParam } from '../common/uuid-param';
import { OomnitzaCredentialSecrets } from '../oomnitza-credentials/oomnitza-credential-secrets';
import { OomnitzaTokenDto } from './dto/oomnitza-token.dto';
import { CallingService, InternalEndpoint } from './internal-endpoint.decorator';

@InternalEndpoint()
@Controller('internal/oomnitza-credentials')
export class InternalOomnitzaTokensController {
  constructor(
    private readonly secrets: OomnitzaCredentialSecrets,
    private readonly logger: AppLogger,
  ) {}

  @Get(':id/token')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: "The credential's Oomnitza API token and base URL (service token only)" })
  @ApiOkResponse({ type: OomnitzaTokenDto })
  @ApiNotFoundResponse({ type: ProblemDetailsDto })
  async token(@Param('id', uuidParam) id: string, @CallingService() service: string): Promise<OomnitzaTokenDto> {
    const access = await this.secrets.access(id);
    this.logger.pino.info({ credentialId: id, callingService: service }, 'oomnitza api token handed out');
    return { apiToken: access.apiToken, baseUrl: access.baseUrl };
  }
}
