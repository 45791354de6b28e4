import { logLevel } from 'kafkajs';
import pino from 'pino';
import { Writable } from 'node:stream';
import { pinoLogCreator } from './kafka-log-creator';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  const log = pinoLogCreator(pino({ level: 'debug' }, stream))(logLevel.WARN);
  return { lines, log };
}

describe('pinoLogCreator', () => {
  it('keeps the known fields and drops anything else a log entry carries', () => {
    const { lines, log } = capture();
    log({
      namespace: 'Producer',
      level: logLevel.ERROR,
      label: 'ERROR',
      log: { timestamp: 'now', message: 'send failed', topic: 't', partition: 1, value: '{"secret":"x"}', messages: [{ value: 'y' }] },
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 50, namespace: 'Producer', topic: 't', partition: 1, msg: 'send failed' });
    expect(lines[0]).not.toHaveProperty('value');
    expect(lines[0]).not.toHaveProperty('messages');
  });

  it('logs broker responses kafkajs retries as warnings', () => {
    const { lines, log } = capture();
    log({
      namespace: 'Connection',
      level: logLevel.ERROR,
      label: 'ERROR',
      log: { timestamp: 'now', message: 'Response Metadata(key: 3, version: 6)' },
    });
    expect(lines[0]).toMatchObject({ level: 40 });
  });
});
