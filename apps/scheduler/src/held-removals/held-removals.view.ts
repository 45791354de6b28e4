import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  HELD_REMOVAL_KINDS,
  HeldRemovalKind,
  REMOVAL_DECISIONS,
  REMOVAL_HOLD_SOURCES,
  RemovalDecision,
  RemovalHoldSource,
} from '@zoom-oomnitza-sync/contracts';
import { HeldRemovalEntity } from './held-removal.entity';

export class HeldRemovalExampleView {
  @ApiProperty({ description: 'The sync key (email or Zoom ID) of a person held' })
  syncKey: string;

  @ApiProperty({ enum: HELD_REMOVAL_KINDS, description: '`missing`: gone from a clean full sync' })
  removal: HeldRemovalKind;
}

/** What the mass-removal circuit breaker holds for an integration, as the writer reported it. */
export class HeldRemovalsView {
  @ApiProperty({ description: 'Whether removals wait for approval' })
  held: boolean;

  @ApiProperty({ description: 'People whose removal or deactivation is held' })
  count: number;

  @ApiProperty({ type: [HeldRemovalExampleView], description: 'A few of them' })
  examples: HeldRemovalExampleView[];

  @ApiPropertyOptional({ format: 'uuid' })
  holdId?: string;

  @ApiPropertyOptional({ enum: REMOVAL_HOLD_SOURCES, description: 'A clean full sync, or the removal webhooks of one hour' })
  source?: RemovalHoldSource;

  @ApiPropertyOptional({ format: 'uuid', description: 'The run whose missing users are held' })
  runId?: string;

  @ApiPropertyOptional({ description: 'The most people the integration lets be marked at once' })
  threshold?: number;

  @ApiPropertyOptional({ description: 'Synced users the threshold was taken from' })
  syncedUsers?: number;

  @ApiPropertyOptional({ format: 'date-time' })
  heldAt?: string;
}

/** A decision taken; the writer applies it asynchronously. */
export class RemovalDecisionView {
  @ApiProperty({ format: 'uuid' })
  holdId: string;

  @ApiProperty({ enum: REMOVAL_DECISIONS })
  decision: RemovalDecision;

  @ApiProperty({ description: 'People the decision is about, as last reported' })
  count: number;
}

export const NOTHING_HELD: HeldRemovalsView = { held: false, count: 0, examples: [] };

export function heldRemovalsViewOf(hold: HeldRemovalEntity): HeldRemovalsView {
  return {
    held: true,
    count: hold.count,
    examples: hold.examples,
    holdId: hold.holdId,
    source: hold.source,
    runId: hold.runId ?? undefined,
    threshold: hold.threshold,
    syncedUsers: hold.syncedUsers,
    heldAt: hold.heldAt.toISOString(),
  };
}
