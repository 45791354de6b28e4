import { validateEnvironment } from '@zoom-oomnitza-sync/platform';
import { randomBytes } from 'node:crypto';
import { CredentialsEnvironment } from '../credentials.environment';

const key = (bytes = 32) => randomBytes(bytes).toString('base64');
const TOKEN = 't'.repeat(32);
const VALID = {
  KAFKA_BROKERS: 'broker:9092',
  ADMIN_API_KEY: 'a'.repeat(32),
  CREDENTIALS_ENCRYPTION_KEYS: `k1:${key()},k2:${key()}`,
  CREDENTIALS_ACTIVE_KEY_ID: 'k2',
  INTERNAL_SERVICE_TOKENS: `zoom-fetcher:${TOKEN},oomnitza-writer:${'w'.repeat(40)}`,
};

const validate = validateEnvironment(CredentialsEnvironment);

/** The lines of the configuration error, each naming one setting. */
function problemsWith(overrides: Record<string, string | undefined>): string[] {
  try {
    validate({ ...VALID, ...overrides });
  } catch (error) {
    return (error as Error).message.split('\n').slice(1);
  }
  return [];
}

describe('credentials settings', () => {
  it('accepts a valid configuration and fills in the defaults', () => {
    const settings = validate({ ...VALID, ZOOM_OAUTH_URL: 'http://127.0.0.1:4000/' });
    expect(settings).toMatchObject({
      WEBHOOK_PUBLIC_BASE_URL: 'http://localhost:3103',
      CREDENTIALS_ACTIVE_KEY_ID: 'k2',
      ZOOM_OAUTH_URL: 'http://127.0.0.1:4000',
      ZOOM_API_URL: 'https://api.zoom.us/v2',
      ZOOM_TOKEN_REFRESH_MARGIN_SECONDS: 60,
      ZOOM_HTTP_TIMEOUT_MS: 10_000,
      OOMNITZA_HTTP_TIMEOUT_MS: 10_000,
      OOMNITZA_ALLOW_HTTP: false,
    });
  });

  it('requires the keys, the active key id and the service tokens', () => {
    const problems = problemsWith({
      CREDENTIALS_ENCRYPTION_KEYS: undefined,
      CREDENTIALS_ACTIVE_KEY_ID: undefined,
      INTERNAL_SERVICE_TOKENS: undefined,
    });
    expect(problems.map((line) => line.split(':')[0].trim())).toEqual([
      '- CREDENTIALS_ENCRYPTION_KEYS',
      '- CREDENTIALS_ACTIVE_KEY_ID',
      '- INTERNAL_SERVICE_TOKENS',
    ]);
  });

  it('names a key that is not 32 bytes, without quoting its material', () => {
    const short = key(16);
    const problems = problemsWith({ CREDENTIALS_ENCRYPTION_KEYS: `k1:${key()},k2:${short}` });
    expect(problems).toEqual([
      expect.stringMatching(
        /^ {2}- CREDENTIALS_ENCRYPTION_KEYS: .*key "k2" must be the base64 of exactly 32 bytes \(it decodes to 16 bytes\)/,
      ),
    ]);
    expect(problems[0]).not.toContain(short);
  });

  it('names a key that is not base64, a repeated key id and an entry without an id', () => {
    const material = key();
    const [problem] = problemsWith({ CREDENTIALS_ENCRYPTION_KEYS: `k1:${key()},k2:not*base64,k1:${key()},${material}` });
    expect(problem).toContain('key "k2" must be the base64 of exactly 32 bytes (it is not base64)');
    expect(problem).toContain('key id "k1" is listed twice');
    expect(problem).toContain('entry 4 must look like keyId:base64-of-32-bytes');
    expect(problem).not.toContain(material);
  });

  it('refuses an active key id that is not listed, naming the listed ones', () => {
    expect(problemsWith({ CREDENTIALS_ACTIVE_KEY_ID: 'k3' })).toEqual([
      '  - CREDENTIALS_ACTIVE_KEY_ID: CREDENTIALS_ACTIVE_KEY_ID "k3" is not among the keys of CREDENTIALS_ENCRYPTION_KEYS (k1, k2)',
    ]);
  });

  it('names a service whose token is short, and services sharing a token, without quoting tokens', () => {
    const problems = problemsWith({ INTERNAL_SERVICE_TOKENS: `zoom-fetcher:short,mapper:${TOKEN},notifier:${TOKEN}` });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('the token of "zoom-fetcher" must be at least 32 characters');
    expect(problems[0]).toContain('"mapper" and "notifier" share a token');
    expect(problems[0]).not.toContain(TOKEN);
    expect(problems[0]).not.toContain('short,');
  });

  it.each([
    ['ZOOM_OAUTH_URL', 'zoom.us'],
    ['ZOOM_API_URL', 'ftp://api.zoom.us'],
    ['ZOOM_TOKEN_REFRESH_MARGIN_SECONDS', '-1'],
    ['ZOOM_HTTP_TIMEOUT_MS', 'soon'],
    ['OOMNITZA_HTTP_TIMEOUT_MS', '0'],
    ['WEBHOOK_PUBLIC_BASE_URL', 'sync.example.com'],
    ['WEBHOOK_PUBLIC_BASE_URL', 'https://sync.example.com/?tenant=acme'],
  ])('names a malformed %s (%p) and nothing else', (name, value) => {
    const problems = problemsWith({ [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^ {2}- ${name}: `));
  });
});
