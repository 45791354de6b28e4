/**
 * Every scope a tenant API key may carry, `resource:action`: one closed list for all services
 * (README, "API documentation"). Issuing a key with another is refused.
 */
export const PRODUCT_SCOPES: readonly string[] = Object.freeze([
  'contacts:read',
  'contacts:write',
  'credentials:read',
  'credentials:write',
  'integrations:read',
  'integrations:write',
  'metrics:read',
  'notifications:read',
  'notifications:write',
  'runs:read',
  'runs:write',
]);
