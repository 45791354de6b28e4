import { Body, Controller, DefaultValuePipe, Get, HttpCode, HttpStatus, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AdminOnly, ValidationProblem } from '@zoom-oomnitza-sync/platform';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, FindOptionsWhere, IsNull, Not } from 'typeorm';
import { DeadLetterEntity } from './dead-letter.entity';
import { DeadLetterReplayer } from './dead-letter-replayer';
import { ReplayDeadLettersDto } from './dto/replay-dead-letters.dto';

/** Operators' view of what every service set aside: list by topic, integration and reason; replay. */
@ApiTags('dead-letters')
@ApiBearerAuth()
@AdminOnly()
@Controller('admin/dead-letters')
export class DeadLettersController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly replayer: DeadLetterReplayer,
  ) {}

  @Get()
  @ApiQuery({ name: 'topic', required: false, description: 'the original Kafka topic' })
  @ApiQuery({ name: 'integrationId', required: false })
  @ApiQuery({ name: 'reason', required: false, description: 'invalid-message, permanent-error, retries-exhausted or message-too-large' })
  @ApiQuery({ name: 'replayed', required: false, description: 'true: replayed ones only; false: waiting ones only' })
  @ApiQuery({ name: 'limit', required: false, description: 'at most 500 (default 50)' })
  @ApiQuery({ name: 'offset', required: false })
  async list(
    @Query('topic') topic: string | undefined,
    @Query('integrationId') integrationId: string | undefined,
    @Query('reason') reason: string | undefined,
    @Query('replayed') replayed: string | undefined,
    @Query('limit', new DefaultValuePipe(50), ParseIntPipe) limit: number,
    @Query('offset', new DefaultValuePipe(0), ParseIntPipe) offset: number,
  ): Promise<{ items: DeadLetterEntity[]; total: number }> {
    const where: FindOptionsWhere<DeadLetterEntity> = {
      ...(topic ? { originalTopic: topic } : {}),
      ...(integrationId ? { integrationId } : {}),
      ...(reason ? { errorKind: reason } : {}),
      ...(replayed === undefined ? {} : { replayedAt: replayed === 'true' ? Not(IsNull()) : IsNull() }),
    };
    const [items, total] = await this.dataSource.getRepository(DeadLetterEntity).findAndCount({
      where,
      order: { id: 'ASC' },
      take: Math.min(Math.max(limit, 1), 500),
      skip: Math.max(offset, 0),
    });
    return { items, total };
  }

  @Post('replay')
  @HttpCode(HttpStatus.OK)
  replay(@Body() body: ReplayDeadLettersDto): Promise<{ replayed: string[] }> {
    if (!body.ids && !body.integrationId) {
      throw new ValidationProblem([{ field: 'ids', message: 'name the dead letters (ids), or an integration (integrationId)' }]);
    }
    return this.replayer.replay(body);
  }
}
