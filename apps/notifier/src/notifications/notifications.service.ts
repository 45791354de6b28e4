import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NotFoundProblem } from '@zoom-oomnitza-sync/platform';
import { DataSource, FindOptionsWhere, IsNull } from 'typeorm';
import { NotificationEntity } from './notification.entity';

export interface NotificationPage {
  items: NotificationEntity[];
  /** Notifications matching the query, across pages. */
  total: number;
  /** The tenant's unread notifications. */
  unread: number;
}

@Injectable()
export class NotificationsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async page(tenantId: string, query: { unread: boolean; limit: number; offset: number }): Promise<NotificationPage> {
    const where: FindOptionsWhere<NotificationEntity> = query.unread ? { tenantId, readAt: IsNull() } : { tenantId };
    const [items, total] = await this.dataSource
      .getRepository(NotificationEntity)
      .findAndCount({ where, order: { createdAt: 'DESC', id: 'DESC' }, take: query.limit, skip: query.offset });
    return { items, total, unread: await this.unreadCount(tenantId) };
  }

  unreadCount(tenantId: string): Promise<number> {
    return this.dataSource.getRepository(NotificationEntity).countBy({ tenantId, readAt: IsNull() });
  }

  /** Marks it read (once: the first time stays). */
  async markRead(tenantId: string, id: string): Promise<NotificationEntity> {
    const repository = this.dataSource.getRepository(NotificationEntity);
    await repository.update({ tenantId, id, readAt: IsNull() }, { readAt: new Date() });
    const notification = await repository.findOneBy({ tenantId, id });
    if (!notification) {
      throw new NotFoundProblem(`Notification ${id} was not found.`);
    }
    return notification;
  }
}
