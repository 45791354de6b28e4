import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { PageLimitQueryDto } from '../../paging/page-limit-query.dto';
import { DRY_RUN_OUTCOMES, DryRunOutcome } from '../dry-run-user.entity';

export class DryRunResultsQueryDto extends PageLimitQueryDto {
  @ApiPropertyOptional({ enum: DRY_RUN_OUTCOMES, description: 'only the users with this outcome' })
  @IsOptional()
  @IsIn(DRY_RUN_OUTCOMES)
  outcome?: DryRunOutcome;

  @ApiPropertyOptional({ description: 'the nextAfter of the previous page' })
  @IsOptional()
  @Matches(/^\d{1,18}$/, { message: 'after must be the nextAfter of a previous page' })
  after?: string;
}

class FieldChangeDto {
  @ApiProperty({ example: '6C0F5D2A9B1E4F7C8D3A2B1C0D9E8F7A', description: 'the Oomnitza field id' })
  field: string;

  @ApiProperty({ nullable: true, description: "Oomnitza's value now (null for a person to create)" })
  before: unknown;

  @ApiProperty({ nullable: true, description: 'what the sync would write' })
  after: unknown;
}

class DryRunUserDto {
  @ApiProperty({ example: 'ana.soto@example.com', description: "the record's sync key, or the left-out user's e-mail or Zoom id" })
  userKey: string;

  @ApiProperty({ nullable: true })
  zoomUserId: string | null;

  @ApiProperty({ enum: DRY_RUN_OUTCOMES, nullable: true, description: 'null while the user waits to be compared' })
  outcome: DryRunOutcome | null;

  @ApiProperty({ type: [FieldChangeDto], description: 'create: every field it would get; update: each field that differs' })
  changes: FieldChangeDto[];

  @ApiProperty({ nullable: true, description: 'why it is rejected, skipped or failed' })
  reason: string | null;
}

class DryRunSummaryDto {
  @ApiProperty() create: number;
  @ApiProperty() update: number;
  @ApiProperty() unchanged: number;
  @ApiProperty() skipped: number;
  @ApiProperty() failed: number;
  @ApiProperty() filtered: number;
  @ApiProperty() rejected: number;
  @ApiProperty({ description: 'people synced before that a full sync would mark removed (clean runs only)' }) remove: number;
  @ApiProperty({ description: 'users not compared yet' }) waiting: number;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: 'per Oomnitza field id, how many updates change it',
    example: { DEPARTMENT: 3 },
  })
  fieldsChanged: Record<string, number>;
}

export class DryRunResultsDto {
  @ApiProperty({ format: 'uuid' })
  runId: string;

  @ApiProperty({ description: 'true once every user of the run is compared' })
  compared: boolean;

  @ApiProperty({ type: DryRunSummaryDto })
  summary: DryRunSummaryDto;

  @ApiProperty({ type: [DryRunUserDto] })
  users: DryRunUserDto[];

  @ApiProperty({ nullable: true, description: 'pass as `after` for the next page; null on the last' })
  nextAfter: string | null;
}
