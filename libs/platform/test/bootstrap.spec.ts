import { startProcess, StartedProcess } from '@zoom-oomnitza-sync/testing';
import path from 'node:path';
import request from 'supertest';
import { ADMIN_API_KEY, DATABASE_URL, dropSchema, uniqueSchema } from './support/test-app';

const WORKSPACE = path.resolve(__dirname, '../../..');

type LogLine = Record<string, unknown>;

/** A pino line as an object; other output as { unstructured }. */
function logLine(text: string): LogLine {
  try {
    return JSON.parse(text) as LogLine;
  } catch {
    return { unstructured: text };
  }
}

jest.setTimeout(60_000);

describe('bootstrapService, as a main.ts runs it', () => {
  const schema = uniqueSchema('bootstrap');
  const settings = {
    DATABASE_URL,
    DATABASE_SCHEMA: schema,
    KAFKA_BROKERS: '127.0.0.1:9092',
    ADMIN_API_KEY,
    HTTP_PORT: '0',
    LOG_LEVEL: 'info',
  };

  const services: StartedProcess[] = [];
  /** Runs test/support/main.ts (a service's main.ts calling bootstrapService) as its own process. */
  const run = (env: Record<string, string>) => {
    const service = startProcess(process.execPath, ['-r', '@swc-node/register', path.join(__dirname, 'support/main.ts')], {
      cwd: WORKSPACE,
      env: { ...process.env, ...env },
    });
    services.push(service);
    return service;
  };
  const logOf = (service: StartedProcess) => service.lines().map(logLine);
  const waitForLog = async (service: StartedProcess, accepts: (line: LogLine) => boolean) =>
    logLine(await service.waitForLine((text) => accepts(logLine(text)), 50_000));

  afterEach(async () => {
    await Promise.all(services.splice(0).map((service) => service.kill()));
  });

  afterAll(() => dropSchema(schema));

  it('serves HTTP, logs a startup summary line, and on SIGTERM shuts down gracefully with exit code 0', async () => {
    const service = run(settings);
    const started = await waitForLog(service, (line) => line.msg === 'service started');
    expect(started).toMatchObject({ level: 'info', service: 'platform-main', schema, port: expect.any(Number) });

    await request(`http://127.0.0.1:${started.port}`).get('/health/ready').expect(200);

    expect(await service.stop('SIGTERM')).toBe(0);
    expect(logOf(service)).toContainEqual(expect.objectContaining({ msg: 'shutting down', signal: 'SIGTERM' }));
    expect(logOf(service)).toContainEqual(expect.objectContaining({ msg: 'stopped', signal: 'SIGTERM' }));
    expect(service.output()).not.toContain(ADMIN_API_KEY);
  });

  it('answers not ready from the moment SIGTERM arrives, while the intake it stops is still draining', async () => {
    const service = run({ ...settings, SLOW_STOP_MS: '1500' });
    const started = await waitForLog(service, (line) => line.msg === 'service started');
    const ready = () => request(`http://127.0.0.1:${started.port}`).get('/health/ready');
    expect((await ready()).status).toBe(200);

    const stopped = service.stop('SIGTERM');
    await waitForLog(service, (line) => line.msg === 'slow stop begins');
    const during = await ready();
    expect(during.status).toBe(503);
    expect(during.body.checks).toMatchObject({ shutdown: { status: 'failed' } });
    expect(await stopped).toBe(0);
  });

  it('exits with code 1 and a log line naming each invalid setting', async () => {
    const service = run({ ...settings, KAFKA_BROKERS: 'kafka without port', ADMIN_API_KEY: 'short' });
    const fatal = await waitForLog(service, (line) => line.level === 'fatal');
    expect(fatal.msg).toMatch(/^platform-main failed to start: Invalid configuration:/);
    expect(fatal.msg).toContain('KAFKA_BROKERS');
    expect(fatal.msg).toContain('ADMIN_API_KEY');
    expect(await service.exited).toBe(1);
  });
});
