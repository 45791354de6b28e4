import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

/** Unique per tenant and kind: people pick a credential by its name. */
export const CredentialName = (required = true) =>
  applyDecorators(ApiProperty({ example: 'Acme production', minLength: 1, maxLength: 200, required }), IsString(), Length(1, 200));
