import { ZOOM_USER_EVENTS, ZoomUserDto, ZoomUserEvent } from '@zoom-oomnitza-sync/contracts';
import { fieldErrorsOf } from '@zoom-oomnitza-sync/platform';
import { plainToInstance, Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, Min, validate, ValidateNested } from 'class-validator';
import { MalformedWebhookProblem } from './webhook-problems';

const URL_VALIDATION = 'endpoint.url_validation';

/** What a verified delivery says, as far as the receiver cares. */
export type ZoomWebhook =
  | { kind: 'url_validation'; plainToken: string }
  | { kind: 'user_event'; event: ZoomUserEvent; eventTs: number; accountId: string; user: ZoomUserDto; previous?: ZoomUserDto }
  | { kind: 'other'; event: string };

class UrlValidationPayloadDto {
  @IsString()
  @IsNotEmpty()
  plainToken: string;
}

class UrlValidationDto {
  @IsObject()
  @ValidateNested()
  @Type(() => UrlValidationPayloadDto)
  payload: UrlValidationPayloadDto;
}

/** Zoom's user events, leniently: only what the receiver relies on is checked, extra fields pass. */
class UserEventPayloadDto {
  @IsString()
  @IsNotEmpty()
  account_id: string;

  @IsObject()
  @ValidateNested()
  @Type(() => ZoomUserDto)
  object: ZoomUserDto;

  /** user.updated: the previous values of the changed fields. */
  @IsOptional()
  @IsObject()
  old_object?: Record<string, unknown>;
}

class UserEventDto {
  @IsIn(ZOOM_USER_EVENTS)
  event: ZoomUserEvent;

  /** Epoch milliseconds. */
  @IsInt()
  @Min(0)
  event_ts: number;

  @IsObject()
  @ValidateNested()
  @Type(() => UserEventPayloadDto)
  payload: UserEventPayloadDto;
}

/** Throws the field errors of a checked copy of what Zoom sent, dotted from `path`. */
async function refuseInvalid(instance: object, path?: string): Promise<void> {
  const errors = fieldErrorsOf(await validate(instance), path);
  if (errors.length > 0) {
    throw new MalformedWebhookProblem('The body is not a Zoom event the receiver can read: see errors.', errors);
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads a delivery whose signature was verified. Objects are passed on as Zoom sent them (the
 * checked copies only vouch for them), so nothing Zoom said is lost or reshaped.
 */
export async function parseZoomWebhook(rawBody: Buffer): Promise<ZoomWebhook> {
  let body: unknown;
  try {
    body = JSON.parse(rawBody.toString('utf8'));
  } catch {
    throw new MalformedWebhookProblem('The body is not JSON.');
  }
  if (!isObject(body) || typeof body.event !== 'string') {
    throw new MalformedWebhookProblem('The body is not a Zoom event: it names no event.', [
      { field: 'event', message: 'event must be a string' },
    ]);
  }
  if (body.event === URL_VALIDATION) {
    const validation = plainToInstance(UrlValidationDto, body);
    await refuseInvalid(validation);
    return { kind: 'url_validation', plainToken: validation.payload.plainToken };
  }
  if (!(ZOOM_USER_EVENTS as readonly string[]).includes(body.event)) {
    return { kind: 'other', event: body.event };
  }
  const event = plainToInstance(UserEventDto, body);
  await refuseInvalid(event);
  const payload = body.payload as { object: ZoomUserDto; old_object?: Record<string, unknown> };
  const user = payload.object;
  // The user's id keys reads and dedupe; the shared DTO checks it only when there is no e-mail.
  if (user.id !== undefined && (typeof user.id !== 'string' || user.id === '')) {
    throw new MalformedWebhookProblem('The body is not a Zoom event the receiver can read: see errors.', [
      { field: 'payload.object.id', message: 'id must be a non-empty string' },
    ]);
  }
  // old_object names the changed fields only: the user's identity comes along so it says whose they were.
  const previous = payload.old_object && ({ ...identityOf(user), ...payload.old_object } as ZoomUserDto);
  if (previous) {
    await refuseInvalid(plainToInstance(ZoomUserDto, previous), 'payload.old_object');
  }
  return { kind: 'user_event', event: event.event, eventTs: event.event_ts, accountId: event.payload.account_id, user, previous };
}

function identityOf(user: ZoomUserDto): Pick<ZoomUserDto, 'id' | 'email'> {
  return user.id === undefined ? { email: user.email } : { id: user.id };
}
