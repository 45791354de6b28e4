import fc from 'fast-check';
import {
  firstNonEmpty,
  formatDate,
  fromTemplate,
  lookUp,
  lowerCase,
  parseNumber,
  regexReplace,
  trim,
  upperCase,
  withDefault,
} from './transforms';

const user = {
  first_name: 'Ana María',
  last_name: 'Soto',
  dept: '',
  phone_number: '+1 555 0100',
  group_ids: ['g1', 'g2'],
  custom_attributes: [{ key: 'cbf_1', name: 'Cost Center', value: 'CC-7' }],
};

describe('transforms', () => {
  it('trim is idempotent and leaves no outer white space', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const once = trim(text, {}) as string;
        expect(trim(once, {})).toBe(once);
        expect(once).toBe(once.trim());
      }),
    );
  });

  it('lower and upper case change text only, and twice is once', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(lowerCase(lowerCase(text, {}), {})).toBe(text.toLowerCase());
        expect(upperCase(upperCase(text, {}), {})).toBe(text.toUpperCase());
      }),
    );
    expect(upperCase(42, {})).toBe(42);
    expect(lowerCase(null, {})).toBeNull();
  });

  it('default fills only empty values', () => {
    const orUnassigned = withDefault('Unassigned');
    expect(orUnassigned(undefined, {})).toBe('Unassigned');
    expect(orUnassigned(null, {})).toBe('Unassigned');
    expect(orUnassigned('  ', {})).toBe('Unassigned');
    expect(orUnassigned([], {})).toBe('Unassigned');
    expect(orUnassigned('Finance', {})).toBe('Finance');
    expect(orUnassigned(0, {})).toBe(0);
  });

  it('template fills sources, custom attributes, lists and the value so far; a missing source is empty', () => {
    expect(fromTemplate('{first_name} {last_name}')(undefined, user)).toBe('Ana María Soto');
    expect(fromTemplate('{custom_attributes.Cost Center}/{value}')('x', user)).toBe('CC-7/x');
    expect(fromTemplate('{group_ids}')(undefined, user)).toBe('g1, g2');
    expect(fromTemplate('{job_title} {last_name}')(undefined, user)).toBe('Soto');
  });

  it('regex replace replaces every match and keeps empty values empty', () => {
    expect(regexReplace(/[^\d+]/g, '')('+1 555 0100', {})).toBe('+15550100');
    expect(regexReplace(/^(\w+)@.*$/g, '$1')('ana@example.com', {})).toBe('ana');
    expect(regexReplace(/x/g, 'y')(null, {})).toBeNull();
    expect(regexReplace(/5/g, '6')(555, {})).toBe('666');
  });

  it('lookup maps known values, and others to the fallback or as they are', () => {
    const roles = lookUp({ '0': 'Owner', '1': 'Admin', '2': 'Member' }, 'Guest');
    expect(roles('1', {})).toBe('Admin');
    expect(roles(2, {})).toBe('Member');
    expect(roles('9', {})).toBe('Guest');
    expect(lookUp({ a: 'b' })('c', {})).toBe('c');
    expect(lookUp({ toString: 'x' })('constructor', {})).toBe('constructor');
  });

  it('date formats ISO text and Unix seconds or milliseconds both ways, and what is no date becomes null', () => {
    expect(formatDate('unix')('2026-11-20T08:00:00Z', {})).toBe(1_795_161_600);
    expect(formatDate('iso')(1_795_161_600, {})).toBe('2026-11-20T08:00:00Z');
    expect(formatDate('iso')('1795161600000', {})).toBe('2026-11-20T08:00:00Z');
    expect(formatDate('iso')('2026-11-20T09:00:00+01:00', {})).toBe('2026-11-20T08:00:00Z');
    expect(formatDate('iso')('soon', {})).toBeNull();
    expect(formatDate('unix')('', {})).toBeNull();
  });

  it('date: ISO and Unix seconds convert into each other without loss', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_800 }), (seconds) => {
        expect(formatDate('unix')(formatDate('iso')(seconds, {}), {})).toBe(seconds);
      }),
    );
  });

  it('number parses text with thousands separators, and what is no number becomes null', () => {
    expect(parseNumber(' 1,234.5 ', {})).toBe(1234.5);
    expect(parseNumber('3542471135', {})).toBe(3_542_471_135);
    expect(parseNumber(7, {})).toBe(7);
    expect(parseNumber('12 apples', {})).toBeNull();
    expect(parseNumber('', {})).toBeNull();
    // == on purpose: String(-0) is "0".
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (number) =>
        expect(parseNumber(String(number), {}) === number).toBe(true),
      ),
    );
  });

  it('first non-empty keeps a value, else takes the first source that has one', () => {
    const phone = firstNonEmpty(['dept', 'custom_attributes.cbf_1', 'phone_number']);
    expect(phone('given', user)).toBe('given');
    expect(phone(undefined, user)).toBe('CC-7');
    expect(firstNonEmpty(['dept', 'job_title'])(undefined, user)).toBeNull();
  });
});
