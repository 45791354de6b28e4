import { zoomReadNeedsOf } from './mapping-sources';

describe('what a full sync must ask Zoom for, for an integration’s lines and rules', () => {
  it('nothing more for lines and rules on listed fields', () => {
    expect(
      zoomReadNeedsOf({
        fieldTargets: {},
        fieldMappings: [{ target: 'DEPARTMENT', source: 'dept', transforms: [{ op: 'template', template: '{first_name} {value}' }] }],
        filters: { include: { match: 'all', rules: [{ source: 'type', op: 'equals', value: 2 }] } },
      }),
    ).toEqual({ readSources: [], customAttributes: false });
    expect(zoomReadNeedsOf({ fieldTargets: {} })).toEqual({ readSources: [], customAttributes: false });
  });

  it('each user read for get-user fields, wherever a line or rule names them, and custom attributes listed', () => {
    expect(
      zoomReadNeedsOf({
        fieldTargets: {},
        fieldMappings: [
          { target: 'TITLE', source: 'job_title' },
          { target: 'WHERE', transforms: [{ op: 'template', template: '{location}, {company}' }] },
          { target: 'PHONE', transforms: [{ op: 'first_non_empty', sources: ['phone_number', 'custom_attributes.Desk'] }] },
        ],
        filters: { exclude: { match: 'any', rules: [{ source: 'role_name', op: 'equals', value: 'Owner' }] } },
      }),
    ).toEqual({ readSources: ['company', 'job_title', 'location', 'phone_number', 'role_name'], customAttributes: true });
  });
});
