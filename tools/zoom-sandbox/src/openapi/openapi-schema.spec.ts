import Ajv from 'ajv';
import { toJsonSchema } from './openapi-schema';

describe('toJsonSchema', () => {
  const document = {
    components: {
      schemas: {
        Department: { type: 'string', nullable: true, enum: ['Sales', 'IT'] },
        User: {
          type: 'object',
          required: ['email'],
          properties: {
            email: { type: 'string' },
            dept: { $ref: '#/components/schemas/Department' },
            manager: { $ref: '#/components/schemas/Manager' },
          },
        },
        Manager: { nullable: true, allOf: [{ type: 'object', properties: { email: { type: 'string' } } }] },
        Score: { type: 'number', minimum: 0, exclusiveMinimum: true },
      },
    },
  };
  const ajv = new Ajv({ strict: false });

  it('inlines local $refs and turns nullable into a null type', () => {
    const validate = ajv.compile(toJsonSchema({ $ref: '#/components/schemas/User' }, document));
    expect(validate({ email: 'a@example.com', dept: null, manager: null })).toBe(true);
    expect(validate({ email: 'a@example.com', dept: 'IT', manager: { email: 'b@example.com' } })).toBe(true);
    expect(validate({ email: 'a@example.com', dept: 'Legal' })).toBe(false);
    expect(validate({ dept: 'IT' })).toBe(false);
  });

  it("turns OpenAPI 3.0's boolean exclusiveMinimum into a bound", () => {
    const validate = ajv.compile(toJsonSchema({ $ref: '#/components/schemas/Score' }, document));
    expect(validate(0)).toBe(false);
    expect(validate(0.5)).toBe(true);
  });

  it('refuses refs that point nowhere or recurse', () => {
    expect(() => toJsonSchema({ $ref: '#/components/schemas/Missing' }, document)).toThrow('points nowhere');
    const recursive = {
      components: { schemas: { Node: { type: 'object', properties: { next: { $ref: '#/components/schemas/Node' } } } } },
    };
    expect(() => toJsonSchema({ $ref: '#/components/schemas/Node' }, recursive)).toThrow('recursive');
  });
});
