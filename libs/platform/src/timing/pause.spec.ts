import { Pause, PauseInterrupted } from './pause';

describe('Pause', () => {
  it('waits as long as asked', async () => {
    const started = Date.now();
    await new Pause().for(30);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
  });

  it('ends a long wait at once when shutdown begins, and refuses to start another', async () => {
    const pause = new Pause();
    const long = pause.for(10 * 60_000);

    pause.onModuleDestroy();

    await expect(long).rejects.toBeInstanceOf(PauseInterrupted);
    await expect(pause.for(1)).rejects.toThrow('the wait ended: the service is shutting down');
  });
});
