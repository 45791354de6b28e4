import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

const CREDENTIAL_ID = /^[A-Za-z0-9_-]{1,64}$/;

export class CreateIntegrationDto {
  @ApiProperty({ example: 'Zoom users to Oomnitza' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ description: 'Id of the Zoom credential held by the credentials service' })
  @Matches(CREDENTIAL_ID, { message: 'zoomCredentialId must be an id of 1 to 64 letters, digits, "_" or "-"' })
  zoomCredentialId: string;

  @ApiProperty({ description: 'Id of the Oomnitza credential held by the credentials service' })
  @Matches(CREDENTIAL_ID, { message: 'oomnitzaCredentialId must be an id of 1 to 64 letters, digits, "_" or "-"' })
  oomnitzaCredentialId: string;
}
