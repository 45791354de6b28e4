import { Controller, Get, Param } from '@nestjs/common';
import { ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { OomnitzaCatalogue } from '@zoom-oomnitza-sync/contracts';
import { ProblemDetailsDto } from '@zoom-oomnitza-sync/platform';
import { uuidParam } from '../common/uuid-param';
import { OomnitzaCatalogueClient } from '../oomnitza-api/oomnitza-catalogue.client';
import { OomnitzaCredentialSecrets } from '../oomnitza-credentials/oomnitza-credential-secrets';
import { OomnitzaCatalogueDto } from './dto/oomnitza-catalogue.dto';
import { ActingForTenant, ForServices, InternalEndpoint, NamesTenant } from './internal-endpoint.decorator';

/** The Oomnitza a credential reaches, described without its token: the scheduler checks and proposes mappings with it. */
@InternalEndpoint()
@Controller('internal/oomnitza-credentials')
export class InternalOomnitzaCatalogueController {
  constructor(
    private readonly secrets: OomnitzaCredentialSecrets,
    private readonly catalogue: OomnitzaCatalogueClient,
  ) {}

  @Get(':id/catalogue')
  @ForServices('scheduler')
  @NamesTenant()
  @ApiOperation({
    summary: "The people fields and roles of the credential's Oomnitza (scheduler only)",
    description:
      'Read at each call with the stored token, which never leaves this service. Oomnitza documents neither route it reads ' +
      '(GET /api/v3/fields/users, GET /api/v3/roles): `fields` or `roles` is null where Oomnitza did not give them, and `unavailable` says why.',
  })
  @ApiOkResponse({ type: OomnitzaCatalogueDto })
  @ApiForbiddenResponse({ description: 'A service other than the scheduler', type: ProblemDetailsDto })
  @ApiNotFoundResponse({ description: 'No such credential of the tenant', type: ProblemDetailsDto })
  async read(@Param('id', uuidParam) id: string, @ActingForTenant() tenantId: string): Promise<OomnitzaCatalogue> {
    const access = await this.secrets.access(id, tenantId);
    return this.catalogue.read(access.baseUrl, access.apiToken);
  }
}
