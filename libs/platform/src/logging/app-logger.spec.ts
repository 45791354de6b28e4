import { LogCapture } from '@zoom-oomnitza-sync/testing';
import { AppLogger } from './app-logger';
import { createLogger } from './create-logger';

describe('AppLogger', () => {
  function setup(): { logger: AppLogger; capture: LogCapture } {
    const capture = new LogCapture();
    return { logger: new AppLogger(createLogger('notifier', 'trace', capture)), capture };
  }

  it("maps Nest's levels onto pino's and keeps the context", () => {
    const { logger, capture } = setup();
    logger.log('mapped routes', 'RoutesResolver');
    logger.warn('slow', 'Scheduler');
    logger.debug('detail', 'Mapper');
    logger.verbose('chatter', 'Mapper');
    logger.fatal('gone', 'Main');
    expect(capture.lines.map(({ level, msg, context }) => ({ level, msg, context }))).toEqual([
      { level: 'info', msg: 'mapped routes', context: 'RoutesResolver' },
      { level: 'warn', msg: 'slow', context: 'Scheduler' },
      { level: 'debug', msg: 'detail', context: 'Mapper' },
      { level: 'trace', msg: 'chatter', context: 'Mapper' },
      { level: 'fatal', msg: 'gone', context: 'Main' },
    ]);
  });

  it('keeps the stack Nest passes before the context of an error', () => {
    const { logger, capture } = setup();
    logger.error('handler failed', 'Error: boom\n    at handler', 'ExceptionsHandler');
    expect(capture.lines[0]).toMatchObject({
      level: 'error',
      msg: 'handler failed',
      stack: 'Error: boom\n    at handler',
      context: 'ExceptionsHandler',
    });
  });

  it('serializes an Error with its message and stack', () => {
    const { logger, capture } = setup();
    logger.error(new Error('database unreachable'), 'TypeOrmModule');
    expect(capture.lines[0]).toMatchObject({
      level: 'error',
      msg: 'database unreachable',
      context: 'TypeOrmModule',
      err: expect.objectContaining({ message: 'database unreachable', stack: expect.stringContaining('database unreachable') }),
    });
  });

  it('merges an object message into the line, secrets removed', () => {
    const { logger, capture } = setup();
    logger.log({ msg: 'token refreshed', accountId: 'a-1', accessToken: 'eyJ-secret' }, 'TokenBroker');
    expect(capture.lines[0]).toMatchObject({ msg: 'token refreshed', accountId: 'a-1', context: 'TokenBroker' });
    expect(capture.text).not.toContain('eyJ-secret');
  });
});
