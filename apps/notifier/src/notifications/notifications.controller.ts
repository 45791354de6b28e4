import {
  Controller,
  DefaultValuePipe,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseBoolPipe,
  ParseIntPipe,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, RequireScopes, tenantOf } from '@zoom-oomnitza-sync/platform';
import { NotificationEntity } from './notification.entity';
import { NotificationPage, NotificationsService } from './notifications.service';

/** The tenant's in-app notifications: every alert of its integrations, newest first. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @RequireScopes('notifications:read')
  @ApiQuery({ name: 'unread', required: false, description: 'true: unread ones only' })
  @ApiQuery({ name: 'limit', required: false, description: 'at most 100 (default 20)' })
  @ApiQuery({ name: 'offset', required: false })
  page(
    @CurrentPrincipal() principal: Principal,
    @Query('unread', new DefaultValuePipe(false), ParseBoolPipe) unread: boolean,
    @Query('limit', new DefaultValuePipe(20), ParseIntPipe) limit: number,
    @Query('offset', new DefaultValuePipe(0), ParseIntPipe) offset: number,
  ): Promise<NotificationPage> {
    return this.notifications.page(tenantOf(principal), { unread, limit: Math.min(Math.max(limit, 1), 100), offset: Math.max(offset, 0) });
  }

  @Get('unread-count')
  @RequireScopes('notifications:read')
  async unreadCount(@CurrentPrincipal() principal: Principal): Promise<{ unread: number }> {
    return { unread: await this.notifications.unreadCount(tenantOf(principal)) };
  }

  @Post(':id/read')
  @HttpCode(HttpStatus.OK)
  @RequireScopes('notifications:write')
  markRead(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<NotificationEntity> {
    return this.notifications.markRead(tenantOf(principal), id);
  }
}
