import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ThrottlerStorage } from '@nestjs/throttler';
import { DataSource } from 'typeorm';
import { ServiceIdentity } from '../platform/service-identity';

const SWEEP_INTERVAL_MS = 60_000;

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

interface CountRow {
  hits: number;
  expires_at: Date;
  blocked_until: Date | null;
  now: Date;
}

/**
 * @nestjs/throttler's storage in the service's PostgreSQL schema, so every replica counts against
 * the same limit. One statement per request: a fixed window of `ttl` per key; going over the limit
 * blocks the key for `blockDuration`; the window starts again once it, or the block, is over.
 */
@Injectable()
export class PostgresThrottlerStorage implements ThrottlerStorage, OnModuleDestroy {
  private readonly table: string;
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    identity: ServiceIdentity,
  ) {
    this.table = `${dataSource.driver.escape(identity.schema)}.rate_limits`;
    this.sweeper = setInterval(() => void this.sweep().catch(() => undefined), SWEEP_INTERVAL_MS).unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.sweeper);
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number): Promise<ThrottlerStorageRecord> {
    const restart = `(counted.expires_at <= now() OR counted.blocked_until <= now())`;
    const hits = `CASE WHEN ${restart} THEN 1 ELSE counted.hits + 1 END`;
    const [row] = (await this.dataSource.query(
      `INSERT INTO ${this.table} AS counted (key, hits, expires_at, blocked_until)
       VALUES ($1, 1, now() + $2 * interval '1 millisecond', CASE WHEN 1 > $3 THEN now() + $4 * interval '1 millisecond' END)
       ON CONFLICT (key) DO UPDATE SET
         hits = ${hits},
         expires_at = CASE WHEN ${restart} THEN now() + $2 * interval '1 millisecond' ELSE counted.expires_at END,
         blocked_until = CASE
           WHEN NOT ${restart} AND counted.blocked_until > now() THEN counted.blocked_until
           WHEN ${hits} > $3 THEN now() + $4 * interval '1 millisecond'
         END
       RETURNING hits, expires_at, blocked_until, now() AS now`,
      [key, ttl, limit, blockDuration],
    )) as CountRow[];
    const secondsUntil = (at: Date | null) => (at === null ? 0 : Math.max(0, Math.ceil((at.getTime() - row.now.getTime()) / 1000)));
    const isBlocked = row.blocked_until !== null && row.blocked_until > row.now;
    return {
      totalHits: row.hits,
      timeToExpire: secondsUntil(row.expires_at),
      isBlocked,
      timeToBlockExpire: isBlocked ? secondsUntil(row.blocked_until) : 0,
    };
  }

  /** Keys whose window and block are long over go, so the table holds only the recent callers. */
  private async sweep(): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM ${this.table} WHERE expires_at < now() - interval '1 hour' AND (blocked_until IS NULL OR blocked_until < now())`,
    );
  }
}
