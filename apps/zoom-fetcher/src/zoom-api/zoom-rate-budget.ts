import { DataSource } from 'typeorm';
import { preparedStatement, ServiceIdentity } from '@zoom-oomnitza-sync/platform';
import { ZoomApiError } from './zoom-api.error';

/**
 * Zoom's rate-limit categories for the calls the fetcher makes: listing users and the summary are
 * Medium, getting one user is Light. Each category has its own per-second limit per account, and
 * on the Free plan a daily one.
 */
export type ZoomRateCategory = 'medium' | 'light';

/**
 * One Zoom account's pace per rate-limit category, shared by every replica and every integration
 * that calls the account: each call reserves the account's next slot in PostgreSQL (one row per
 * account and category, its clock the database's), then waits for it. Zoom's limits are per
 * account, whatever app or token calls, so the budget is keyed by account id, not by credential.
 * The same row counts the UTC day's calls: one over the daily limit (where one is set) is refused
 * here as Zoom would refuse it, and so is every call after Zoom itself said the day's are used up.
 */
export class ZoomRateBudget {
  private readonly table: string;

  constructor(
    private readonly dataSource: DataSource,
    identity: ServiceIdentity,
    private readonly requestsPerSecond: Readonly<Record<ZoomRateCategory, number>>,
    /** 0 or absent: no daily limit counted (Pro plans and above have none). */
    private readonly requestsPerDay: Readonly<Partial<Record<ZoomRateCategory, number>>> = {},
  ) {
    this.table = `${dataSource.driver.escape(identity.schema)}.zoom_rate_slots`;
  }

  /** Waits for the account's next slot; throws a daily-limit ZoomApiError when the day's calls are used up. */
  async wait(accountId: string, category: ZoomRateCategory): Promise<void> {
    const spacingMs = 1000 / this.requestsPerSecond[category];
    const [slot] = (await this.dataSource.query(
      preparedStatement(`INSERT INTO ${this.table} AS slot (account_id, category, next_slot, day, calls_today)
       VALUES ($1, $2, clock_timestamp() + $3 * interval '1 millisecond', (clock_timestamp() AT TIME ZONE 'UTC')::date, 1)
       ON CONFLICT (account_id, category) DO UPDATE
         SET next_slot = GREATEST(slot.next_slot, clock_timestamp()) + $3 * interval '1 millisecond',
             calls_today = CASE WHEN slot.day = EXCLUDED.day THEN slot.calls_today + 1 ELSE 1 END,
             day = EXCLUDED.day
         WHERE NOT COALESCE(slot.exhausted_until > clock_timestamp(), false)
           AND NOT ($4 > 0 AND slot.day = EXCLUDED.day AND slot.calls_today >= $4)
       RETURNING EXTRACT(EPOCH FROM (next_slot - clock_timestamp())) * 1000 - $3 AS wait_ms`),
      [accountId, category, spacingMs, this.requestsPerDay[category] ?? 0],
    )) as { wait_ms: string }[];
    if (!slot) {
      throw await this.refusal(accountId, category);
    }
    const waitMs = Number(slot.wait_ms);
    if (waitMs > 0) {
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
  }

  /**
   * One call inside the account's budget. When Zoom answers that the day's calls of the category
   * are used up, nobody calls the account for them until the reset Zoom names.
   */
  async call<T>(accountId: string, category: ZoomRateCategory, request: () => Promise<T>): Promise<T> {
    await this.wait(accountId, category);
    try {
      return await request();
    } catch (error) {
      if (error instanceof ZoomApiError && error.rateLimited && error.dailyLimit) {
        await this.exhausted(accountId, category, error.retryAfterMs ?? 0);
      }
      throw error;
    }
  }

  /** Zoom answered that the account's calls of this category are used up for `retryAfterMs`: nobody calls until then. */
  private async exhausted(accountId: string, category: ZoomRateCategory, retryAfterMs: number): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO ${this.table} AS slot (account_id, category, next_slot, exhausted_until)
       VALUES ($1, $2, clock_timestamp(), clock_timestamp() + $3 * interval '1 millisecond')
       ON CONFLICT (account_id, category) DO UPDATE SET exhausted_until = EXCLUDED.exhausted_until`,
      [accountId, category, retryAfterMs],
    );
  }

  private async refusal(accountId: string, category: ZoomRateCategory): Promise<ZoomApiError> {
    const [{ wait_ms }] = (await this.dataSource.query(
      `SELECT EXTRACT(EPOCH FROM (
                CASE WHEN exhausted_until > clock_timestamp() THEN exhausted_until
                     ELSE (day + 1)::timestamp AT TIME ZONE 'UTC' END - clock_timestamp())) * 1000 AS wait_ms
         FROM ${this.table} WHERE account_id = $1 AND category = $2`,
      [accountId, category],
    )) as { wait_ms: string }[];
    return new ZoomApiError(
      429,
      undefined,
      `Zoom's daily limit of ${category} calls for account ${accountId} is used up; calls resume at the reset`,
      Math.max(0, Math.ceil(Number(wait_ms))),
      true,
    );
  }
}
