import { ContactEntity } from './contacts/contact.entity';
import { DeliveryAttemptEntity } from './deliveries/delivery-attempt.entity';
import { DeliveryEntity } from './deliveries/delivery.entity';
import { IntegrationNameEntity } from './integration-names/integration-name.entity';
import { InitialSchema1764240000000 } from './migrations/1764240000000-initial-schema';
import { ContactsAndNotifications1764240100000 } from './migrations/1764240100000-contacts-and-notifications';
import { NotificationEntity } from './notifications/notification.entity';
import { RateLimits1764240200000 } from './migrations/1764240200000-rate-limits';
import { ApiKeyReplica1764240300000 } from './migrations/1764240300000-api-key-replica';
import { OutboxPayloadAsWritten1764241600000 } from './migrations/1764241600000-outbox-payload-as-written';

/** The tables of the notifier's schema, and the migrations that build them in order. */
export const NOTIFIER_ENTITIES = [ContactEntity, NotificationEntity, DeliveryEntity, DeliveryAttemptEntity, IntegrationNameEntity];
export const NOTIFIER_MIGRATIONS = [
  InitialSchema1764240000000,
  ContactsAndNotifications1764240100000,
  RateLimits1764240200000,
  ApiKeyReplica1764240300000,
  OutboxPayloadAsWritten1764241600000,
];
