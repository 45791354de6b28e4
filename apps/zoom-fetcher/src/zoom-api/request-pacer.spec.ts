import { RequestPacer } from './request-pacer';

describe('RequestPacer', () => {
  beforeEach(() => jest.useFakeTimers({ now: new Date('2026-11-29T10:00:00Z') }));
  afterEach(() => jest.useRealTimers());

  /** Which of the waits have returned so far. */
  function track(waits: Record<string, Promise<void>>): Set<string> {
    const done = new Set<string>();
    for (const [name, wait] of Object.entries(waits)) {
      void wait.then(() => done.add(name));
    }
    return done;
  }

  it("spaces one account's requests of one category by its rate", async () => {
    const pacer = new RequestPacer({ medium: 10, light: 20 });
    const done = track({ first: pacer.wait('account-1', 'medium'), second: pacer.wait('account-1', 'medium') });

    await jest.advanceTimersByTimeAsync(99);
    expect([...done]).toEqual(['first']);
    await jest.advanceTimersByTimeAsync(1);
    expect([...done].sort()).toEqual(['first', 'second']);
  });

  it("keeps the categories' budgets apart: user reads do not wait behind a full sync's list requests", async () => {
    const pacer = new RequestPacer({ medium: 1, light: 50 });
    const done = track({
      list1: pacer.wait('account-1', 'medium'),
      list2: pacer.wait('account-1', 'medium'),
      read1: pacer.wait('account-1', 'light'),
      read2: pacer.wait('account-1', 'light'),
    });

    await jest.advanceTimersByTimeAsync(20);
    expect([...done].sort()).toEqual(['list1', 'read1', 'read2']);
  });

  it('keeps accounts apart', async () => {
    const pacer = new RequestPacer({ medium: 1, light: 1 });
    const done = track({ one: pacer.wait('account-1', 'light'), other: pacer.wait('account-2', 'light') });

    await jest.advanceTimersByTimeAsync(0);
    expect([...done].sort()).toEqual(['one', 'other']);
  });
});
