import { ApiProperty } from '@nestjs/swagger';

/** Carries a secret by design (service to service): never log it. */
export class OomnitzaTokenDto {
  @ApiProperty({ description: 'Send as the Authorization2 header' })
  apiToken: string;

  @ApiProperty({ example: 'https://acme.oomnitza.com' })
  baseUrl: string;
}
