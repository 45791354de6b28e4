import { ValidateIf } from 'class-validator';

/**
 * For PATCH bodies: the field may be left out, but when present it is validated, null included.
 * (@IsOptional would also let null through to a column that cannot hold it.)
 */
export const IsOmittable = () => ValidateIf((_object: object, value: unknown) => value !== undefined);
