import { BoundedMemory } from './bounded-memory';

describe('BoundedMemory', () => {
  afterEach(() => jest.restoreAllMocks());

  it('forgets a value once its lifetime is over', () => {
    const now = Date.now();
    const clock = jest.spyOn(Date, 'now').mockReturnValue(now);
    const memory = new BoundedMemory<string>(1000, 10);
    memory.set('a', 'first');

    clock.mockReturnValue(now + 999);
    expect(memory.get('a')).toBe('first');
    clock.mockReturnValue(now + 1000);
    expect(memory.get('a')).toBeUndefined();
  });

  it('lets the oldest go when full, and remembers nothing with a lifetime of 0', () => {
    const memory = new BoundedMemory<number>(60_000, 2);
    memory.set('a', 1);
    memory.set('b', 2);
    memory.set('c', 3);
    expect([memory.get('a'), memory.get('b'), memory.get('c')]).toEqual([undefined, 2, 3]);

    const forgetful = new BoundedMemory<number>(0, 2);
    forgetful.set('a', 1);
    expect(forgetful.get('a')).toBeUndefined();
  });
});
