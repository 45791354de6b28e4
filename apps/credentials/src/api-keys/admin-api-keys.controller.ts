import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminOnly, PRODUCT_SCOPES, ValidationProblem } from '@zoom-oomnitza-sync/platform';
import { ApiKeyDto, CreateApiKeyDto, IssuedApiKeyDto, ListApiKeysQueryDto } from './api-key.dto';
import { ApiKeyIssuer, ApiKeyView, IssuedApiKey } from './api-key-issuer';

const uuidParam = new ParseUUIDPipe({ exceptionFactory: () => new ValidationProblem([{ field: 'id', message: 'id must be a UUID' }]) });

@ApiTags('admin')
@AdminOnly()
@Controller('admin/api-keys')
export class AdminApiKeysController {
  constructor(private readonly apiKeys: ApiKeyIssuer) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary: 'Issue an API key for a tenant, valid on every service (admin key only); the key is returned once',
  })
  @ApiCreatedResponse({ type: IssuedApiKeyDto })
  issue(@Body() body: CreateApiKeyDto): Promise<IssuedApiKey> {
    const unknown = body.scopes.filter((scope) => !PRODUCT_SCOPES.includes(scope));
    if (unknown.length > 0) {
      throw new ValidationProblem([
        { field: 'scopes', message: `unknown scope(s) ${unknown.join(', ')}: the scopes are ${PRODUCT_SCOPES.join(', ')}` },
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
  @ApiOperation({ summary: 'Revoke an API key (admin key only); every service refuses it within seconds' })
  @ApiOkResponse({ type: ApiKeyDto })
  revoke(@Param('id', uuidParam) id: string): Promise<ApiKeyView> {
    return this.apiKeys.revoke(id);
  }
}
