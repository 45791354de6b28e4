import { isCustomAttributeSource, needsUserRead } from '@zoom-oomnitza-sync/contracts';
import { compileIntegrationMapping, IntegrationMappingChoices } from './integration-mapping';

/** What a full sync must ask Zoom for beyond a plain list of users, for an integration's lines and rules to have their fields. */
export interface ZoomReadNeeds {
  /** Fields only GET /users/{userId} returns: each listed user is read once more for them. */
  readSources: string[];
  /** Some line or rule reads a custom attribute: the list asks for them (include_fields=custom_attributes). */
  customAttributes: boolean;
}

/** The Zoom fields an integration's lines and filter rules read, as a full sync must fetch them; a mapping that cannot run reads nothing. */
export function zoomReadNeedsOf(choices: IntegrationMappingChoices): ZoomReadNeeds {
  const mapping = compileIntegrationMapping(choices);
  const sources = 'problems' in mapping ? [] : [...mapping.fieldMappings.sources, ...mapping.filter.sources];
  return { readSources: [...new Set(sources.filter(needsUserRead))].sort(), customAttributes: sources.some(isCustomAttributeSource) };
}
