import { ApiProperty } from '@nestjs/swagger';
import { SecretMask } from '../masking/secret-mask';
import { ZOOM_INSTALLATION_TYPES } from './zoom-credential.entity';

/** A Zoom credential as the API shows it: identifiers in full, secrets masked. */
export class ZoomCredentialView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'acme' })
  tenantId: string;

  @ApiProperty({ example: 'Acme Zoom' })
  name: string;

  @ApiProperty({ enum: ZOOM_INSTALLATION_TYPES })
  installationType: (typeof ZOOM_INSTALLATION_TYPES)[number];

  @ApiProperty({ example: 'x1Y2z3AbCdEfGhIjKlMnOp' })
  accountId: string;

  @ApiProperty({ example: 'aBcDeFgHiJkLmNoPqRsTuV' })
  clientId: string;

  @ApiProperty({ type: SecretMask })
  clientSecret: SecretMask;

  @ApiProperty({ type: SecretMask })
  webhookSecretToken: SecretMask;

  @ApiProperty({
    example: 'https://sync.example.com/webhooks/zoom/3q2-7wEAAAB1bmd1ZXNzYWJsZS1lbmRwb2ludC1pZA',
    description: "Paste into the Zoom app's event subscription as the endpoint URL; Zoom signs with the webhook secret token",
  })
  webhookUrl: string;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: Date;
}
