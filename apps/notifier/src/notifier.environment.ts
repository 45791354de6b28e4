import { Transform } from 'class-transformer';
import { BaseEnvironment, toInt } from '@zoom-oomnitza-sync/platform';
import { IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

export class NotifierEnvironment extends BaseEnvironment {
  /** smtp://user:pass@host:port or smtps://...; unset: in-app notifications only, no email. */
  @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  /** The From of alert emails. */
  @IsString()
  @IsNotEmpty()
  NOTIFY_FROM_ADDRESS = 'Zoom sync <zoom-sync@localhost>';

  /** The same alert for the same integration reaches a contact at most once in this many minutes (recovered excepted). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  NOTIFY_REPEAT_WINDOW_MINUTES = 60;

  /** Attempts of one email before its delivery is given up as failed. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(20)
  NOTIFY_MAX_ATTEMPTS = 5;

  /** The first retry waits this long; each later one twice as long as the one before. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  NOTIFY_RETRY_BASE_MS = 5_000;

  /** Emails sent at once per replica. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(20)
  NOTIFY_SEND_CONCURRENCY = 2;
}
