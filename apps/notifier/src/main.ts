import { bootstrapService } from '@zoom-oomnitza-sync/platform';
import { AppModule } from './app.module';
import { SERVICE } from './service';

void bootstrapService(AppModule, SERVICE);
