import { uniqueName } from './unique-name';

const SAFE_NAME = /^[a-z][a-z0-9_]*$/;

describe('uniqueName', () => {
  it('keeps a readable prefix and adds a random suffix', () => {
    expect(uniqueName('outbox')).toMatch(/^outbox_[a-z0-9]{6,10}$/);
  });

  it('turns any prefix into a name safe for schemas, topics and groups', () => {
    for (const prefix of ['Mapper Tests', '9lives', '--odd--', 'Ünïcode', '']) {
      const name = uniqueName(prefix);
      expect(name).toMatch(SAFE_NAME);
      expect(name.length).toBeLessThanOrEqual(63);
    }
  });

  it('shortens a long prefix so the name stays within PostgreSQL identifier limits', () => {
    expect(uniqueName('x'.repeat(200)).length).toBeLessThanOrEqual(63);
  });

  it('never repeats itself', () => {
    const names = new Set(Array.from({ length: 1000 }, () => uniqueName('same')));
    expect(names.size).toBe(1000);
  });
});
