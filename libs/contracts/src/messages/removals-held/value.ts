import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { HELD_REMOVAL_KINDS, HeldRemovalKind } from '../../common/removal';

export const REMOVAL_HOLD_SOURCES = ['run', 'webhooks'] as const;
export type RemovalHoldSource = (typeof REMOVAL_HOLD_SOURCES)[number];

/** The most examples one message carries: enough to recognise the people, never the whole list. */
export const HELD_REMOVAL_EXAMPLES = 10;

export class HeldRemovalExampleDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(320)
  syncKey: string;

  @IsIn(HELD_REMOVAL_KINDS)
  removal: HeldRemovalKind;
}

/**
 * The writer holds removals for approval (mass-removal circuit breaker): published when a hold
 * opens and again whenever it grows, `count` always the whole hold so far.
 */
export class RemovalsHeldValue {
  @IsUUID()
  holdId: string;

  /** What tripped the breaker: a clean full sync's missing users, or an hour's removal webhooks. */
  @IsIn(REMOVAL_HOLD_SOURCES)
  source: RemovalHoldSource;

  @IsOptional()
  @IsUUID()
  runId?: string;

  /** People held. */
  @IsInt()
  @Min(1)
  count: number;

  /** The most people the integration lets be marked at once. */
  @IsInt()
  @Min(0)
  threshold: number;

  /** Synced users (not already marked removed) the threshold was taken from. */
  @IsInt()
  @Min(0)
  syncedUsers: number;

  @IsArray()
  @ArrayMaxSize(HELD_REMOVAL_EXAMPLES)
  @ValidateNested({ each: true })
  @Type(() => HeldRemovalExampleDto)
  examples: HeldRemovalExampleDto[];
}
