import { ApiProperty } from '@nestjs/swagger';

/** Carries a secret by design (service to service): never log it. */
export class ZoomWebhookEndpointDto {
  @ApiProperty({ example: 'acme' })
  tenantId: string;

  @ApiProperty({ format: 'uuid' })
  zoomCredentialId: string;

  @ApiProperty({
    example: 'x1Y2z3AbCdEfGhIjKlMnOp',
    description: "The credential's Zoom account id: deliveries for another account are ignored",
  })
  accountId: string;

  @ApiProperty({ description: 'The secret token Zoom signs the deliveries to this endpoint with' })
  webhookSecretToken: string;
}
