import { Module } from '@nestjs/common';
import { LicenceReclamation } from './licence-reclamation';
import { ReportsController } from './reports.controller';

/** Reports on what the platform keeps in Oomnitza: licence reclamation. */
@Module({ controllers: [ReportsController], providers: [LicenceReclamation] })
export class ReportsModule {}
