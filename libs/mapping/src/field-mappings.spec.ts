import { FieldMappingDto } from '@zoom-oomnitza-sync/contracts';
import { FieldMappings } from './field-mappings';
import { zoomReadNeedsOf } from './mapping-sources';

const RESERVED = ['USER', 'PERMISSIONS_ID', 'EMAIL', 'CONNECTOR_SYNC_TIME'];

function compiled(lines: FieldMappingDto[]): FieldMappings {
  const mapping = FieldMappings.compile(lines, RESERVED);
  if (!(mapping instanceof FieldMappings)) {
    throw new Error(mapping.problems.join('; '));
  }
  return mapping;
}

const user = {
  id: 'z1',
  email: 'ana.soto@example.com',
  first_name: 'Ana',
  last_name: 'Soto',
  dept: ' finance ',
  role_id: '1',
  created_at: '2024-02-01T10:00:00Z',
  group_ids: ['g1', 'g2'],
  custom_attributes: [{ key: 'cbf_1', name: 'Cost Center', value: 1200 }],
};

describe('an integration’s mapping lines', () => {
  it('each line writes its target from its source through its transforms, in order', () => {
    const lines: FieldMappingDto[] = [
      { target: 'DEPARTMENT', source: 'dept', transforms: [{ op: 'trim' }, { op: 'upper' }] },
      { target: 'FULL_NAME', transforms: [{ op: 'template', template: '{first_name} {last_name}' }] },
      { target: 'ZOOM_ROLE', source: 'role_id', transforms: [{ op: 'lookup', table: { '0': 'Owner', '1': 'Admin' }, value: 'Member' }] },
      { target: 'ZOOM_CREATED', source: 'created_at', transforms: [{ op: 'date', format: 'unix' }] },
      { target: 'COST_CENTER', source: 'custom_attributes.Cost Center' },
      { target: 'GROUPS', source: 'group_ids' },
      { target: 'JOB', source: 'job_title', transforms: [{ op: 'default', value: 'n/a' }] },
    ];
    const mapping = compiled(lines);
    expect(mapping.apply(user)).toEqual({
      DEPARTMENT: 'FINANCE',
      FULL_NAME: 'Ana Soto',
      ZOOM_ROLE: 'Admin',
      ZOOM_CREATED: 1_706_781_600,
      COST_CENTER: 1200,
      GROUPS: 'g1, g2',
      JOB: 'n/a',
    });
    expect(mapping.sources.sort()).toEqual([
      'created_at',
      'custom_attributes.Cost Center',
      'dept',
      'first_name',
      'group_ids',
      'job_title',
      'last_name',
      'role_id',
    ]);
    expect(zoomReadNeedsOf({ fieldTargets: {}, fieldMappings: lines }).readSources).toEqual(['job_title']);
  });

  it('of a webhook’s partial object, fills only the lines whose sources it carries', () => {
    const lines: FieldMappingDto[] = [
      { target: 'DEPARTMENT', source: 'dept', transforms: [{ op: 'trim' }] },
      { target: 'FULL_NAME', transforms: [{ op: 'template', template: '{first_name} {last_name}' }] },
      { target: 'CONSTANT', transforms: [{ op: 'default', value: 'Zoom' }] },
    ];
    const mapping = compiled(lines);
    expect(mapping.apply({ id: 'z1', dept: 'Sales ', last_name: 'Ruiz' }, true)).toEqual({ DEPARTMENT: 'Sales' });
    expect(mapping.apply({ id: 'z1', first_name: 'Eva', last_name: 'Ruiz' }, true)).toEqual({ FULL_NAME: 'Eva Ruiz' });
    expect(zoomReadNeedsOf({ fieldTargets: {}, fieldMappings: lines }).readSources).toEqual([]);
  });

  it('names every problem of every line', () => {
    const result = FieldMappings.compile(
      [
        { target: 'USER', source: 'email' },
        { target: 'bad target', source: 'dept' },
        { target: 'A', source: 'host_key' },
        { target: 'B' },
        { target: 'C', transforms: [{ op: 'regex_replace', pattern: '(', replacement: '' }] },
        { target: 'D', transforms: [{ op: 'template', template: '{first_name} {nickname}' }] },
        { target: 'E', source: 'dept', transforms: [{ op: 'lookup', table: {} }, { op: 'date' }, { op: 'default' }] },
        { target: 'E', source: 'dept' },
        { target: 'F', transforms: [{ op: 'first_non_empty', sources: ['phone_number', 'fax'] }] },
        { target: 'G', transforms: [{ op: 'regex_replace', pattern: 'a', replacement: 'b', flags: 'gy' }] },
      ],
      RESERVED,
    );
    expect(result).toEqual({
      problems: [
        { field: 'fieldMappings[0].target', message: 'USER is filled by the platform itself and cannot be mapped' },
        { field: 'fieldMappings[1].target', message: '"bad target" is not an Oomnitza field id (letters, digits and _)' },
        { field: 'fieldMappings[2].source', message: '"host_key" is not a Zoom user field' },
        { field: 'fieldMappings[3]', message: 'needs a source, transforms, or both' },
        {
          field: 'fieldMappings[4].transforms[0]',
          message: expect.stringMatching(/^regex_replace: pattern is not a valid regular expression: /),
        },
        { field: 'fieldMappings[5].transforms[0]', message: 'template: the template names {nickname}, which is not a Zoom user field' },
        { field: 'fieldMappings[6].transforms[0]', message: 'lookup: needs a table of at least one entry, e.g. {"1": "Admin"}' },
        { field: 'fieldMappings[6].transforms[1]', message: 'date: needs a format: "iso" or "unix"' },
        { field: 'fieldMappings[6].transforms[2]', message: 'default: needs a value' },
        { field: 'fieldMappings[7].target', message: 'E is mapped twice' },
        { field: 'fieldMappings[8].transforms[0]', message: 'first_non_empty: sources fax is not a Zoom user field' },
        {
          field: 'fieldMappings[9].transforms[0]',
          message: 'regex_replace: flags "gy" may hold only i, m, s and u (every match is replaced)',
        },
      ],
    });
  });
});
