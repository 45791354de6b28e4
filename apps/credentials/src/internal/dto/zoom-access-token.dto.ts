import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';

/** Carries a secret by design (service to service): never log it. */
export class ZoomAccessTokenDto {
  @ApiProperty({ description: 'Bearer token for the Zoom API' })
  accessToken: string;

  @ApiProperty({ type: String, format: 'date-time', description: 'When Zoom stops accepting it; the broker hands out a new one before' })
  expiresAt: string;

  @ApiProperty({ example: 'https://api.zoom.us/v2', description: 'Base URL of the Zoom API (ZOOM_API_URL)' })
  apiUrl: string;

  @ApiProperty({ example: 'aBcDeFgHiJkLmN', description: "The Zoom account the token acts on: Zoom's rate limits are per account" })
  accountId: string;
}

export class ReplaceAccessTokenDto {
  @ApiPropertyOptional({
    description: 'The token Zoom refused (code 124). When the broker already holds another one it is returned without minting again',
  })
  @IsOptional()
  @IsString()
  @Length(1, 4096)
  refusedAccessToken?: string;
}
