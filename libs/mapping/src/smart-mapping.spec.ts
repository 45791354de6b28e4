import { DOCUMENTED_OOMNITZA_FIELDS, OomnitzaFieldInfo } from '@zoom-oomnitza-sync/contracts';
import { suggestMapping } from './smart-mapping';

const field = (id: string, label: string, type: OomnitzaFieldInfo['type'], unique = false): OomnitzaFieldInfo => ({
  id,
  label,
  type,
  unique,
  mandatory: false,
});

/** Oomnitza's documented fields and the custom fields a tenant made for Zoom, under ids Oomnitza generated. */
const FIELDS: OomnitzaFieldInfo[] = [
  ...DOCUMENTED_OOMNITZA_FIELDS,
  field('EXTERNAL_ID', 'External ID', 'string', true),
  field('LAST_LOGIN_DATE', 'Last Login Date', 'date'),
  field('A1', 'Zoom ID', 'string', true),
  field('A2', 'Connector Sync Time', 'date'),
  field('A3', 'Department', 'string'),
  field('A4', 'Personal Meeting Id', 'integer'),
  field('A5', 'Zoom Role Id', 'string'),
  field('A6', 'Zoom Status', 'string'),
  field('A7', 'Timezone of the User', 'string'),
  field('A8', 'User Type', 'integer'),
  field('A9', "User's Last Login Time", 'date'),
];

describe('Smart Mapping', () => {
  it('proposes the standard mapping for the standard fields, whatever ids Oomnitza gave them', () => {
    expect(suggestMapping(FIELDS).fieldTargets).toEqual({
      id: 'A1',
      connector_sync_time: 'A2',
      email: 'EMAIL',
      dept: 'A3',
      first_name: 'FIRST_NAME',
      last_name: 'LAST_NAME',
      pmi: 'A4',
      role_id: 'A5',
      status: 'A6',
      timezone: 'A7',
      type: 'A8',
      last_login_time: 'A9',
    });
  });

  it('says how sure it is and why: same name, synonym, shared words', () => {
    const { proposals } = suggestMapping(FIELDS);
    const of = (source: string) => proposals.find((proposal) => proposal.source === source);
    expect(of('email')).toEqual({
      source: 'email',
      target: 'EMAIL',
      targetLabel: 'Email',
      confidence: 1,
      reason: 'same name: email is "Email"',
    });
    expect(of('dept')).toEqual({
      source: 'dept',
      target: 'A3',
      targetLabel: 'Department',
      confidence: 0.95,
      reason: 'synonym: dept is also called "department"',
    });
    expect(of('pmi')).toMatchObject({ target: 'A4', confidence: 0.95, reason: 'synonym: pmi is also called "personal meeting id"' });
    expect(of('phone_number')).toMatchObject({ target: 'PHONE', confidence: 0.95 });
    expect(of('job_title')).toMatchObject({ target: 'POSITION', confidence: 0.95 });
  });

  it('proposes each Oomnitza field once, never Username or Role, and lines for the fields beyond the standard ones', () => {
    const suggestion = suggestMapping(FIELDS);
    const targets = suggestion.proposals.map((proposal) => proposal.target);
    expect(new Set(targets).size).toBe(targets.length);
    expect(targets).not.toContain('USER');
    expect(targets).not.toContain('PERMISSIONS_ID');
    expect(suggestion.fieldMappings).toEqual(
      expect.arrayContaining([
        { target: 'PHONE', source: 'phone_number' },
        { target: 'POSITION', source: 'job_title' },
      ]),
    );
    expect(suggestion.unmatched).toContain('display_name');
  });

  it('proposes only fields whose type takes the values', () => {
    const textOnly = [...DOCUMENTED_OOMNITZA_FIELDS, field('B1', 'Department', 'integer'), field('B2', 'Personal Meeting Id', 'date')];
    const suggestion = suggestMapping(textOnly);
    expect(suggestion.fieldTargets.dept).toBeUndefined();
    expect(suggestion.fieldTargets.pmi).toBe('B2');
    expect(suggestion.unmatched).toContain('dept');
  });

  it('proposes a field that shares words with a source, less surely', () => {
    const { proposals } = suggestMapping([field('C1', 'Client Version Used', 'string')]);
    expect(proposals).toEqual([
      {
        source: 'last_client_version',
        target: 'C1',
        targetLabel: 'Client Version Used',
        confidence: 0.64,
        reason: 'similar name: both say "client", "version"',
      },
    ]);
  });
});
