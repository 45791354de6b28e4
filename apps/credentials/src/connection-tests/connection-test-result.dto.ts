import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/**
 * The outcome of "Test connection". A failed test is still a successful request (200): the answer
 * is about the remote system, and `problem` names exactly what is wrong with it.
 */
export class ConnectionTestResultDto {
  @ApiProperty({ example: false })
  ok: boolean;

  @ApiPropertyOptional({ example: 'Zoom rejected the client secret (4704)', description: 'Only when ok is false' })
  problem?: string;
}

export class ZoomConnectionTestResultDto extends ConnectionTestResultDto {
  @ApiPropertyOptional({ type: [String], example: ['user:read:list_users:admin'], description: 'The scopes of the token Zoom minted' })
  scopes?: string[];
}
