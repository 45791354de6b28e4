import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export const BaseUrl = (required = true) =>
  applyDecorators(
    ApiProperty({
      example: 'https://acme.oomnitza.com',
      maxLength: 500,
      required,
      description: 'The Oomnitza instance: https (http only where OOMNITZA_ALLOW_HTTP is set), no query',
    }),
    IsString(),
    MaxLength(500),
  );
