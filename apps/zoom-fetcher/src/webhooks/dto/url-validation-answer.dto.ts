import { ApiProperty } from '@nestjs/swagger';

/** The answer to Zoom's endpoint.url_validation challenge. */
export class UrlValidationAnswerDto {
  @ApiProperty({ description: 'The challenge, as Zoom sent it' })
  plainToken: string;

  @ApiProperty({ description: "hex(HMAC-SHA256(the credential's webhook secret token, plainToken))" })
  encryptedToken: string;
}
