import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** Name the dead letters to replay, or an integration (and optionally a topic) to replay all its waiting ones. */
export class ReplayDeadLettersDto {
  @ApiPropertyOptional({ type: [String], example: ['12', '13'] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @Matches(/^[0-9]{1,18}$/, { each: true, message: 'ids must be dead letter ids (digits)' })
  ids?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  integrationId?: string;

  @ApiPropertyOptional({ description: 'with integrationId: only the dead letters of this original (Kafka) topic' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  topic?: string;
}
