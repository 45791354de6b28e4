import { SingleFlight } from './single-flight';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('SingleFlight', () => {
  it('runs the work once for callers arriving while it runs, and they share its result', async () => {
    const flight = new SingleFlight<string, number>();
    const gate = deferred<number>();
    const work = jest.fn(() => gate.promise);
    const callers = Array.from({ length: 5 }, () => flight.run('a', work));
    gate.resolve(42);
    expect(await Promise.all(callers)).toEqual([42, 42, 42, 42, 42]);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('keeps keys apart and runs again once the previous run settled', async () => {
    const flight = new SingleFlight<string, string>();
    const work = jest.fn(async () => 'done');
    await Promise.all([flight.run('a', work), flight.run('b', work)]);
    await flight.run('a', work);
    expect(work).toHaveBeenCalledTimes(3);
  });

  it('shares a failure, then lets the next caller try again', async () => {
    const flight = new SingleFlight<string, string>();
    const gate = deferred<string>();
    const failing = jest.fn(() => gate.promise);
    const callers = [flight.run('a', failing), flight.run('a', failing)];
    gate.reject(new Error('Zoom is down'));
    await expect(Promise.all(callers)).rejects.toThrow('Zoom is down');
    await expect(Promise.allSettled(callers)).resolves.toEqual([
      expect.objectContaining({ status: 'rejected' }),
      expect.objectContaining({ status: 'rejected' }),
    ]);
    expect(failing).toHaveBeenCalledTimes(1);
    await expect(flight.run('a', async () => 'recovered')).resolves.toBe('recovered');
  });

  it('contains work that throws before returning a promise', async () => {
    const flight = new SingleFlight<string, string>();
    await expect(
      flight.run('a', () => {
        throw new Error('synchronous');
      }),
    ).rejects.toThrow('synchronous');
    await expect(flight.run('a', async () => 'next')).resolves.toBe('next');
  });
});
