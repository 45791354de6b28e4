import { Router } from '@zoom-oomnitza-sync/devkit';
import { Handler } from '../http/request-context';

/**
 * `GET /api/v2/mappings?name=<connector>`: Oomnitza's connector reads a connector's field mappings
 * here and, with name=AuthTest, uses it to check its token. The sandbox keeps no mappings (the
 * platform maps fields itself), so every name answers an empty mapping; a bad token is a 401.
 */
export function registerMappingRoutes(router: Router<Handler>): void {
  router.add('GET', '/api/v2/mappings', () => ({ body: {} }));
}
