import { ConfigService } from '@nestjs/config';
import { AppLogger, createLogger } from '@zoom-oomnitza-sync/platform';
import { randomUUID } from 'node:crypto';
import { OomnitzaWriterEnvironment } from '../src/oomnitza-writer.environment';
import { PortionEntity, PortionStatus } from '../src/portions/portion.entity';
import { PortionRetention } from '../src/portions/portion-retention';
import { WriterTestBed } from './support/writer-test-bed';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('portion retention', () => {
  let bed: WriterTestBed;

  beforeAll(async () => {
    bed = await WriterTestBed.create('writer_portion_retention');
  });

  afterAll(() => bed?.destroy());

  /** A portion opened `daysAgo` days ago, a run's or (without run) a rolling one. */
  async function portion(status: PortionStatus, daysAgo: number, rolling = false): Promise<string> {
    const portionId = randomUUID();
    await bed.dataSource.getRepository(PortionEntity).insert({
      portionId,
      runId: rolling ? null : portionId,
      integrationId: 'integration-1',
      tenantId: 'acme',
      oomnitzaCredentialId: 'oomnitza-1',
      status,
      openedAt: new Date(Date.now() - daysAgo * DAY_MS),
    });
    return portionId;
  }

  it('deletes the closed portions opened more than PORTION_RETENTION_DAYS ago, and never an open one', async () => {
    const retention = new PortionRetention(
      bed.dataSource,
      new ConfigService<OomnitzaWriterEnvironment, true>({ ...new OomnitzaWriterEnvironment(), PORTION_RETENTION_DAYS: 30 }),
      new AppLogger(createLogger('writer-test', 'silent')),
    );
    const oldFinalized = await portion('finalized', 31);
    const oldStopped = await portion('stopped', 60, true);
    const recentFinalized = await portion('finalized', 29);
    const oldOpen = await portion('open', 90, true);

    expect(await retention.purge()).toBe(2);

    const left = (await bed.dataSource.getRepository(PortionEntity).find()).map((kept) => kept.portionId);
    expect(left.sort()).toEqual([recentFinalized, oldOpen].sort());
    expect(left).not.toContain(oldFinalized);
    expect(left).not.toContain(oldStopped);
  });
});
