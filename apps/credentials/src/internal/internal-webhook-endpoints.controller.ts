import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { AppLogger, NotFoundProblem, ProblemDetailsDto } from '@zoom-oomnitza-sync/platform';
import { WEBHOOK_ENDPOINT_ID } from '../webhook-endpoints/webhook-endpoint-id';
import { ZoomCredentialSecrets } from '../zoom-credentials/zoom-credential-secrets';
import { ZoomWebhookEndpointDto } from './dto/zoom-webhook-endpoint.dto';
import { CallingService, ForServices, InternalEndpoint } from './internal-endpoint.decorator';

@InternalEndpoint()
@Controller('internal/zoom-webhook-endpoints')
export class InternalWebhookEndpointsController {
  constructor(
    private readonly secrets: ZoomCredentialSecrets,
    private readonly logger: AppLogger,
  ) {}

  @Get(':endpointId')
  @ForServices('zoom-fetcher')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Who a Zoom webhook endpoint belongs to and the secret token that signs its deliveries (zoom-fetcher only)' })
  @ApiOkResponse({ type: ZoomWebhookEndpointDto })
  @ApiForbiddenResponse({ description: 'A service other than zoom-fetcher', type: ProblemDetailsDto })
  @ApiNotFoundResponse({ description: 'No such endpoint, or its credential has no webhook secret token', type: ProblemDetailsDto })
  async resolve(@Param('endpointId') endpointId: string, @CallingService() service: string): Promise<ZoomWebhookEndpointDto> {
    if (!WEBHOOK_ENDPOINT_ID.test(endpointId)) {
      throw new NotFoundProblem('No Zoom credential has this webhook endpoint.');
    }
    const endpoint = await this.secrets.forWebhookEndpoint(endpointId);
    this.logger.pino.info({ credentialId: endpoint.zoomCredentialId, callingService: service }, 'zoom webhook secret token handed out');
    return endpoint;
  }
}
