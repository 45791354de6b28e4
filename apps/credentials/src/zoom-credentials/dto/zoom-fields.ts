import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Matches } from 'class-validator';

/** Accepted by the API so that Local can be refused with its reason rather than a bare "must be one of". */
export const REQUESTABLE_INSTALLATION_TYPES = ['cloud', 'local'] as const;
export type RequestedInstallationType = (typeof REQUESTABLE_INSTALLATION_TYPES)[number];

const ZOOM_ID = /^[A-Za-z0-9_-]{1,100}$/;

export const InstallationType = () =>
  applyDecorators(
    ApiProperty({
      enum: REQUESTABLE_INSTALLATION_TYPES,
      default: 'cloud',
      required: false,
      description: 'Only "cloud": Zoom needs OAuth, which a Local installation does not support ("local" is refused with 422)',
    }),
    IsIn(REQUESTABLE_INSTALLATION_TYPES),
  );

export const ZoomIdentifier = (options: { example: string; description: string; required?: boolean }) =>
  applyDecorators(
    ApiProperty({ pattern: ZOOM_ID.source, ...options }),
    IsString(),
    Matches(ZOOM_ID, { message: '$property must be 1 to 100 letters, digits, "_" or "-"' }),
  );

export const ACCOUNT_ID = { example: 'x1Y2z3AbCdEfGhIjKlMnOp', description: 'The Zoom account id of the Server-to-Server OAuth app' };
export const CLIENT_ID = { example: 'aBcDeFgHiJkLmNoPqRsTuV', description: "The app's client id (not a secret: shown in responses)" };
