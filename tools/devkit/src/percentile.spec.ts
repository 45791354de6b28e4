import { percentile } from './percentile';

describe('percentile', () => {
  it('takes the nearest rank: the smallest value with at least that share of values at or below it', () => {
    const values = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
    expect([0.5, 0.95, 0.99, 1].map((fraction) => percentile(values, fraction))).toEqual([50, 100, 100, 100]);
    expect(percentile([7], 0.5)).toBe(7);
  });
});
