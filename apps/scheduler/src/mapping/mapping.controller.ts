import { Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DOCUMENTED_OOMNITZA_FIELDS, OomnitzaCatalogue } from '@zoom-oomnitza-sync/contracts';
import { launchProblems, suggestMapping } from '@zoom-oomnitza-sync/mapping';
import { CurrentPrincipal, Principal, RequireScopes, tenantOf } from '@zoom-oomnitza-sync/platform';
import { IntegrationsService } from '../integrations/integrations.service';
import { OomnitzaCatalogueReader } from '../oomnitza-catalogue/oomnitza-catalogue-reader';
import { CatalogueReadDto, MappingCheckDto, MappingSuggestionDto } from './dto/mapping-answers.dto';

const catalogueRead = (catalogue: OomnitzaCatalogue): CatalogueReadDto => ({
  fieldsRead: catalogue.fields !== null,
  rolesRead: catalogue.roles !== null,
  unavailable: catalogue.unavailable,
});

/** The integration's mapping against its Oomnitza: what Launch would say, and Smart Mapping. */
@ApiTags('integrations')
@ApiBearerAuth()
@Controller('integrations/:id/mapping')
export class MappingController {
  constructor(
    private readonly integrations: IntegrationsService,
    private readonly catalogue: OomnitzaCatalogueReader,
  ) {}

  @Get('check')
  @RequireScopes('integrations:read')
  @ApiOperation({ summary: 'What Launch would refuse in the mapping as it is, read against Oomnitza’s fields and roles' })
  @ApiOkResponse({ type: MappingCheckDto })
  async check(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<MappingCheckDto> {
    const integration = await this.integrations.get(tenantOf(principal), id);
    const catalogue = await this.catalogue.read(integration.tenantId, integration.oomnitzaCredentialId);
    const problems = launchProblems(integration, catalogue);
    return { launchable: problems.length === 0, problems, catalogue: catalogueRead(catalogue) };
  }

  @Post('suggest')
  @HttpCode(HttpStatus.OK)
  @RequireScopes('integrations:read')
  @ApiOperation({
    summary: 'Smart Mapping: an Oomnitza field proposed for every Zoom field, with its confidence and reason',
    description:
      'Proposes from Oomnitza’s people fields (from the fields its documentation names when Oomnitza gives no catalogue) and changes nothing: ' +
      'accept some or all by sending fieldTargets and fieldMappings to PATCH /integrations/:id.',
  })
  @ApiOkResponse({ type: MappingSuggestionDto })
  async suggest(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<MappingSuggestionDto> {
    const integration = await this.integrations.get(tenantOf(principal), id);
    const catalogue = await this.catalogue.read(integration.tenantId, integration.oomnitzaCredentialId);
    return { ...suggestMapping(catalogue.fields ?? DOCUMENTED_OOMNITZA_FIELDS), catalogue: catalogueRead(catalogue) };
  }
}
