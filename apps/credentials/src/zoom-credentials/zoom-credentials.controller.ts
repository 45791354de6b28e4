import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentPrincipal, Principal, ProblemDetailsDto, RequireScopes, tenantOf } from '@zoom-oomnitza-sync/platform';
import { uuidParam } from '../common/uuid-param';
import { CreateZoomCredentialDto } from './dto/create-zoom-credential.dto';
import { UpdateZoomCredentialDto } from './dto/update-zoom-credential.dto';
import { ZoomCredentialView } from './zoom-credential.view';
import { ZoomCredentialsService } from './zoom-credentials.service';

const LOCAL_REFUSED = {
  description: 'installationType "local": Zoom needs OAuth, which Local installations do not support',
  type: ProblemDetailsDto,
};

@ApiTags('zoom-credentials')
@ApiBearerAuth()
@Controller('zoom-credentials')
export class ZoomCredentialsController {
  constructor(private readonly credentials: ZoomCredentialsService) {}

  @Post()
  @RequireScopes('credentials:write')
  @ApiOperation({ summary: 'Store a Zoom Server-to-Server OAuth credential; secrets are encrypted and never returned' })
  @ApiCreatedResponse({ type: ZoomCredentialView })
  @ApiUnprocessableEntityResponse(LOCAL_REFUSED)
  @ApiConflictResponse({ description: 'The tenant already has a Zoom credential of that name', type: ProblemDetailsDto })
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateZoomCredentialDto): Promise<ZoomCredentialView> {
    return this.credentials.create(tenantOf(principal), body);
  }

  @Get()
  @RequireScopes('credentials:read')
  @ApiOperation({ summary: "The tenant's Zoom credentials, secrets masked" })
  @ApiOkResponse({ type: [ZoomCredentialView] })
  list(@CurrentPrincipal() principal: Principal): Promise<ZoomCredentialView[]> {
    return this.credentials.list(tenantOf(principal));
  }

  @Get(':id')
  @RequireScopes('credentials:read')
  @ApiOperation({ summary: 'One Zoom credential, secrets masked' })
  @ApiOkResponse({ type: ZoomCredentialView })
  @ApiNotFoundResponse({ type: ProblemDetailsDto })
  get(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam) id: string): Promise<ZoomCredentialView> {
    return this.credentials.get(tenantOf(principal), id);
  }

  @Patch(':id')
  @RequireScopes('credentials:write')
  @ApiOperation({ summary: 'Change a Zoom credential; fields left out stay, every secret is re-encrypted under the active key' })
  @ApiOkResponse({ type: ZoomCredentialView })
  @ApiNotFoundResponse({ type: ProblemDetailsDto })
  @ApiUnprocessableEntityResponse(LOCAL_REFUSED)
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam) id: string,
    @Body() body: UpdateZoomCredentialDto,
  ): Promise<ZoomCredentialView> {
    return this.credentials.update(tenantOf(principal), id, body);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @RequireScopes('credentials:write')
  @ApiOperation({ summary: 'Delete a Zoom credential' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ProblemDetailsDto })
  remove(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam) id: string): Promise<void> {
    return this.credentials.remove(tenantOf(principal), id);
  }
}
