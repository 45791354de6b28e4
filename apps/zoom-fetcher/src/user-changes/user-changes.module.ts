import { Module } from '@nestjs/common';
import { IntegrationsModule } from '../integrations/integrations.module';
import { UserChangePublisher } from './user-change-publisher';

/** Publishing a Zoom user's change to every active integration of its Zoom credential. */
@Module({ imports: [IntegrationsModule], providers: [UserChangePublisher], exports: [UserChangePublisher] })
export class UserChangesModule {}
