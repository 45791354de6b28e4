import { ServiceFoundationMigration } from '@zoom-oomnitza-sync/messaging';

export class InitialSchema1764240000000 extends ServiceFoundationMigration {}
