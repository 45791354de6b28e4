import { ConfigService } from '@nestjs/config';
import { AppLogger, createLogger, MetricsService, NotFoundProblem } from '@zoom-oomnitza-sync/platform';
import { Clock } from '../common/clock';
import { ZoomCredentialChanges } from '../zoom-credentials/zoom-credential-changes';
import { ZoomCredentialSecrets, ZoomMintingCredential } from '../zoom-credentials/zoom-credential-secrets';
import { ZoomAccessToken, ZoomClientCredentials } from '../zoom-oauth/zoom-access-token';
import { ZoomOAuthClient } from '../zoom-oauth/zoom-oauth.client';
import { ZoomTokenError } from '../zoom-oauth/zoom-token-error';
import { REPLACEMENT_GRACE_MS, ZoomTokenBroker } from './zoom-token-broker';

const CREDENTIAL_ID = '0f8c1d2e-0000-4000-8000-00000000000a';
const HOUR_MS = 3_600_000;

class FakeClock extends Clock {
  current = Date.parse('2025-01-01T00:00:00Z');
  now(): number {
    return this.current;
  }
  advance(ms: number): void {
    this.current += ms;
  }
}

/** The stored credential: its version moves when it changes; it may be deleted. */
class FakeSecrets {
  version = 1;
  deleted = false;
  async currentVersion(id: string): Promise<number> {
    if (this.deleted) {
      throw new NotFoundProblem(`Zoom credential ${id} does not exist.`);
    }
    return this.version;
  }
  async forMinting(id: string): Promise<ZoomMintingCredential> {
    await this.currentVersion(id);
    return { id, version: this.version, accountId: 'account', clientId: 'client', clientSecret: `secret-v${this.version}` };
  }
}

/** Zoom's token endpoint: every mint is held until the test releases it, so concurrency is under test control. */
class FakeZoom {
  readonly requests: Array<{
    credentials: ZoomClientCredentials;
    release: (token?: Partial<ZoomAccessToken>) => void;
    fail: (error: Error) => void;
  }> = [];
  lifetimeMs = HOUR_MS;
  autoRelease = true;

  constructor(private readonly clock: FakeClock) {}

  mint(credentials: ZoomClientCredentials): Promise<ZoomAccessToken> {
    return new Promise((resolve, reject) => {
      const number = this.requests.length + 1;
      const release = (token: Partial<ZoomAccessToken> = {}) =>
        resolve({
          accessToken: `token-${number}`,
          mintedAt: this.clock.now(),
          expiresAt: this.clock.now() + this.lifetimeMs,
          scopes: ['user:read:list_users:admin'],
          ...token,
        });
      this.requests.push({ credentials, release, fail: reject });
      if (this.autoRelease) {
        release();
      }
    });
  }

  get mints(): number {
    return this.requests.length;
  }
}

function createBroker(marginSeconds = 60) {
  const clock = new FakeClock();
  const secrets = new FakeSecrets();
  const zoom = new FakeZoom(clock);
  const changes = new ZoomCredentialChanges();
  const broker = new ZoomTokenBroker(
    secrets as unknown as ZoomCredentialSecrets,
    zoom as unknown as ZoomOAuthClient,
    clock,
    new ConfigService({ ZOOM_TOKEN_REFRESH_MARGIN_SECONDS: marginSeconds }),
    changes,
    new MetricsService('credentials-test'),
    new AppLogger(createLogger('credentials-test', 'silent')),
  );
  return { broker, clock, secrets, zoom, changes };
}

/** Lets pending promise callbacks (the version lookup before a mint) run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('ZoomTokenBroker', () => {
  it('mints once for many concurrent callers, and all of them get that token', async () => {
    const { broker, zoom } = createBroker();
    zoom.autoRelease = false;
    const callers = Array.from({ length: 20 }, () => broker.token(CREDENTIAL_ID));
    await settle();
    expect(zoom.mints).toBe(1);
    zoom.requests[0].release();
    const tokens = await Promise.all(callers);
    expect(new Set(tokens.map((token) => token.accessToken))).toEqual(new Set(['token-1']));
    expect(zoom.requests[0].credentials).toEqual({
      id: CREDENTIAL_ID,
      version: 1,
      accountId: 'account',
      clientId: 'client',
      clientSecret: 'secret-v1',
    });
  });

  it('hands out the cached token until the refresh margin before expiry, then mints a new one', async () => {
    const { broker, clock, zoom } = createBroker(60);
    expect((await broker.token(CREDENTIAL_ID)).accessToken).toBe('token-1');
    clock.advance(HOUR_MS - 61_000);
    expect((await broker.token(CREDENTIAL_ID)).accessToken).toBe('token-1');
    clock.advance(1_000);
    expect((await broker.token(CREDENTIAL_ID)).accessToken).toBe('token-2');
    expect(zoom.mints).toBe(2);
  });

  it('refreshes a short-lived token at half its lifetime when the margin exceeds that', async () => {
    const { broker, clock, zoom } = createBroker(60);
    zoom.lifetimeMs = 30_000;
    await broker.token(CREDENTIAL_ID);
    clock.advance(14_999);
    expect((await broker.token(CREDENTIAL_ID)).accessToken).toBe('token-1');
    clock.advance(1);
    expect((await broker.token(CREDENTIAL_ID)).accessToken).toBe('token-2');
  });

  it('mints again when the credential changed, here or on another replica (its version moved)', async () => {
    const { broker, secrets, zoom, changes } = createBroker();
    await broker.token(CREDENTIAL_ID);
    secrets.version = 2;
    const afterRemoteChange = await broker.token(CREDENTIAL_ID);
    expect(afterRemoteChange).toMatchObject({ accessToken: 'token-2', version: 2 });
    expect(zoom.requests[1].credentials.clientSecret).toBe('secret-v2');
    changes.changed(CREDENTIAL_ID);
    expect((await broker.token(CREDENTIAL_ID)).accessToken).toBe('token-3');
  });

  it('answers 404 for a deleted credential even while a token was cached', async () => {
    const { broker, secrets } = createBroker();
    await broker.token(CREDENTIAL_ID);
    secrets.deleted = true;
    await expect(broker.token(CREDENTIAL_ID)).rejects.toThrow(NotFoundProblem);
  });

  it('shares a failed mint with every waiting caller and tries again on the next request', async () => {
    const { broker, zoom } = createBroker();
    zoom.autoRelease = false;
    const callers = [broker.token(CREDENTIAL_ID), broker.token(CREDENTIAL_ID)];
    await settle();
    zoom.requests[0].fail(new ZoomTokenError('Zoom rejected the client secret (4704)', false));
    await expect(Promise.all(callers)).rejects.toThrow('Zoom rejected the client secret (4704)');
    zoom.autoRelease = true;
    expect((await broker.token(CREDENTIAL_ID)).accessToken).toBe('token-2');
    expect(zoom.mints).toBe(2);
  });

  describe('replacing a refused token (Zoom code 124)', () => {
    it('mints once however many callers report the same refused token, at once or later', async () => {
      const { broker, zoom } = createBroker();
      const refused = (await broker.token(CREDENTIAL_ID)).accessToken;
      zoom.autoRelease = false;
      const reporters = Array.from({ length: 10 }, () => broker.replace(CREDENTIAL_ID, refused));
      await settle();
      expect(zoom.mints).toBe(2);
      zoom.requests[1].release();
      const replacements = await Promise.all(reporters);
      expect(new Set(replacements.map((token) => token.accessToken))).toEqual(new Set(['token-2']));
      const late = await broker.replace(CREDENTIAL_ID, refused);
      expect(late.accessToken).toBe('token-2');
      expect(zoom.mints).toBe(2);
    });

    it('never hands the refused token out again, even before the replacement is minted', async () => {
      const { broker, zoom } = createBroker();
      const refused = (await broker.token(CREDENTIAL_ID)).accessToken;
      zoom.autoRelease = false;
      const replacement = broker.replace(CREDENTIAL_ID, refused);
      await settle();
      const meanwhile = broker.token(CREDENTIAL_ID);
      await settle();
      zoom.requests[1].release();
      expect((await meanwhile).accessToken).toBe('token-2');
      expect((await replacement).accessToken).toBe('token-2');
    });

    it('without the refused token named, hands out a token minted moments ago and replaces an older one', async () => {
      const { broker, clock, zoom } = createBroker();
      await broker.token(CREDENTIAL_ID);
      clock.advance(REPLACEMENT_GRACE_MS - 1);
      expect((await broker.replace(CREDENTIAL_ID)).accessToken).toBe('token-1');
      clock.advance(1);
      expect((await broker.replace(CREDENTIAL_ID)).accessToken).toBe('token-2');
      expect((await broker.replace(CREDENTIAL_ID)).accessToken).toBe('token-2');
      expect((await broker.token(CREDENTIAL_ID)).accessToken).toBe('token-2');
      expect(zoom.mints).toBe(2);
    });
  });

  it('mints now when asked to (a connection test), and the new token is the one handed out next', async () => {
    const { broker, zoom } = createBroker();
    await broker.token(CREDENTIAL_ID);
    expect((await broker.mintNow(CREDENTIAL_ID)).accessToken).toBe('token-2');
    expect((await broker.token(CREDENTIAL_ID)).accessToken).toBe('token-2');
    expect(zoom.mints).toBe(2);
  });
});
