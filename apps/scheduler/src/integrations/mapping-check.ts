import { compileIntegrationMapping, IntegrationMappingChoices } from '@zoom-oomnitza-sync/mapping';
import { ValidationProblem } from '@zoom-oomnitza-sync/platform';

/**
 * Checks the integration's mapping lines and filter rules as they will run, before they are saved:
 * 400 problem+json with one error per problem, each naming its line or rule.
 */
export function checkMapping(choices: IntegrationMappingChoices): void {
  const mapping = compileIntegrationMapping(choices);
  if ('problems' in mapping) {
    throw new ValidationProblem(mapping.problems, 'The mapping cannot be used: see errors for each line or rule.');
  }
}
