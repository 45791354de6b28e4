import { Module } from '@nestjs/common';
import { CredentialsClientModule } from '@zoom-oomnitza-sync/credentials-client';
import { OomnitzaCatalogueReader } from './oomnitza-catalogue-reader';

@Module({
  imports: [CredentialsClientModule],
  providers: [OomnitzaCatalogueReader],
  exports: [OomnitzaCatalogueReader],
})
export class OomnitzaCatalogueModule {}
