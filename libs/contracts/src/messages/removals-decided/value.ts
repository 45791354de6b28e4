import { IsIn, IsUUID } from 'class-validator';

export const REMOVAL_DECISIONS = ['approve', 'discard'] as const;
export type RemovalDecision = (typeof REMOVAL_DECISIONS)[number];

/** Someone decided about held removals: the writer applies them, or drops them. */
export class RemovalsDecidedValue {
  /** The hold decided about: a decision never reaches removals held after it was made. */
  @IsUUID()
  holdId: string;

  @IsIn(REMOVAL_DECISIONS)
  decision: RemovalDecision;
}
