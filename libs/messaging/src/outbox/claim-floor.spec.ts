import { ClaimFloor } from './claim-floor';

const LAG_MS = 5_000;
const SWEEP_MS = 30_000;

describe('ClaimFloor: where the relay claim starts', () => {
  it('starts from the bottom until a committed cycle is older than the lag, then from just past what it claimed', () => {
    const floor = new ClaimFloor(LAG_MS, SWEEP_MS, 0);
    expect(floor.from(10)).toBe(0n);
    floor.committed(0n, ['7', '12', '9'], 10);
    expect(floor.from(LAG_MS + 9)).toBe(0n);
    expect(floor.from(LAG_MS + 10)).toBe(13n);
  });

  it('rises one committed cycle at a time, each after its own lag', () => {
    const floor = new ClaimFloor(LAG_MS, SWEEP_MS, 0);
    floor.committed(0n, ['4'], 100);
    floor.committed(0n, ['8'], 2_000);
    expect(floor.from(LAG_MS + 100)).toBe(5n);
    expect(floor.from(LAG_MS + 1_999)).toBe(5n);
    expect(floor.from(LAG_MS + 2_000)).toBe(9n);
  });

  it('does not rise for a cycle that claimed nothing, nor fall back for one that claimed lower ids', () => {
    const floor = new ClaimFloor(LAG_MS, SWEEP_MS, 0);
    floor.committed(0n, ['20'], 0);
    floor.committed(21n, [], 1_000);
    expect(floor.from(LAG_MS + 1_000)).toBe(21n);
    floor.committed(21n, ['3'], LAG_MS + 1_000);
    expect(floor.from(2 * LAG_MS + 1_000)).toBe(21n);
  });

  it('sends a claim to the bottom once a sweep interval has passed since the last claim from the bottom', () => {
    const floor = new ClaimFloor(LAG_MS, SWEEP_MS, 0);
    floor.committed(0n, ['50'], 0);
    expect(floor.from(SWEEP_MS - 1)).toBe(51n);
    expect(floor.from(SWEEP_MS)).toBe(0n);
    floor.committed(0n, [], SWEEP_MS);
    expect(floor.from(SWEEP_MS + 1)).toBe(51n);
    expect(floor.from(2 * SWEEP_MS)).toBe(0n);
  });
});
