import { INestApplication } from '@nestjs/common';
import { ApiKeyVerifier, generateApiKey, hashApiKey } from '../src';
import { revokeStoredApiKey, storeApiKey } from './support/stored-keys';
import { dropSchema, startTestApp, uniqueSchema, useTestEnvironment } from './support/test-app';

/**
 * forget() is how a replica that learns of a change (the credentials service issuing or revoking,
 * the read model applying `api-keys.changed`) stops trusting what it remembered, without waiting
 * for the cache TTLs. The clock stands still in these tests, so only forget() can explain a change.
 */
describe('ApiKeyVerifier.forget', () => {
  const schema = uniqueSchema('verifier');
  let app: INestApplication;
  let verifier: ApiKeyVerifier;
  let clock: jest.SpyInstance<number, []>;

  beforeAll(async () => {
    // Long lifetimes: nothing a test sees can be an entry expiring.
    useTestEnvironment(schema, { API_KEY_CACHE_TTL_MS: '300000', API_KEY_NEGATIVE_CACHE_TTL_MS: '300000', LOG_LEVEL: 'warn' });
    ({ app } = await startTestApp());
    verifier = app.get(ApiKeyVerifier);
  });

  beforeEach(() => {
    const now = Date.now();
    clock = jest.spyOn(Date, 'now').mockReturnValue(now);
  });

  afterEach(() => clock.mockRestore());

  afterAll(async () => {
    await app?.close();
    await dropSchema(schema);
  });

  it('makes the next verification of a trusted key ask the database, which refuses it once revoked', async () => {
    const stored = await storeApiKey(schema, 'acme', ['notes:read']);
    expect(await verifier.verify(stored.key)).toEqual({ admin: false, tenantId: 'acme', scopes: ['notes:read'], keyId: stored.id });

    await revokeStoredApiKey(schema, stored.id);
    // Still trusted from memory: the revocation alone does not reach this replica.
    expect(await verifier.verify(stored.key)).toMatchObject({ keyId: stored.id });

    verifier.forget(hashApiKey(stored.key));
    expect(await verifier.verify(stored.key)).toBeUndefined();
  });

  it('makes the next verification of a refused key ask the database, which admits it once stored', async () => {
    const key = generateApiKey();
    expect(await verifier.verify(key)).toBeUndefined();

    const stored = await storeApiKey(schema, 'acme', ['notes:write'], key);
    // Still refused from memory: a key issued after it was first tried stays refused until forgotten.
    expect(await verifier.verify(key)).toBeUndefined();

    verifier.forget(hashApiKey(key));
    expect(await verifier.verify(key)).toEqual({ admin: false, tenantId: 'acme', scopes: ['notes:write'], keyId: stored.id });
  });

  it('leaves the other keys it remembers alone', async () => {
    const kept = await storeApiKey(schema, 'acme', ['notes:read']);
    const forgotten = await storeApiKey(schema, 'acme', ['notes:read']);
    await verifier.verify(kept.key);
    await verifier.verify(forgotten.key);
    await revokeStoredApiKey(schema, kept.id);
    await revokeStoredApiKey(schema, forgotten.id);

    verifier.forget(hashApiKey(forgotten.key));

    expect(await verifier.verify(kept.key)).toMatchObject({ keyId: kept.id });
    expect(await verifier.verify(forgotten.key)).toBeUndefined();
  });
});
