import { compileIntegrationMapping, IntegrationMappingChoices, MappingProblem, saasAppProblems } from '@zoom-oomnitza-sync/mapping';
import { IntegrationEntity } from './integration.entity';
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

/** A launched integration keeps what Launch asked of it: a User plus SaaS user one its Zoom app (400 otherwise, nothing changed). */
export function checkLaunchedSaasApp(integration: IntegrationEntity): void {
  const problems = integration.status === 'draft' ? [] : saasAppProblems(integration);
  if (problems.length > 0) {
    throw new ValidationProblem(problems, 'The integration is launched: it cannot do without the Zoom app in Oomnitza.');
  }
}
