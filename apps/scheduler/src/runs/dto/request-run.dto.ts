import { ApiPropertyOptional } from '@nestjs/swagger';
import { RUN_MODES, RunMode } from '@zoom-oomnitza-sync/contracts';
import { IsIn, IsOptional } from 'class-validator';

export class RequestRunDto {
  @ApiPropertyOptional({
    enum: RUN_MODES,
    default: 'full_sync',
    description:
      'dry_run: fetch, filter and map as usual, compare with the people in Oomnitza and write nothing; ' +
      'the oomnitza-writer serves what each user would become (GET /integrations/:id/dry-runs/:runId)',
  })
  @IsOptional()
  @IsIn(RUN_MODES)
  mode?: RunMode;
}
