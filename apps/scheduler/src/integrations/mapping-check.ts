import { compileIntegrationMapping, IntegrationMappingChoices, MappingProblem } from '@zoom-oomnitza-sync/mapping';
import { ProblemException, ValidationProblem } from '@zoom-oomnitza-sync/platform';

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

/** Launch refused: 409 with one error per problem, each naming what to change. */
export class MappingIncompleteProblem extends ProblemException {
  constructor(problems: MappingProblem[]) {
    super({
      status: 409,
      slug: 'mapping-incomplete',
      title: 'The mapping is not complete',
      detail: `The integration stays a draft until its mandatory mapping exists and fits Oomnitza: see errors (${[...new Set(problems.map((problem) => problem.field))].join(', ')}).`,
      errors: problems,
    });
  }
}
