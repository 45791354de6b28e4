import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FieldError } from './problems';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** The RFC 7807 document every error response carries. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  correlationId: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export class FieldErrorDto implements FieldError {
  @ApiProperty({ example: 'scopes' })
  field: string;

  @ApiProperty({ example: 'each value in scopes must match /^[a-z-]+:[a-z-]+$/' })
  message: string;
}

/** The same document for the OpenAPI description. */
export class ProblemDetailsDto {
  @ApiProperty({ example: 'https://zoom-oomnitza-sync.dev/problems/validation', description: 'URI of the problem type, or about:blank' })
  type: string;

  @ApiProperty({ example: 'Invalid request' })
  title: string;

  @ApiProperty({ example: 400 })
  status: number;

  @ApiProperty({ example: 'The request is invalid: see errors for each field.' })
  detail: string;

  @ApiProperty({ example: '/admin/api-keys', description: 'Path of the request that failed' })
  instance: string;

  @ApiProperty({ example: '6f1c2f0e-3f0a-4a39-9d43-0d1f7f4b9a1e', description: 'Also in the x-correlation-id header and in the logs' })
  correlationId: string;

  @ApiPropertyOptional({ type: [FieldErrorDto] })
  errors?: FieldErrorDto[];
}
