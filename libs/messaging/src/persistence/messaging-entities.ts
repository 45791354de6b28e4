import { InboxMessageEntity } from './inbox-message.entity';
import { OutboxMessageEntity } from './outbox-message.entity';

/** Add to each service's DataSource entities. */
export const messagingEntities = [OutboxMessageEntity, InboxMessageEntity];
