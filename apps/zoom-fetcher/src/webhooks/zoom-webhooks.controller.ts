import { Controller, Headers, HttpCode, HttpStatus, Param, Post, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ProblemDetailsDto, Public, RawBodyRequest } from '@zoom-oomnitza-sync/platform';
import { UrlValidationAnswerDto } from './dto/url-validation-answer.dto';
import { ZoomWebhookReceiver } from './zoom-webhook-receiver';

@ApiTags('webhooks')
@Controller('webhooks/zoom')
export class ZoomWebhooksController {
  constructor(private readonly receiver: ZoomWebhookReceiver) {}

  /** Public: Zoom presents no API key, its signature is checked instead. */
  @Post(':endpointId')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: "A Zoom credential's event subscription endpoint: the webhookUrl the credentials service shows",
    description:
      'Verified by x-zm-signature over the raw body and x-zm-request-timestamp, not by an API key. Answered at once; ' +
      'endpoint.url_validation gets its token pair, any other event an empty 200 (also when ignored or already received).',
  })
  @ApiOkResponse({ type: UrlValidationAnswerDto, description: 'Taken in; the body answers endpoint.url_validation only' })
  @ApiUnauthorizedResponse({ description: 'Unknown endpoint, missing or wrong signature, or signed too long ago', type: ProblemDetailsDto })
  @ApiBadRequestResponse({ description: 'Correctly signed, but not a Zoom event', type: ProblemDetailsDto })
  @ApiServiceUnavailableResponse({ description: 'The endpoint cannot be verified now: Zoom retries', type: ProblemDetailsDto })
  receive(
    @Param('endpointId') endpointId: string,
    @Req() request: RawBodyRequest,
    @Headers('x-zm-signature') signature?: string,
    @Headers('x-zm-request-timestamp') timestamp?: string,
  ): Promise<UrlValidationAnswerDto | undefined> {
    return this.receiver.receive({ endpointId, rawBody: request.rawBody ?? Buffer.alloc(0), signature, timestamp });
  }
}
