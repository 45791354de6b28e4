import { ValidateIf } from 'class-validator';

/**
 * The field may be left out, but when present it is validated, null included: null is no value
 * for a field that must have one (a PATCH sending it gets a 400, never a 500 or a silent un-set).
 * (@IsOptional would also let null through to a column that cannot hold it.)
 */
export const IsOmittable = () => ValidateIf((_object: object, value: unknown) => value !== undefined);
