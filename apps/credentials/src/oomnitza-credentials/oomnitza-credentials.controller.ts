import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, Principal, ProblemDetailsDto, RequireScopes, tenantOf } from '@zoom-oomnitza-sync/platform';
import { uuidParam } from '../common/uuid-param';
import { CreateOomnitzaCredentialDto } from './dto/create-oomnitza-credential.dto';
import { UpdateOomnitzaCredentialDto } from './dto/update-oomnitza-credential.dto';
import { OomnitzaCredentialView } from './oomnitza-credential.view';
import { OomnitzaCredentialsService } from './oomnitza-credentials.service';

@ApiTags('oomnitza-credentials')
@ApiBearerAuth()
@Controller('oomnitza-credentials')
export class OomnitzaCredentialsController {
  constructor(private readonly credentials: OomnitzaCredentialsService) {}

  @Post()
  @RequireScopes('credentials:write')
  @ApiOperation({ summary: 'Store an Oomnitza instance and API token; the token is encrypted and never returned' })
  @ApiCreatedResponse({ type: OomnitzaCredentialView })
  @ApiBadRequestResponse({
    description: 'Invalid fields, or an http base URL where OOMNITZA_ALLOW_HTTP is not set',
    type: ProblemDetailsDto,
  })
  @ApiConflictResponse({ description: 'The tenant already has an Oomnitza credential of that name', type: ProblemDetailsDto })
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateOomnitzaCredentialDto): Promise<OomnitzaCredentialView> {
    return this.credentials.create(tenantOf(principal), body);
  }

  @Get()
  @RequireScopes('credentials:read')
  @ApiOperation({ summary: "The tenant's Oomnitza credentials, tokens masked" })
  @ApiOkResponse({ type: [OomnitzaCredentialView] })
  list(@CurrentPrincipal() principal: Principal): Promise<OomnitzaCredentialView[]> {
    return this.credentials.list(tenantOf(principal));
  }

  @Get(':id')
  @RequireScopes('credentials:read')
  @ApiOperation({ summary: 'One Oomnitza credential, its token masked' })
  @ApiOkResponse({ type: OomnitzaCredentialView })
  @ApiNotFoundResponse({ type: ProblemDetailsDto })
  get(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam) id: string): Promise<OomnitzaCredentialView> {
    return this.credentials.get(tenantOf(principal), id);
  }

  @Patch(':id')
  @RequireScopes('credentials:write')
  @ApiOperation({ summary: 'Change an Oomnitza credential; fields left out stay, the token is re-encrypted under the active key' })
  @ApiOkResponse({ type: OomnitzaCredentialView })
  @ApiNotFoundResponse({ type: ProblemDetailsDto })
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam) id: string,
    @Body() body: UpdateOomnitzaCredentialDto,
  ): Promise<OomnitzaCredentialView> {
    return this.credentials.update(tenantOf(principal), id, body);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @RequireScopes('credentials:write')
  @ApiOperation({ summary: 'Delete an Oomnitza credential' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ProblemDetailsDto })
  remove(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam) id: string): Promise<void> {
    return this.credentials.remove(tenantOf(principal), id);
  }
}
