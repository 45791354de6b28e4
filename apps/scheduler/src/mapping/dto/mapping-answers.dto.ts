import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FieldMappingDto, STANDARD_ZOOM_FIELDS, StandardZoomField } from '@zoom-oomnitza-sync/contracts';
import { MappingProblem, MappingProposal, MappingSuggestion } from '@zoom-oomnitza-sync/mapping';

/** What the platform could read of the integration's Oomnitza. */
export class CatalogueReadDto {
  @ApiProperty({ description: "false: Oomnitza's people fields were not read, so only the fields its documentation names are known" })
  fieldsRead: boolean;

  @ApiProperty({ description: "false: Oomnitza's roles were not read, so the role id is not checked" })
  rolesRead: boolean;

  @ApiProperty({ type: [String], description: 'Why either was not read (Oomnitza documents neither route)' })
  unavailable: string[];
}

class MappingProblemDto implements MappingProblem {
  @ApiProperty({ example: 'fieldMappings[2].target' })
  field: string;

  @ApiProperty({ example: 'Oomnitza has no people field BADGE' })
  message: string;
}

export class MappingCheckDto {
  @ApiProperty({ description: 'true: Launch would accept the mapping as it is' })
  launchable: boolean;

  @ApiProperty({ type: [MappingProblemDto], description: 'What Launch would refuse, each naming what to change' })
  problems: MappingProblemDto[];

  @ApiProperty({ type: CatalogueReadDto })
  catalogue: CatalogueReadDto;
}

class MappingProposalDto implements MappingProposal {
  @ApiProperty({ example: 'dept', description: 'A Zoom user field (or connector_sync_time, the run time)' })
  source: string;

  @ApiProperty({ example: '6C0F5D2A9B1E4F7C8D3A2B1C0D9E8F7A', description: 'The Oomnitza field id' })
  target: string;

  @ApiProperty({ example: 'Department' })
  targetLabel: string;

  @ApiProperty({ minimum: 0, maximum: 1, example: 0.95 })
  confidence: number;

  @ApiProperty({ example: 'synonym: dept is also called "department"' })
  reason: string;
}

export class MappingSuggestionDto implements MappingSuggestion {
  @ApiProperty({ type: [MappingProposalDto] })
  proposals: MappingProposalDto[];

  @ApiProperty({
    description: 'The proposals for the standard fields, ready for PATCH /integrations/:id',
    type: 'object',
    properties: Object.fromEntries(STANDARD_ZOOM_FIELDS.map((field) => [field, { type: 'string' }])),
  })
  fieldTargets: Partial<Record<StandardZoomField, string>>;

  @ApiProperty({ type: [FieldMappingDto], description: 'The proposals for the other Zoom fields, as mapping lines ready for PATCH' })
  fieldMappings: FieldMappingDto[];

  @ApiProperty({ type: [String], description: 'Zoom fields no Oomnitza field fits well enough' })
  unmatched: string[];

  @ApiPropertyOptional({ type: CatalogueReadDto })
  catalogue: CatalogueReadDto;
}
