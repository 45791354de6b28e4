import { OomnitzaCatalogue, OomnitzaFieldInfo, STANDARD_MAPPING } from '@zoom-oomnitza-sync/contracts';
import { LaunchChoices, launchProblems } from './launch-check';

const custom = (id: string, label: string, type: OomnitzaFieldInfo['type'], extra: Partial<OomnitzaFieldInfo> = {}): OomnitzaFieldInfo => ({
  id,
  label,
  type,
  unique: false,
  mandatory: false,
  ...extra,
});

/** An Oomnitza with the system fields and a custom field for each standard target. */
function catalogue(more: OomnitzaFieldInfo[] = []): OomnitzaCatalogue {
  return {
    fields: [
      custom('USER', 'Username', 'string', { unique: true, mandatory: true }),
      custom('EMAIL', 'Email', 'string', { unique: true, mandatory: true }),
      custom('FIRST_NAME', 'First Name', 'string', { mandatory: true }),
      custom('LAST_NAME', 'Last Name', 'string', { mandatory: true }),
      custom('PERMISSIONS_ID', 'Role', 'role', { mandatory: true }),
      custom('ZOOM_ID', 'Zoom ID', 'string', { unique: true }),
      custom('CONNECTOR_SYNC_TIME', 'Connector Sync Time', 'date'),
      custom('DEPARTMENT', 'Department', 'string'),
      custom('ZOOM_PMI', 'Personal Meeting Id', 'integer'),
      custom('ZOOM_ROLE_ID', 'Zoom Role Id', 'string'),
      custom('ZOOM_STATUS', 'Zoom Status', 'string'),
      custom('ZOOM_TIMEZONE', 'Timezone of the User', 'string'),
      custom('ZOOM_USER_TYPE', 'User Type', 'integer'),
      custom('ZOOM_LAST_LOGIN_TIME', "User's Last Login Time", 'date'),
      ...more,
    ],
    roles: [
      { id: 1, name: 'Administrator' },
      { id: 25, name: 'Employee' },
    ],
    unavailable: [],
  };
}

const launchable: LaunchChoices = { fieldTargets: {}, oomnitzaRoleId: 25, syncKey: 'email' };

describe('what Launch checks', () => {
  it('finds nothing wrong with the standard mapping, a known role and Email as the sync key', () => {
    expect(launchProblems(launchable, catalogue())).toEqual([]);
    expect(launchProblems({ ...launchable, syncKey: 'zoom_id' }, catalogue())).toEqual([]);
  });

  it('asks for a role, and one Oomnitza has', () => {
    expect(launchProblems({ ...launchable, oomnitzaRoleId: null }, null)).toEqual([
      { field: 'oomnitzaRoleId', message: 'choose the Oomnitza role people are created with' },
    ]);
    expect(launchProblems({ ...launchable, oomnitzaRoleId: 3 }, catalogue())).toEqual([
      { field: 'oomnitzaRoleId', message: 'Oomnitza has no role 3; its roles are 1 (Administrator), 25 (Employee)' },
    ]);
  });

  it('asks for Email on Email, and for the names and every mandatory field to be mapped', () => {
    const problems = launchProblems(
      { ...launchable, fieldTargets: { email: 'ZOOM_ID', id: 'EXTERNAL', first_name: 'DEPARTMENT', dept: 'ZOOM_STATUS' } },
      catalogue([custom('BADGE', 'Badge', 'string', { mandatory: true })]),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        { field: 'fieldTargets.email', message: 'Email must map to Oomnitza’s Email (EMAIL) as well as to the Username' },
        { field: 'fieldMappings', message: 'Email (EMAIL) is mandatory in Oomnitza and nothing maps to it' },
        { field: 'fieldMappings', message: 'First Name (FIRST_NAME) is mandatory in Oomnitza and nothing maps to it' },
        { field: 'fieldMappings', message: 'Badge (BADGE) is mandatory in Oomnitza and nothing maps to it' },
        { field: 'fieldTargets.id', message: 'Oomnitza has no people field EXTERNAL' },
      ]),
    );
  });

  it('takes a mapping line as what fills a mandatory field', () => {
    const choices = { ...launchable, fieldMappings: [{ target: 'BADGE', source: 'employee_unique_id' }] };
    expect(launchProblems(choices, catalogue([custom('BADGE', 'Badge', 'string', { mandatory: true })]))).toEqual([]);
  });

  it('refuses a sync key on a field that is not unique', () => {
    const notUnique = catalogue().fields!.map((field) => (field.id === 'ZOOM_ID' ? { ...field, unique: false } : field));
    expect(launchProblems({ ...launchable, syncKey: 'zoom_id' }, { ...catalogue(), fields: notUnique })).toEqual([
      {
        field: 'syncKey',
        message:
          'records are matched on Zoom ID (ZOOM_ID), which is not unique in Oomnitza: choose Email, or make the Zoom ID field unique',
      },
    ]);
  });

  it('names each line whose target Oomnitza lacks or whose values its type does not take', () => {
    const problems = launchProblems(
      {
        ...launchable,
        fieldMappings: [
          { target: 'NOWHERE', source: 'dept' },
          { target: 'HEADCOUNT', source: 'dept' },
          { target: 'HEADCOUNT_2', source: 'dept', transforms: [{ op: 'number' }] },
          { target: 'JOINED', source: 'job_title' },
          { target: 'JOINED_2', source: 'created_at', transforms: [{ op: 'date', format: 'unix' }] },
          { target: 'TIER', source: 'role_id', transforms: [{ op: 'lookup', table: { '0': 'Gold', '1': 'Bronze' }, value: 'Silver' }] },
          { target: 'TIER_2', source: 'role_id', transforms: [{ op: 'lookup', table: { '0': 'Gold' } }] },
        ],
      },
      catalogue([
        custom('HEADCOUNT', 'Headcount', 'integer'),
        custom('HEADCOUNT_2', 'Headcount 2', 'integer'),
        custom('JOINED', 'Joined', 'date'),
        custom('JOINED_2', 'Joined 2', 'date'),
        custom('TIER', 'Tier', 'dropdown', { values: ['Gold', 'Silver'] }),
        custom('TIER_2', 'Tier 2', 'dropdown', { values: ['Gold', 'Silver'] }),
      ]),
    );
    expect(problems).toEqual([
      { field: 'fieldMappings[0].target', message: 'Oomnitza has no people field NOWHERE' },
      {
        field: 'fieldMappings[1].target',
        message: 'Headcount (HEADCOUNT) is an integer field that takes whole numbers: add a number transform (this line writes text)',
      },
      {
        field: 'fieldMappings[3].target',
        message:
          'Joined (JOINED) is a date field that takes dates (ISO-8601 or Unix seconds): add a date transform (this line writes text)',
      },
      {
        field: 'fieldMappings[5].target',
        message: 'Tier (TIER) is a dropdown field with the values Gold, Silver: "Bronze" is not among them',
      },
    ]);
  });

  it('checks a standard field’s target and type too, unless a line writes that field instead', () => {
    // A number is Unix seconds to a date field: the PMI fits one.
    const datePmi = catalogue().fields!.map((field) => (field.id === 'ZOOM_PMI' ? { ...field, type: 'date' as const } : field));
    expect(launchProblems(launchable, { ...catalogue(), fields: datePmi })).toEqual([]);
    const dateStatus = catalogue().fields!.map((field) => (field.id === 'ZOOM_STATUS' ? { ...field, type: 'date' as const } : field));
    expect(launchProblems(launchable, { ...catalogue(), fields: dateStatus })).toEqual([
      {
        field: 'fieldTargets.status',
        message:
          'Zoom Status (ZOOM_STATUS) is a date field that takes dates (ISO-8601 or Unix seconds): add a date transform (this line writes text)',
      },
    ]);
    const overridden = { ...launchable, fieldMappings: [{ target: STANDARD_MAPPING.status, source: 'created_at' }] };
    expect(launchProblems(overridden, { ...catalogue(), fields: dateStatus })).toEqual([]);
  });

  it('asks a User plus SaaS user integration for the Zoom app in Oomnitza', () => {
    expect(launchProblems({ ...launchable, type: 'user_and_saas' }, catalogue())).toEqual([
      { field: 'oomnitzaSaasId', message: 'a User plus SaaS user integration needs the id of the Zoom SaaS app in Oomnitza' },
    ]);
    expect(launchProblems({ ...launchable, type: 'user_and_saas', oomnitzaSaasId: 'app-1' }, catalogue())).toEqual([]);
  });

  it('without Oomnitza’s catalogue, checks what the documentation allows and nothing more', () => {
    expect(launchProblems({ ...launchable, fieldMappings: [{ target: 'ANYTHING', source: 'dept' }] }, null)).toEqual([]);
    expect(launchProblems({ ...launchable, oomnitzaRoleId: 3 }, { fields: null, roles: null, unavailable: ['404'] })).toEqual([]);
    expect(launchProblems({ ...launchable, fieldTargets: { last_name: 'SURNAME' } }, null)).toEqual([
      { field: 'fieldMappings', message: 'Last Name (LAST_NAME) is mandatory in Oomnitza and nothing maps to it' },
    ]);
  });
});
