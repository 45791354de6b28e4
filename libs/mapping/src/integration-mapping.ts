import { FieldMappingDto, platformFilledTargets, StandardZoomField, UserFiltersDto } from '@zoom-oomnitza-sync/contracts';
import { FieldMappings } from './field-mappings';
import { MappingProblem } from './mapping-problem';
import { UserFilter } from './user-filter';

/** An integration's own mapping choices, as the scheduler keeps them and integration.changed carries them. */
export interface IntegrationMappingChoices {
  fieldTargets: Partial<Record<StandardZoomField, string>>;
  fieldMappings?: readonly FieldMappingDto[];
  filters?: UserFiltersDto | null;
}

/** The integration's lines and filter rules, checked and ready to run. */
export interface IntegrationMapping {
  fieldMappings: FieldMappings;
  filter: UserFilter;
}

/**
 * Checks an integration's lines (none may write a field the platform fills itself) and filter
 * rules together: the one place the scheduler saving them, the mapper running them and the run
 * request saying what Zoom must be asked for all compile them.
 */
export function compileIntegrationMapping(choices: IntegrationMappingChoices): IntegrationMapping | { problems: MappingProblem[] } {
  const fieldMappings = FieldMappings.compile(choices.fieldMappings ?? [], platformFilledTargets(choices.fieldTargets));
  const filter = UserFilter.compile(choices.filters ?? undefined);
  if (fieldMappings instanceof FieldMappings && filter instanceof UserFilter) {
    return { fieldMappings, filter };
  }
  return { problems: [fieldMappings, filter].flatMap((compiled) => ('problems' in compiled ? compiled.problems : [])) };
}
