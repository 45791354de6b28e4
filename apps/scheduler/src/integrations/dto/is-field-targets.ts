import { STANDARD_ZOOM_FIELDS } from '@zoom-oomnitza-sync/contracts';
import { ValidateBy, ValidationOptions } from 'class-validator';

const FIELD_ID = /^[A-Za-z0-9_]{1,100}$/;

/** An object from standard Zoom fields to Oomnitza field ids, e.g. { "id": "zoom_id_7f3a" }. */
export function IsFieldTargets(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isFieldTargets',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'object' &&
          value !== null &&
          !Array.isArray(value) &&
          Object.entries(value).every(
            ([field, target]) => (STANDARD_ZOOM_FIELDS as string[]).includes(field) && typeof target === 'string' && FIELD_ID.test(target),
          ),
        defaultMessage: () =>
          `$property must map standard Zoom fields (${STANDARD_ZOOM_FIELDS.join(', ')}) to Oomnitza field ids of letters, digits and "_"`,
      },
    },
    options,
  );
}
