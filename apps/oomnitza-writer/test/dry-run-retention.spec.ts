import { ConfigService } from '@nestjs/config';
import { AppLogger, createLogger } from '@zoom-oomnitza-sync/platform';
import { randomUUID } from 'node:crypto';
import { DryRunRetention } from '../src/dry-runs/dry-run-retention';
import { DryRunUserEntity } from '../src/dry-runs/dry-run-user.entity';
import { DryRunEntity } from '../src/dry-runs/dry-run.entity';
import { OomnitzaWriterEnvironment } from '../src/oomnitza-writer.environment';
import { WriterTestBed } from './support/writer-test-bed';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('dry run retention', () => {
  let bed: WriterTestBed;

  beforeAll(async () => {
    bed = await WriterTestBed.create('writer_dry_run_retention');
  });

  afterAll(() => bed?.destroy());

  /** A dry run made `daysAgo` days ago, with `users` users. */
  async function dryRun(daysAgo: number, users: number): Promise<string> {
    const runId = randomUUID();
    await bed.dataSource.getRepository(DryRunEntity).insert({
      runId,
      tenantId: 'acme',
      integrationId: 'integration-1',
      oomnitzaCredentialId: 'oomnitza-1',
      preference: 'create_and_update',
      syncField: 'EMAIL',
      runTimeField: null,
      lastBatchSeen: true,
      finished: true,
      createdAt: new Date(Date.now() - daysAgo * DAY_MS),
    });
    await bed.dataSource
      .getRepository(DryRunUserEntity)
      .insert(
        Array.from({ length: users }, (_, index) => ({ runId, userKey: `user${index}@acme.example`, outcome: 'unchanged' as const })),
      );
    return runId;
  }

  it('deletes the dry runs made more than DRY_RUN_RETENTION_DAYS ago with every user of theirs, in chunks', async () => {
    const retention = new DryRunRetention(
      bed.dataSource,
      new ConfigService<OomnitzaWriterEnvironment, true>({ ...new OomnitzaWriterEnvironment(), DRY_RUN_RETENTION_DAYS: 7 }),
      new AppLogger(createLogger('writer-test', 'silent')),
    );
    const old = await dryRun(8, 2500);
    const recent = await dryRun(6, 3);

    expect(await retention.purge()).toBe(2501);

    expect((await bed.dataSource.getRepository(DryRunEntity).find()).map((kept) => kept.runId)).toEqual([recent]);
    expect(await bed.dataSource.getRepository(DryRunUserEntity).countBy({ runId: old })).toBe(0);
    expect(await bed.dataSource.getRepository(DryRunUserEntity).countBy({ runId: recent })).toBe(3);
  });
});
