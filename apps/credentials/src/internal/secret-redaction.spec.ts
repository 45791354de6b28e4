import { createLogger } from '@zoom-oomnitza-sync/platform';
import { Writable } from 'node:stream';

/** The internal responses carry secrets by design; should one reach a log line, the platform's redaction must catch it. */
describe('log redaction of what the internal endpoints hand out', () => {
  it('removes accessToken, apiToken and refusedAccessToken wherever they appear', () => {
    let written = '';
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        written += chunk.toString();
        done();
      },
    });
    const logger = createLogger('credentials', 'info', sink);
    const zoom = { accessToken: 'zoom-access-token-value', expiresAt: '2025-01-01T00:00:00Z', apiUrl: 'https://api.zoom.us/v2' };
    const oomnitza = { apiToken: 'oomnitza-api-token-value', baseUrl: 'https://acme.oomnitza.com' };
    logger.info({ response: zoom, body: { refusedAccessToken: 'refused-token-value' } }, 'nested');
    logger.info({ ...oomnitza, nested: { deeper: { even: { accessToken: 'deep-access-token-value' } } } }, 'flat and deep');
    expect(written).not.toMatch(/zoom-access-token-value|oomnitza-api-token-value|refused-token-value|deep-access-token-value/);
    expect(written).toContain('https://acme.oomnitza.com');
    expect(written).toContain('[redacted]');
  });
});
