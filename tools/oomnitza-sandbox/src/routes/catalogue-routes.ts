import { Router } from '@zoom-oomnitza-sync/devkit';
import { Handler } from '../http/request-context';
import { SandboxData } from '../state/sandbox-data';

/**
 * Oomnitza's people field catalogue and its roles, as the platform reads them to check a mapping
 * and to propose one. Oomnitza documents neither route: both are the sandbox's assumption (see the
 * README), and `catalogue: false` (`--no-catalogue`) leaves them out, so they answer 404 as an
 * Oomnitza without them would.
 */
export function registerCatalogueRoutes(router: Router<Handler>, data: SandboxData): void {
  router.add('GET', '/api/v3/fields/users', () => ({
    body: data.schema.fields
      .filter((field) => field.fieldId !== null)
      .map((field) => ({
        id: field.fieldId,
        label: field.label,
        type: field.type,
        unique: field.unique,
        mandatory: field.mandatory,
        ...(field.values ? { values: field.values } : {}),
      })),
  }));
  router.add('GET', '/api/v3/roles', () => ({ body: [...data.roles.values()].map(({ id, name }) => ({ id, name })) }));
}
