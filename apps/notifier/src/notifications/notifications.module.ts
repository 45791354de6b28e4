import { Module } from '@nestjs/common';
import { ContactsModule } from '../contacts/contacts.module';
import { DeliveriesModule } from '../deliveries/deliveries.module';
import { AlertIntake } from './alert-intake';
import { AlertsController } from './alerts.controller';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

@Module({
  imports: [ContactsModule, DeliveriesModule],
  controllers: [NotificationsController, AlertsController],
  providers: [NotificationsService, AlertIntake],
})
export class NotificationsModule {}
