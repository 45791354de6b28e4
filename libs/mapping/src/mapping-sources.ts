import { FieldMappingDto, isCustomAttributeSource, needsUserRead, UserFiltersDto } from '@zoom-oomnitza-sync/contracts';
import { FieldMappings } from './field-mappings';
import { UserFilter } from './user-filter';

/** What a full sync must ask Zoom for beyond a plain list of users, for an integration's lines and rules to have their fields. */
export interface ZoomReadNeeds {
  /** Fields only GET /users/{userId} returns: each listed user is read once more for them. */
  readSources: string[];
  /** Some line or rule reads a custom attribute: the list asks for them (include_fields=custom_attributes). */
  customAttributes: boolean;
}

/** The Zoom fields an integration's lines and filter rules read, as a full sync must fetch them; lines that cannot run read nothing. */
export function zoomReadNeedsOf(fieldMappings: readonly FieldMappingDto[] = [], filters?: UserFiltersDto | null): ZoomReadNeeds {
  const lines = FieldMappings.compile(fieldMappings, []);
  const filter = UserFilter.compile(filters ?? undefined);
  const sources = [...(lines instanceof FieldMappings ? lines.sources : []), ...(filter instanceof UserFilter ? filter.sources : [])];
  return { readSources: [...new Set(sources.filter(needsUserRead))].sort(), customAttributes: sources.some(isCustomAttributeSource) };
}
