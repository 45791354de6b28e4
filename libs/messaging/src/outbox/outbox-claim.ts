import { createHash } from 'node:crypto';
import { PoolClient, QueryResult } from 'pg';
import { ClaimedRow } from './outbox-batches';

export type ClaimResult = (ClaimedRow & { locked: boolean })[];

/** Per pooled connection, the claims prepared on it: a connection outlives a relay stopped and started again. */
const preparedOn = new WeakMap<PoolClient, Set<string>>();

/**
 * The relay's claim, prepared once per connection (SQL PREPARE: the cycle's BEGIN travels with it
 * in one simple-protocol query, which cannot carry a named statement). Planning it on every cycle
 * cost more than running it.
 */
export class OutboxClaim {
  private readonly name: string;
  private readonly statement: string;

  /** `table` is qualified and quoted; `lockKey` a quoted literal. */
  constructor(table: string, lockKey: string, batchSize: number) {
    this.statement = `WITH relay AS MATERIALIZED (
         SELECT pg_try_advisory_xact_lock(hashtext(${lockKey})) AS locked
       ), claimed AS (
         UPDATE ${table} SET published_at = now()
          WHERE id IN (SELECT id FROM ${table} WHERE (SELECT locked FROM relay) AND published_at IS NULL AND id >= $1
                        ORDER BY id LIMIT ${Math.trunc(batchSize)} FOR UPDATE SKIP LOCKED)
         RETURNING id, topic, message_key, headers, payload::text AS payload, created_at
       )
       SELECT relay.locked, claimed.* FROM relay LEFT JOIN claimed ON true ORDER BY claimed.id`;
    this.name = `outbox_claim_${createHash('sha256').update(this.statement).digest('hex').slice(0, 24)}`;
  }

  /**
   * Opens the cycle's transaction and takes the relay lock and the oldest unpublished rows from id
   * `from` on, stamped published: a failed send rolls the stamp back.
   */
  async begin(client: PoolClient, from: bigint): Promise<ClaimResult> {
    const prepared = preparedOn.get(client) ?? new Set<string>();
    if (!prepared.has(this.name)) {
      await client.query(`PREPARE ${this.name} (bigint) AS ${this.statement}`);
      preparedOn.set(client, prepared.add(this.name));
    }
    const [, claim] = (await client.query(`BEGIN; EXECUTE ${this.name}(${from.toString()})`)) as unknown as QueryResult<
      ClaimedRow & { locked: boolean }
    >[];
    return claim.rows;
  }
}
