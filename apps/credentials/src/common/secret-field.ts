import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptions } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';

export const MAX_SECRET_LENGTH = 1024;

/** A secret in a request body: validated without ever quoting it back, write-only in the API description. */
export const SecretField = (options: ApiPropertyOptions & { description: string }) =>
  applyDecorators(
    ApiProperty({ type: String, format: 'password', writeOnly: true, minLength: 1, maxLength: MAX_SECRET_LENGTH, ...options }),
    IsString(),
    Length(1, MAX_SECRET_LENGTH),
    Matches(/^\S+$/, { message: '$property must not contain spaces' }),
  );
