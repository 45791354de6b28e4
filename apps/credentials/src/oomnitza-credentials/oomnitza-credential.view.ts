import { ApiProperty } from '@nestjs/swagger';
import { SecretMask } from '../masking/secret-mask';

/** An Oomnitza credential as the API shows it: the token masked. */
export class OomnitzaCredentialView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'acme' })
  tenantId: string;

  @ApiProperty({ example: 'Acme Oomnitza' })
  name: string;

  @ApiProperty({ example: 'https://acme.oomnitza.com' })
  baseUrl: string;

  @ApiProperty({ type: SecretMask })
  apiToken: SecretMask;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: Date;
}
