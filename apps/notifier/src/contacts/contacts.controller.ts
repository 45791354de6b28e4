import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, RequireScopes, tenantOf } from '@zoom-oomnitza-sync/platform';
import { ContactEntity } from './contact.entity';
import { CreateContactDto, UpdateContactDto } from './contact.dto';
import { ContactsService } from './contacts.service';

/** The people of the tenant told, in the app and by email, when an integration fails, runs over 24 hours or misses its schedule. */
@ApiTags('contacts')
@ApiBearerAuth()
@Controller()
export class ContactsController {
  constructor(private readonly contacts: ContactsService) {}

  @Post('integrations/:integrationId/contacts')
  @RequireScopes('contacts:write')
  create(
    @CurrentPrincipal() principal: Principal,
    @Param('integrationId', ParseUUIDPipe) integrationId: string,
    @Body() body: CreateContactDto,
  ): Promise<ContactEntity> {
    return this.contacts.create(tenantOf(principal), integrationId, body);
  }

  @Get('integrations/:integrationId/contacts')
  @RequireScopes('contacts:read')
  list(@CurrentPrincipal() principal: Principal, @Param('integrationId', ParseUUIDPipe) integrationId: string): Promise<ContactEntity[]> {
    return this.contacts.list(tenantOf(principal), integrationId);
  }

  @Patch('contacts/:id')
  @RequireScopes('contacts:write')
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateContactDto,
  ): Promise<ContactEntity> {
    return this.contacts.update(tenantOf(principal), id, body);
  }

  @Delete('contacts/:id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @RequireScopes('contacts:write')
  remove(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.contacts.remove(tenantOf(principal), id);
  }
}
