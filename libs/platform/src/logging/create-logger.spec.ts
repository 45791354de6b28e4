import { LogCapture } from '@zoom-oomnitza-sync/testing';
import { CorrelationContext } from './correlation-context';
import { createLogger } from './create-logger';

describe('createLogger', () => {
  function logOnce(fields: Record<string, unknown>, message = 'event'): Record<string, unknown> {
    const capture = new LogCapture();
    createLogger('scheduler', 'info', capture).info(fields, message);
    expect(capture.lines).toHaveLength(1);
    return capture.lines[0];
  }

  it('writes one JSON line with the level name, an ISO time and the service', () => {
    expect(logOnce({ runId: 'r-1' }, 'run started')).toEqual({
      level: 'info',
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      service: 'scheduler',
      runId: 'r-1',
      msg: 'run started',
    });
  });

  it('removes secrets from the listed paths and from secret-named fields at any depth', () => {
    const line = logOnce({
      authorization: 'Bearer zos_top',
      password: 'hunter2',
      headers: { authorization: 'Bearer zos_header', 'x-api-key': 'zos_api', accept: 'application/json' },
      credentials: { clientSecret: 'client-secret-value', apiToken: 'api-token-value', accessToken: 'access-token-value' },
      integration: { id: 'i-1', zoom: { account: { clientSecret: 'deep-secret', webhookSecretToken: 'deep-webhook' } } },
      attempts: [{ refreshToken: 'in-an-array' }],
    });
    const text = JSON.stringify(line);
    for (const secret of [
      'zos_top',
      'hunter2',
      'zos_header',
      'zos_api',
      'client-secret-value',
      'api-token-value',
      'access-token-value',
      'deep-secret',
      'deep-webhook',
      'in-an-array',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(line).toMatchObject({
      headers: { accept: 'application/json', authorization: '[redacted]' },
      integration: { id: 'i-1', zoom: { account: { clientSecret: '[redacted]' } } },
    });
  });

  it('adds the correlation id of the work in progress', () => {
    const capture = new LogCapture();
    const logger = createLogger('mapper', 'info', capture);
    CorrelationContext.run('corr-7', () => logger.info('inside'));
    logger.info('outside');
    expect(capture.lines.map((line) => line.correlationId)).toEqual(['corr-7', undefined]);
  });

  it('leaves out lines below its level', () => {
    const capture = new LogCapture();
    const logger = createLogger('mapper', 'warn', capture);
    logger.info('quiet');
    logger.warn('loud');
    expect(capture.lines.map((line) => line.msg)).toEqual(['loud']);
  });
});
