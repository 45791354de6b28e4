import fc from 'fast-check';
import { deriveNames } from './derive-names';

describe('derived names', () => {
  it('keeps names Zoom has', () => {
    expect(deriveNames({ first_name: ' Ana ', last_name: 'Soto', display_name: 'X Y' })).toEqual({
      firstName: 'Ana',
      lastName: 'Soto',
      derived: [],
    });
  });

  it('takes missing names from the display name first', () => {
    expect(deriveNames({ display_name: 'Ana María Soto', email: 'x@example.com' })).toEqual({
      firstName: 'Ana',
      lastName: 'María Soto',
      derived: ['first_name', 'last_name'],
    });
    expect(deriveNames({ first_name: 'Ana', display_name: 'Ana Soto' })).toEqual({
      firstName: 'Ana',
      lastName: 'Soto',
      derived: ['last_name'],
    });
  });

  it('else from the e-mail’s local part, capitalized', () => {
    expect(deriveNames({ email: 'ana.soto-ruiz@example.com' })).toEqual({
      firstName: 'Ana',
      lastName: 'Soto Ruiz',
      derived: ['first_name', 'last_name'],
    });
    expect(deriveNames({ last_name: 'Soto', email: 'ANA_S@example.com' })).toEqual({
      firstName: 'Ana',
      lastName: 'Soto',
      derived: ['first_name'],
    });
  });

  it('prefers an e-mail of two parts to a display name of one word', () => {
    expect(deriveNames({ display_name: 'helpdesk.team', email: 'helpdesk.team@example.com' })).toEqual({
      firstName: 'Helpdesk',
      lastName: 'Team',
      derived: ['first_name', 'last_name'],
    });
  });

  it('a single word is both names', () => {
    expect(deriveNames({ email: 'helpdesk@example.com' })).toEqual({
      firstName: 'Helpdesk',
      lastName: 'Helpdesk',
      derived: ['first_name', 'last_name'],
    });
  });

  it('with nothing to derive from, leaves the names missing', () => {
    expect(deriveNames({ first_name: '  ' })).toEqual({ firstName: undefined, lastName: undefined, derived: [] });
  });

  it('any user with an e-mail ends with two non-blank names, and derives exactly the missing ones', () => {
    const name = fc.option(fc.string(), { nil: undefined });
    fc.assert(
      fc.property(name, name, name, fc.stringMatching(/^[a-z][a-z0-9._-]{0,20}$/), (first, last, display, local) => {
        const names = deriveNames({ first_name: first, last_name: last, display_name: display, email: `${local}@example.com` });
        expect(names.firstName?.trim()).toBeTruthy();
        expect(names.lastName?.trim()).toBeTruthy();
        expect(names.derived.includes('first_name')).toBe(!first?.trim());
        expect(names.derived.includes('last_name')).toBe(!last?.trim());
      }),
    );
  });
});
