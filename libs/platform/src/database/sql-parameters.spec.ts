import { SqlParameters } from './sql-parameters';

describe('SqlParameters', () => {
  it('numbers the values of parts written apart in the order they are added, each part seeing only its own placeholders', () => {
    const parameters = new SqlParameters();
    const first = `a = ${parameters.add('x')} AND b = ${parameters.add(2)}`;
    const second = `c = ${parameters.add(null)}`;

    expect(`${first} AND ${second}`).toBe('a = $1 AND b = $2 AND c = $3');
    expect(parameters.values).toEqual(['x', 2, null]);
  });
});
