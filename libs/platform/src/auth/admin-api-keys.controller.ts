import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Inject, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ValidationProblem } from '../errors/problems';
import { ApiKeyDto, CreateApiKeyDto, IssuedApiKeyDto, ListApiKeysQueryDto } from './api-key.dto';
import { ApiKeyService, ApiKeyView, IssuedApiKey } from './api-key.service';
import { API_SCOPES } from './api-scopes';
import { AdminOnly } from './auth.decorators';

const uuidParam = new ParseUUIDPipe({ exceptionFactory: () => new ValidationProblem([{ field: 'id', message: 'id must be a UUID' }]) });

@ApiTags('admin')
@AdminOnly()
@Controller('admin/api-keys')
export class AdminApiKeysController {
  constructor(
    private readonly apiKeys: ApiKeyService,
    @Inject(API_SCOPES) private readonly scopes: readonly string[],
  ) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'Issue an API key for a tenant (admin key only); the key is returned once' })
  @ApiCreatedResponse({ type: IssuedApiKeyDto })
  issue(@Body() body: CreateApiKeyDto): Promise<IssuedApiKey> {
    const unknown = body.scopes.filter((scope) => !this.scopes.includes(scope));
    if (unknown.length > 0) {
      throw new ValidationProblem([
        { field: 'scopes', message: `unknown scope(s) ${unknown.join(', ')}: the scopes are ${this.scopes.join(', ')}` },
      ]);
    }
    return this.apiKeys.issue(body);
  }

  @Get()
  @ApiOperation({ summary: "List a tenant's API keys, revoked ones included (admin key only)" })
  @ApiOkResponse({ type: [ApiKeyDto] })
  list(@Query() query: ListApiKeysQueryDto): Promise<ApiKeyView[]> {
    return this.apiKeys.list(query.tenantId);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Revoke an API key (admin key only); every replica refuses it within API_KEY_CACHE_TTL_MS' })
  @ApiOkResponse({ type: ApiKeyDto })
  revoke(@Param('id', uuidParam) id: string): Promise<ApiKeyView> {
    return this.apiKeys.revoke(id);
  }
}
