/** Why a mapping line or filter rule cannot be used: where (e.g. `fieldMappings[2].transforms[0]`) and what. */
export interface MappingProblem {
  field: string;
  message: string;
}
