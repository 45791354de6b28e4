import { generateUsers } from './generate-population';
import { USER_STATUSES, USER_TYPES } from './zoom-user';

const referenceTime = Date.UTC(2025, 5, 1);

describe('generateUsers', () => {
  it('makes the same users from the same seed, size and reference time', () => {
    expect(generateUsers({ seed: 42, size: 500, referenceTime })).toEqual(generateUsers({ seed: 42, size: 500, referenceTime }));
  });

  it('makes other users from another seed', () => {
    const first = generateUsers({ seed: 42, size: 200, referenceTime });
    const second = generateUsers({ seed: 43, size: 200, referenceTime });
    expect(second.map((user) => user.id)).not.toEqual(first.map((user) => user.id));
    expect(new Set(second.map((user) => user.email))).not.toEqual(new Set(first.map((user) => user.email)));
  });

  describe('variety, as a sync meets it in real accounts', () => {
    const users = generateUsers({ seed: 7, size: 2000, referenceTime });

    it('has unique ids and unique e-mail addresses (regardless of case)', () => {
      expect(new Set(users.map((user) => user.id)).size).toBe(users.length);
      expect(new Set(users.map((user) => user.email.toLowerCase())).size).toBe(users.length);
    });

    it('has names beyond ASCII, in several scripts', () => {
      const names = users.map((user) => `${user.first_name} ${user.last_name}`);
      expect(names.some((name) => /[À-ɏ]/.test(name))).toBe(true);
      expect(names.some((name) => /\p{Script=Han}/u.test(name))).toBe(true);
      expect(names.some((name) => /\p{Script=Cyrillic}/u.test(name))).toBe(true);
      expect(names.some((name) => /\p{Script=Arabic}/u.test(name))).toBe(true);
    });

    it('leaves some departments out', () => {
      const withoutDepartment = users.filter((user) => user.dept === undefined).length;
      expect(withoutDepartment).toBeGreaterThan(0);
      expect(withoutDepartment).toBeLessThan(users.length);
    });

    it('has every user type and status, and every combination of the two', () => {
      for (const status of USER_STATUSES) {
        for (const type of USER_TYPES) {
          expect(users.some((user) => user.status === status && user.type === type)).toBe(true);
        }
      }
    });

    it('spreads users over many timezones', () => {
      expect(new Set(users.map((user) => user.timezone)).size).toBeGreaterThanOrEqual(10);
    });

    it('spreads last logins from days to years ago; pending users and some others never logged in', () => {
      const day = 86_400_000;
      const ages = users
        .filter((user) => user.last_login_time)
        .map((user) => (referenceTime - Date.parse(user.last_login_time as string)) / day);
      expect(ages.some((age) => age < 7)).toBe(true);
      expect(ages.some((age) => age > 60 && age < 365)).toBe(true);
      expect(ages.some((age) => age > 365)).toBe(true);
      expect(users.filter((user) => user.status === 'pending').every((user) => user.last_login_time === undefined)).toBe(true);
      expect(users.some((user) => user.status === 'active' && user.last_login_time === undefined)).toBe(true);
    });

    it('gives some users custom attributes with digit values', () => {
      const withAttributes = users.filter((user) => user.custom_attributes?.length);
      expect(withAttributes.length).toBeGreaterThan(0);
      expect(withAttributes.length).toBeLessThan(users.length);
      expect(withAttributes.flatMap((user) => user.custom_attributes ?? []).every((attribute) => /^\d+$/.test(attribute.value))).toBe(true);
    });

    it('dates users in creation order and never logs anyone in before their creation', () => {
      const created = users.map((user) => Date.parse(user.user_created_at));
      expect(created).toEqual([...created].sort((a, b) => a - b));
      expect(users.every((user) => !user.last_login_time || Date.parse(user.last_login_time) >= Date.parse(user.user_created_at))).toBe(
        true,
      );
    });
  });

  it('covers every status and type even in a population of seven', () => {
    const users = generateUsers({ seed: 1, size: 7, referenceTime });
    expect(new Set(users.map((user) => user.status))).toEqual(new Set(USER_STATUSES));
    expect(new Set(users.map((user) => user.type))).toEqual(new Set(USER_TYPES));
    expect(users[0]).toMatchObject({ role_id: '0', status: 'active' });
  });
});
