import { platformFilledTargets } from '@zoom-oomnitza-sync/contracts';
import { FieldMappings, MappingProblem, UserFilter } from '@zoom-oomnitza-sync/mapping';
import { ValidationProblem } from '@zoom-oomnitza-sync/platform';
import { IntegrationEntity } from './integration.entity';

/**
 * Checks the integration's mapping lines and filter rules as they will run, before they are saved:
 * 400 problem+json with one error per problem, each naming its line or rule.
 */
export function checkMapping(integration: Pick<IntegrationEntity, 'fieldTargets' | 'fieldMappings' | 'filters'>): void {
  const problems: MappingProblem[] = [];
  const mappings = FieldMappings.compile(integration.fieldMappings, platformFilledTargets(integration.fieldTargets));
  if (!(mappings instanceof FieldMappings)) {
    problems.push(...mappings.problems);
  }
  const filter = UserFilter.compile(integration.filters ?? undefined);
  if (!(filter instanceof UserFilter)) {
    problems.push(...filter.problems);
  }
  if (problems.length > 0) {
    throw new ValidationProblem(problems, 'The mapping cannot be used: see errors for each line or rule.');
  }
}
