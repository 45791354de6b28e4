/** class-transformer @Transform functions for settings, which arrive as strings from the environment. */
export const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
export const toBool = ({ value }: { value: unknown }) => value === true || value === 'true' || value === '1';
