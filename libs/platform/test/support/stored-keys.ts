import { displayPrefixOf, generateApiKey, hashApiKey } from '../../src';
import { withDatabase } from './test-app';

export interface StoredApiKey {
  id: string;
  key: string;
}

/**
 * Puts a live key for the tenant straight into the schema's `api_keys`, as the read model of
 * `api-keys.changed` would: services no longer issue keys, the credentials service does.
 * A test may pass the key, to store one a replica has already been shown.
 */
export async function storeApiKey(
  schema: string,
  tenantId: string,
  scopes: string[],
  key: string = generateApiKey(),
): Promise<StoredApiKey> {
  const stored = await withDatabase((client) =>
    client.query<{ id: string }>(
      `INSERT INTO "${schema}".api_keys (tenant_id, name, scopes, key_hash, key_prefix) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [tenantId, `${tenantId} key`, scopes, hashApiKey(key), displayPrefixOf(key)],
    ),
  );
  return { id: stored.rows[0].id, key };
}

/** Marks the key revoked in the table, as a revocation arriving from the credentials service would. */
export async function revokeStoredApiKey(schema: string, id: string): Promise<void> {
  await withDatabase((client) => client.query(`UPDATE "${schema}".api_keys SET revoked_at = now() WHERE id = $1`, [id]));
}
